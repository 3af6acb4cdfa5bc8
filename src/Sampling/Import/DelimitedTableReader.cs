using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;

namespace SourceModel.Sampling.Import;

/// <summary>
/// Reads delimited point tables fast and strictly: every mapped field must be a finite number, every line must have the
/// fields the layout needs, and the first problem is reported with file, line and column. Large files are parsed in
/// parallel chunks straight from UTF-8 bytes (a million 8-column lines in well under a second on two cores).
/// </summary>
public static class DelimitedTableReader
{
    private const int ChunkLines = 16384;

    /// <summary>Reads <paramref name="path"/> with <paramref name="layout"/>; only physical lines
    /// <paramref name="firstLine"/>..<paramref name="lastLine"/> (1-based, inclusive) are data when given.</summary>
    public static RawTable Read(string path, TableLayout layout, int? firstLine = null, int? lastLine = null)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return Parse(path, bytes, layout, firstLine, lastLine);
    }

    /// <summary>Parses an in-memory file (UTF-8 bytes); <paramref name="path"/> is used in messages only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RawTable Parse(string path, byte[] bytes, TableLayout layout, int? firstLine = null, int? lastLine = null)
    {
        var starts = LineStarts(bytes);
        int lineCount = starts.Count - 1;
        int first = Math.Max(1, firstLine ?? 1), last = Math.Min(lineCount, lastLine ?? lineCount);
        if (firstLine is { } fl && fl > lineCount)
            throw new DataFormatException(path, 0, 0, $"declared first line {fl} is beyond the end of the file ({lineCount} lines).");

        var dataLines = new List<int>(lineCount);
        Dictionary<ColumnRole, int> fieldOf = layout.ByIndex.ToDictionary(kv => kv.Key, kv => kv.Value);
        bool headerPending = layout.HasHeader;
        byte[] comment = Encoding.UTF8.GetBytes(layout.CommentPrefix);
        for (int line = 1; line <= lineCount; line++)
        {
            var text = Trimmed(bytes, starts, line);
            if (text.IsEmpty || (comment.Length > 0 && text.StartsWith(comment))) continue;
            if (headerPending)
            {
                headerPending = false;
                ResolveHeader(path, line, Encoding.UTF8.GetString(text), layout, fieldOf);
                continue;
            }
            if (line >= first && line <= last) dataLines.Add(line);
        }
        if (headerPending) throw new DataFormatException(path, 0, 0, "the file is empty: expected a header line and data rows.");
        if (dataLines.Count == 0)
            throw new DataFormatException(path, 0, 0, firstLine is null && lastLine is null
                ? "the file has no data rows."
                : $"no data rows between lines {first} and {last}.");
        foreach (var (role, field) in fieldOf)
            if (field < 1) throw new DataFormatException(path, 0, 0, $"column for '{role.Name()}' must be 1 or more, got {field}.");

        int rows = dataLines.Count;
        var numericRoles = fieldOf.Where(kv => kv.Key != ColumnRole.Name).OrderBy(kv => kv.Value).ToArray();
        var columns = numericRoles.ToDictionary(kv => kv.Key, _ => new double[rows]);
        string[]? names = fieldOf.ContainsKey(ColumnRole.Name) ? new string[rows] : null;
        int needed = fieldOf.Values.DefaultIfEmpty(0).Max();
        var roleOfField = new ColumnRole?[needed + 1];
        foreach (var (role, field) in fieldOf) roleOfField[field] = role;
        var targets = new double[]?[needed + 1];
        foreach (var (role, field) in numericRoles) targets[field] = columns[role];

        int chunks = (rows + ChunkLines - 1) / ChunkLines;
        var errors = new DataFormatException?[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
        {
            int end = Math.Min(rows, (c + 1) * ChunkLines);
            for (int r = c * ChunkLines; r < end; r++)
            {
                var problem = ParseLine(path, bytes, starts, dataLines[r], r, layout, roleOfField, targets, names);
                if (problem is not null) { errors[c] = problem; return; }
            }
        });
        foreach (var e in errors) if (e is not null) throw e;
        return new RawTable(path, rows, columns, fieldOf, names, dataLines.ToArray());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DataFormatException? ParseLine(string path, byte[] bytes, List<int> starts, int line, int row, TableLayout layout,
        ColumnRole?[] roleOfField, double[]?[] targets, string[]? names)
    {
        var text = Trimmed(bytes, starts, line);
        int field = 0, pos = 0;
        while (pos <= text.Length)
        {
            ReadOnlySpan<byte> token;
            if (layout.Delimiter is null)
            {
                while (pos < text.Length && IsBlank(text[pos])) pos++;
                if (pos >= text.Length) break;
                int end = pos;
                while (end < text.Length && !IsBlank(text[end])) end++;
                token = text[pos..end];
                pos = end;
            }
            else
            {
                byte d = (byte)layout.Delimiter.Value;
                int rel = text[pos..].IndexOf(d);
                int end = rel < 0 ? text.Length : pos + rel;
                token = TrimBlanks(text[pos..end]);
                pos = end + 1;
            }
            field++;
            if (field < roleOfField.Length && roleOfField[field] is { } role)
            {
                if (role == ColumnRole.Name)
                {
                    names![row] = Encoding.UTF8.GetString(token);
                }
                else
                {
                    if (token.IsEmpty)
                        return new DataFormatException(path, line, field, $"empty field; expected a number for '{role.Name()}'.");
                    if (!FastDouble.TryParse(token, out double v))
                        return new DataFormatException(path, line, field, $"expected a number for '{role.Name()}', got '{Shown(token)}'.");
                    if (!double.IsFinite(v))
                        return new DataFormatException(path, line, field, $"'{Shown(token)}' is not a finite number ('{role.Name()}'); remove or mask such rows before import.");
                    targets[field]![row] = v;
                }
            }
        }
        if (layout.ExactColumns is { } exact && field != exact)
            return new DataFormatException(path, line, 0, $"expected {exact} columns, found {field}.");
        if (field < roleOfField.Length - 1)
            return new DataFormatException(path, line, 0, $"expected at least {roleOfField.Length - 1} columns, found {field}.");
        return null;
    }

    private static void ResolveHeader(string path, int line, string header, TableLayout layout, Dictionary<ColumnRole, int> fieldOf)
    {
        if (layout.ByHeader is null) return;
        string[] names = layout.Delimiter is { } d
            ? header.Split(d).Select(s => s.Trim()).ToArray()
            : header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        foreach (var (role, name) in layout.ByHeader)
        {
            int i = Array.FindIndex(names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (i < 0)
                throw new DataFormatException(path, line, 0,
                    $"header has no column '{name}' (for '{role.Name()}'); found: {string.Join(", ", names)}.");
            fieldOf[role] = i + 1;
        }
        if (layout.ExactColumns is { } exact && names.Length != exact)
            throw new DataFormatException(path, line, 0, $"header has {names.Length} columns, expected {exact}.");
    }

    /// <summary>Start offsets of every line plus one past the end (handles LF and CRLF).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static List<int> LineStarts(byte[] bytes)
    {
        // A UTF-8 byte-order mark is not part of the first line.
        int pos = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var starts = new List<int>(bytes.Length / 48 + 2) { pos };
        var span = bytes.AsSpan();
        while (true)
        {
            int rel = span[pos..].IndexOf((byte)'\n');
            if (rel < 0) break;
            pos += rel + 1;
            starts.Add(pos);
        }
        if (starts[^1] != bytes.Length) starts.Add(bytes.Length);
        return starts;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<byte> Trimmed(byte[] bytes, List<int> starts, int line)
    {
        int s = starts[line - 1], e = starts[line];
        return TrimBlanks(bytes.AsSpan(s, e - s));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<byte> TrimBlanks(ReadOnlySpan<byte> t)
    {
        int a = 0, b = t.Length;
        while (a < b && (IsBlank(t[a]) || t[a] is (byte)'\n')) a++;
        while (b > a && (IsBlank(t[b - 1]) || t[b - 1] is (byte)'\r' or (byte)'\n')) b--;
        return t[a..b];
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r';

    private static string Shown(ReadOnlySpan<byte> token)
    {
        string s = Encoding.UTF8.GetString(token);
        return s.Length > 40 ? s[..40] + "…" : s;
    }
}
