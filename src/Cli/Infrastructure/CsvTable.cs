using CsvHelper;

namespace SourceModel.Cli.Infrastructure;

/// <summary>A CSV file read as text: its header and each record with the line it started on.</summary>
internal sealed record CsvTable(string Path, string[] Header, IReadOnlyList<(long Line, string[] Fields)> Rows)
{
    /// <summary>Reads a comma-separated file with a header line (RFC 4180 quoting; blank lines skipped).</summary>
    public static CsvTable Load(string path, string expectation)
    {
        var rows = new List<(long, string[])>();
        string[] header = [];
        Stream(path, expectation, table => header = table.Header, (_, line, fields) => rows.Add((line, fields)));
        return new CsvTable(path, header, rows);
    }

    /// <summary>
    /// Reads a CSV file one record at a time (memory O(one record), for inputs of any size): <paramref name="onHeader"/>
    /// sees the header first (as a table without rows, for <see cref="Column"/> and <see cref="Number"/>), then
    /// <paramref name="onRecord"/> each record with its line.
    /// </summary>
    public static void Stream(string path, string expectation, Action<CsvTable> onHeader, Action<CsvTable, long, string[]> onRecord)
    {
        InputFile.Check(path, $"a CSV file with {expectation}");
        var options = CsvReaderOptions.Default with { HasHeader = false, Separator = ',', TrackLineNumbers = true, TrimWhitespace = true, SkipEmptyLines = true };
        using var reader = new StreamReader(path);
        using var csv = CsvReader.Create(reader, options, false);
        CsvTable? table = null;
        try
        {
            while (csv.Read())
            {
                var fields = csv.Current.ToArray();
                if (table is null)
                {
                    table = new CsvTable(path, fields.Select(h => h.Trim()).ToArray(), []);
                    onHeader(table);
                    continue;
                }
                if (fields.Length != table.Header.Length)
                    throw new UserError($"{path}:{csv.LineNumber}: {fields.Length} field(s), but the header has {table.Header.Length}.");
                onRecord(table, csv.LineNumber, fields);
            }
        }
        catch (Exception e) when (e is not UserError)
        {
            throw new UserError($"{path}:{csv.LineNumber}: not valid CSV: {e.Message}");
        }
        if (table is null) throw new UserError($"{path}: empty file; expected a header line with {expectation}.");
    }

    /// <summary>Index of a column by case-insensitive name, or −1.</summary>
    public int Column(string name) => Array.FindIndex(Header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A finite number in a field, or an error naming file, line and column.</summary>
    public double Number(long line, string[] fields, int column)
    {
        if (!NumberFormat.TryParse(fields[column], out double v) || !double.IsFinite(v))
            throw new UserError($"{Path}:{line}: column {Header[column]}: expected a finite number, got '{fields[column]}'.");
        return v;
    }

    /// <summary>Writes rows of text fields as CSV (quoting where needed).</summary>
    public static void Write(TextWriter writer, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var options = CsvWriterOptions.Default with { Separator = ',', NewLine = "\n" };
        using var csv = CsvWriter.Create(writer, options, true);
        csv.WriteRecord(header.ToArray());
        foreach (var r in rows) csv.WriteRecord(r.ToArray());
        csv.Flush();
    }
}
