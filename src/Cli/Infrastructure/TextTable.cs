namespace SourceModel.Cli.Infrastructure;

/// <summary>A plain, aligned text table for terminal reports (right-aligned numbers, left-aligned text).</summary>
internal sealed class TextTable(params string[] header)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] row)
    {
        if (row.Length != header.Length) throw new ArgumentException($"row has {row.Length} cells, header {header.Length}.");
        _rows.Add(row);
    }

    public void Write(TextWriter w)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, _rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        static bool Numeric(string s) => s.Length > 0 && (char.IsDigit(s[0]) || s[0] is '-' or '+' or '.');
        void Line(string[] cells) => w.WriteLine(string.Join("  ", cells.Select((c, i) => Numeric(c) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        w.WriteLine(string.Join("  ", widths.Select(n => new string('-', n))));
        foreach (var r in _rows) Line(r);
    }
}
