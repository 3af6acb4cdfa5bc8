namespace SourceModel.Coulomb.Inp;

/// <summary>A malformed .inp file: message <c>FILE:LINE: what was expected</c>.</summary>
public sealed class InpFormatException(string file, int line, string problem)
    : Exception(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
{
    /// <summary>The file.</summary>
    public string File { get; } = file;

    /// <summary>1-based line, or 0 for the whole file.</summary>
    public int Line { get; } = line;
}
