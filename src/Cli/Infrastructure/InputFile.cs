namespace SourceModel.Cli.Infrastructure;

/// <summary>
/// Checks on a file before it is read: it exists, and it is a regular file with content. A device (/dev/urandom) or a
/// named pipe reports no size; reading one would never end or would block, so it is refused by name.
/// </summary>
internal static class InputFile
{
    /// <summary>Largest configuration file read (a YAML/JSON config is a few kB; anything near this is not one).</summary>
    public const long MaxConfigBytes = 16 << 20;

    /// <summary>Deepest nesting of a configuration (flow brackets) accepted; real ones stay under 10.</summary>
    public const int MaxConfigNesting = 64;

    /// <summary>Deepest indentation of a block-style line accepted, columns: 64 levels of up to 8 spaces.</summary>
    public const int MaxConfigIndent = 8 * MaxConfigNesting;

    /// <summary>Refuses a missing, empty or special file (<paramref name="what"/> says what it was meant to be).</summary>
    public static void Check(string path, string what)
    {
        if (Directory.Exists(path)) throw new UserError($"{path}: is a folder; expected {what}.");
        var info = new FileInfo(path);
        if (!info.Exists) throw new UserError($"{path}: file not found.");
        if (info.Length == 0)
            throw new UserError($"{path}: is empty or not a regular file (a device or a named pipe has no size); expected {what}.");
    }

    /// <summary>Reads a configuration's text after checking its size and its nesting depth (a deeply nested file would
    /// exhaust the parser's stack), with the line where the limit is passed.</summary>
    public static string ReadConfig(string path)
    {
        Check(path, "a YAML or JSON configuration");
        if (new FileInfo(path).Length > MaxConfigBytes)
            throw new UserError($"{path}: {new FileInfo(path).Length:N0} bytes is too large for a configuration (limit {MaxConfigBytes:N0}).");
        string text = File.ReadAllText(path);
        int depth = 0, line = 1, indent = 0;
        char quote = '\0';
        bool lineStart = true, comment = false;
        foreach (char ch in text)
        {
            // Quotes are taken to close on their line (as in every configuration here) and comments to run to its end,
            // so an apostrophe in a comment does not hide the brackets after it.
            if (ch == '\n') { line++; lineStart = true; indent = 0; quote = '\0'; comment = false; continue; }
            if (comment) continue;
            if (lineStart && ch == ' ') { if (++indent > MaxConfigIndent) throw TooDeep(path, line); continue; }
            lineStart = false;
            if (quote != '\0') { if (ch == quote) quote = '\0'; continue; }
            if (ch == '#') comment = true;
            else if (ch is '"' or '\'') quote = ch;
            else if (ch is '[' or '{') { if (++depth > MaxConfigNesting) throw TooDeep(path, line); }
            else if (ch is ']' or '}') depth = Math.Max(0, depth - 1);
        }
        return text;
    }

    private static UserError TooDeep(string path, int line) =>
        new($"{path}:{line}: nested deeper than a configuration can be (more than {MaxConfigNesting} levels); check the file.");
}
