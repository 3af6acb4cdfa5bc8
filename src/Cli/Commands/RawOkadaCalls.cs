using System.Globalization;
using SourceModel.Cli.Infrastructure;
using CsvHelper;
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

    /// <summary>
    /// The largest magnitude of a length argument (X, Y, Z, DEPTH, AL1, AL2, AW1, AW2, in the call's own unit). The
    /// kernel raises distances to powers up to the sixth; at 1e50 those stay far inside double precision (1e300), while
    /// at 1e154 their squares already overflow and the results are not numbers. Okada's own branch-covering reference
    /// calls reach 2.4e9, so a tighter physical limit would refuse legitimate checks of the code.
    /// </summary>
    public const double MaxLength = 1e50;

    /// <summary>IRET written for a call whose results are not finite (inputs beyond floating-point range): never 0.</summary>
    public const int NonFiniteStatus = 3;

    /// <summary>Runs the calls in <paramref name="input"/> and writes <paramref name="output"/>, one record at a time
    /// (memory does not grow with the file); returns the row count.</summary>
    public static int Run(string input, string output, bool pointSource, TextWriter log)
    {
        var required = pointSource ? Dc3d0Inputs : Dc3dInputs;
        string[] lengths = pointSource ? ["X", "Y", "Z", "DEPTH"] : ["X", "Y", "Z", "DEPTH", "AL1", "AL2", "AW1", "AW2"];
        int count = 0, nonFinite = 0;
        AtomicFile.Write(output, w =>
        {
            using var csv = CsvWriter.Create(w, CsvWriterOptions.Default with { Separator = ',', NewLine = "\n" }, true);
            var values = new string[Outputs.Length];
            CsvTable.Stream(input, "the columns " + string.Join(", ", required), table =>
            {
                CheckHeader(table, required);
                csv.WriteRecord(table.Header.Concat(Outputs).ToArray());
            }, (table, line, fields) =>
            {
                double V(string name) => table.Number(line, fields, table.Column(name));
                foreach (string name in lengths)
                    if (Math.Abs(V(name)) > MaxLength)
                        throw new UserError(string.Create(CultureInfo.InvariantCulture,
                            $"{input}:{line}: column {name}: |{V(name):G6}| is beyond the kernel's range (at most 1e50 in the call's length unit)."));
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
                var result = u.ToArray();
                bool finite = result.All(double.IsFinite);
                if (!finite) nonFinite++;
                for (int j = 0; j < result.Length; j++) values[j] = NumberFormat.RoundTrip(result[j]);
                values[^1] = (finite ? (int)u.Status : NonFiniteStatus).ToString(CultureInfo.InvariantCulture);
                csv.WriteRecord([.. fields, .. values]);
                count++;
            });
            csv.Flush();
        });
        log.WriteLine($"{count} {(pointSource ? "DC3D0" : "DC3D")} call(s) from {input} written to {output}.");
        if (nonFinite > 0)
            log.WriteLine($"{nonFinite} call(s) gave results that are not finite numbers (the potencies or slips overflow double precision); their IRET is {NonFiniteStatus}.");
        return count;
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
