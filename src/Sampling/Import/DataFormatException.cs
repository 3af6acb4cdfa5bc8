namespace SourceModel.Sampling.Import;

/// <summary>
/// A file does not hold what its declaration says. The message names the file, the line (1-based, 0 when the problem
/// is the whole file), the column when known, and what was expected — one line, fit to show a user as it is.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the error.</summary>
    public DataFormatException(string file, int line, int column, string problem)
        : base(Compose(file, line, column, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>1-based line, or 0 for the whole file.</summary>
    public int Line { get; }

    /// <summary>1-based column (field), or 0 when not tied to one field.</summary>
    public int Column { get; }

    /// <summary>What was wrong and what was expected.</summary>
    public string Problem { get; }

    private static string Compose(string file, int line, int column, string problem) =>
        line <= 0 ? $"{file}: {problem}" : column <= 0 ? $"{file}:{line}: {problem}" : $"{file}:{line}: column {column}: {problem}";
}
