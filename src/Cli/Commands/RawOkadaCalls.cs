using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Okada;

namespace SourceModel.Cli.Commands;

/// <summary>
/// `sourcemodel okada dc3d|dc3d0 --in CASES.csv --out RESULTS.csv`: evaluates raw DC3D/DC3D0 calls given with
/// Okada's own argument names as CSV columns, so anyone can cross-check the kernel against another code. Extra
/// columns (an id, say) are carried through; outputs are UX … UZZ and IRET, with round-trip precision.
/// </summary>
internal static class RawOkadaCalls
{
    public static readonly string[] Dc3dInputs =
        ["ALPHA", "X", "Y", "Z", "DEPTH", "DIP", "AL1", "AL2", "AW1", "AW2", "DISL1", "DISL2", "DISL3"];

    public static readonly string[] Dc3d0Inputs =
        ["ALPHA", "X", "Y", "Z", "DEPTH", "DIP", "POT1", "POT2", "POT3", "POT4"];

    public static readonly string[] Outputs =
        ["UX", "UY", "UZ", "UXX", "UYX", "UZX", "UXY", "UYY", "UZY", "UXZ", "UYZ", "UZZ", "IRET"];

    /// <summary>Runs the calls in <paramref name="input"/> and writes <paramref name="output"/>; returns the row count.</summary>
    public static int Run(string input, string output, bool pointSource, TextWriter log)
    {
        var required = pointSource ? Dc3d0Inputs : Dc3dInputs;
        var table = CsvTable.Load(input, "the columns " + string.Join(", ", required));
        CheckHeader(table, required);
        var results = new List<string[]>(table.Rows.Count);
        foreach (var (line, fields) in table.Rows)
        {
            double V(string name) => table.Number(line, fields, table.Column(name));
            DisplacementGradient u;
            try
            {
                u = pointSource
                    ? Okada92.Dc3d0(new Dc3d0Source(V("ALPHA"), V("DEPTH"), V("DIP"), V("POT1"), V("POT2"), V("POT3"), V("POT4")),
                        V("X"), V("Y"), V("Z"))
                    : Okada92.Dc3d(new Dc3dSource(V("ALPHA"), V("DEPTH"), V("DIP"), V("AL1"), V("AL2"), V("AW1"), V("AW2"),
                        V("DISL1"), V("DISL2"), V("DISL3")), V("X"), V("Y"), V("Z"));
            }
            catch (ArgumentException e)
            {
                throw new UserError($"{input}:{line}: {UserError.Reason(e)}");
            }
            var values = u.ToArray().Select(NumberFormat.RoundTrip).Append(((int)u.Status).ToString(CultureInfo.InvariantCulture));
            results.Add(fields.Concat(values).ToArray());
        }
        AtomicFile.Write(output, w => CsvTable.Write(w, table.Header.Concat(Outputs), results));
        log.WriteLine($"{results.Count} {(pointSource ? "DC3D0" : "DC3D")} call(s) from {input} written to {output}.");
        return results.Count;
    }


    private static void CheckHeader(CsvTable table, string[] required)
    {
        string path = table.Path;
        var missing = required.Where(r => table.Column(r) < 0).ToArray();
        if (missing.Length > 0)
            throw new UserError($"{path}:1: missing column(s) {string.Join(", ", missing)}; the header must name {string.Join(", ", required)} (case-insensitive; extra columns are carried through).");
        var duplicated = table.Header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicated.Length > 0) throw new UserError($"{path}:1: duplicated column(s) {string.Join(", ", duplicated)}.");
        var clash = table.Header.Where(h => Outputs.Contains(h, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (clash.Length > 0) throw new UserError($"{path}:1: input column(s) {string.Join(", ", clash)} would clash with the output columns.");
    }
}
