using SourceModel.Cli.Infrastructure;
using SourceModel.Okada.Forward;

namespace SourceModel.Cli.Commands;

/// <summary>
/// Where to compute surface displacement: a regular grid, or points read from CSV (columns east and north in
/// metres; optional per-point LOS as los_east, los_north, los_up, or incidence and heading in degrees; other columns
/// are carried through to the output).
/// </summary>
internal sealed class ObservationPoints
{
    private ObservationPoints(double[] east, double[] north, LosVector?[] los, string[] extraHeader, string[][] extra)
    {
        East = east; North = north; Los = los; ExtraHeader = extraHeader; Extra = extra;
    }

    public double[] East { get; }
    public double[] North { get; }

    /// <summary>Per-point LOS vector, or null where none was given.</summary>
    public LosVector?[] Los { get; }

    public string[] ExtraHeader { get; }
    public string[][] Extra { get; }
    public int Count => East.Length;

    /// <summary>
    /// A grid from "EMIN,EMAX,NMIN,NMAX,SPACING" (metres); nodes at EMIN + i·SPACING up to EMAX, row by row from NMIN.
    /// </summary>
    public static ObservationPoints Grid(string spec)
    {
        var v = NumberFormat.TryParseList(spec, 5)
            ?? throw new UserError($"--grid '{spec}': expected five numbers EMIN,EMAX,NMIN,NMAX,SPACING (metres).");
        var (e0, e1, n0, n1, step) = (v[0], v[1], v[2], v[3], v[4]);
        if (!(step > 0) || e1 < e0 || n1 < n0)
            throw new UserError($"--grid '{spec}': need EMIN <= EMAX, NMIN <= NMAX and SPACING > 0.");
        long ne = (long)Math.Floor((e1 - e0) / step + 1e-9) + 1, nn = (long)Math.Floor((n1 - n0) / step + 1e-9) + 1;
        if (ne * nn > 50_000_000)
            throw new UserError($"--grid '{spec}': {ne} × {nn} nodes is too many (limit 50 million); use a larger spacing.");
        var east = new double[ne * nn];
        var north = new double[ne * nn];
        for (long j = 0, k = 0; j < nn; j++)
            for (long i = 0; i < ne; i++, k++)
            {
                east[k] = e0 + i * step;
                north[k] = n0 + j * step;
            }
        return new ObservationPoints(east, north, new LosVector?[east.Length], [], Enumerable.Repeat(Array.Empty<string>(), east.Length).ToArray());
    }

    public static ObservationPoints FromCsv(string path)
    {
        var table = CsvTable.Load(path, "east and north (metres)");
        int ie = table.Column("east"), inn = table.Column("north");
        if (ie < 0 || inn < 0) throw new UserError($"{path}:1: the header must have columns east and north (metres).");
        int[] losCols = [table.Column("los_east"), table.Column("los_north"), table.Column("los_up")];
        int[] incCols = [table.Column("incidence"), table.Column("heading")];
        bool hasVector = losCols.All(c => c >= 0), hasAngles = incCols.All(c => c >= 0);
        if (losCols.Any(c => c >= 0) && !hasVector) throw new UserError($"{path}:1: give all of los_east, los_north, los_up, or none.");
        if (incCols.Any(c => c >= 0) && !hasAngles) throw new UserError($"{path}:1: give both incidence and heading, or neither.");
        if (hasVector && hasAngles) throw new UserError($"{path}:1: give the LOS either as a vector (los_*) or as incidence + heading, not both.");
        var used = new HashSet<int> { ie, inn };
        foreach (var c in losCols.Concat(incCols)) if (c >= 0) used.Add(c);
        var extraCols = Enumerable.Range(0, table.Header.Length).Where(c => !used.Contains(c)).ToArray();

        int n = table.Rows.Count;
        if (n == 0) throw new UserError($"{path}: no points after the header.");
        var east = new double[n]; var north = new double[n]; var los = new LosVector?[n]; var extra = new string[n][];
        for (int k = 0; k < n; k++)
        {
            var (line, r) = table.Rows[k];
            east[k] = table.Number(line, r, ie);
            north[k] = table.Number(line, r, inn);
            try
            {
                los[k] = hasVector
                    ? new LosVector(table.Number(line, r, losCols[0]), table.Number(line, r, losCols[1]), table.Number(line, r, losCols[2])).Validated()
                    : hasAngles ? LosVector.FromIncidenceAndHeading(table.Number(line, r, incCols[0]), table.Number(line, r, incCols[1])) : null;
            }
            catch (ArgumentException e) { throw new UserError($"{path}:{line}: {UserError.Reason(e)}"); }
            extra[k] = extraCols.Select(c => r[c]).ToArray();
        }
        return new ObservationPoints(east, north, los, extraCols.Select(c => table.Header[c]).ToArray(), extra);
    }
}
