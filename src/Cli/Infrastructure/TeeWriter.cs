using System.Text;

namespace SourceModel.Cli.Infrastructure;

/// <summary>Writes everything to the console writer and to a log file; progress bars still go to the terminal alone
/// (<see cref="ProgressDisplay"/> looks through to <see cref="Console"/>).</summary>
internal sealed class TeeWriter(TextWriter console, TextWriter file) : TextWriter
{
    /// <summary>The console side.</summary>
    public TextWriter Console { get; } = console;

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc />
    public override void Write(char value) { Console.Write(value); file.Write(value); }

    /// <inheritdoc />
    public override void Write(string? value) { Console.Write(value); file.Write(value); }

    /// <inheritdoc />
    public override void WriteLine(string? value) { Console.WriteLine(value); file.WriteLine(value); }
}
