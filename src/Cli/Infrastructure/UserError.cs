namespace SourceModel.Cli.Infrastructure;

/// <summary>
/// A problem with the user's input (file, line or key, what was expected). The command prints the message as one
/// line and exits with <see cref="ExitCodes.BadInput"/>; no stack trace.
/// </summary>
internal sealed class UserError(string message) : Exception(message)
{
    /// <summary>The reason an <see cref="ArgumentException"/> gives, without .NET's " (Parameter 'x')" suffix.</summary>
    public static string Reason(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "");
}

/// <summary>Process exit codes of the sourcemodel command.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Invalid input data, configuration or arguments.</summary>
    public const int BadInput = 1;

    /// <summary>The command line could not be parsed.</summary>
    public const int Usage = 2;

    /// <summary>A file could not be read or written.</summary>
    public const int Io = 3;

    /// <summary>The output folder is in use by another sourcemodel process.</summary>
    public const int InUse = 4;
}
