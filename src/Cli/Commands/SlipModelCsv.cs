using SourceModel.Cli.Infrastructure;
using SourceModel.Okada.Geometry;

namespace SourceModel.Cli.Commands;

/// <summary>
/// A slip model as a table of rectangular patches (docs/formats.md): header
/// <c>east_m,north_m,top_depth_m,length_m,width_m,strike_deg,dip_deg,strike_slip_m,dip_slip_m[,opening_m]</c>, one
/// patch per row, positions of each patch's top-edge centre in the local frame. Step 2 writes its result in this form.
/// </summary>
internal static class SlipModelCsv
{
    private static readonly string[] Required = ["east_m", "north_m", "top_depth_m", "length_m", "width_m", "strike_deg", "dip_deg", "strike_slip_m", "dip_slip_m"];

    public static RectangularFault[] Load(string path)
    {
        var table = CsvTable.Load(path, string.Join(", ", Required));
        var idx = Required.Select(n => table.Column(n)).ToArray();
        for (int k = 0; k < idx.Length; k++)
            if (idx[k] < 0) throw new UserError($"{path}: missing column '{Required[k]}'; expected {string.Join(", ", Required)}[, opening_m].");
        int opening = table.Column("opening_m");
        var faults = new List<RectangularFault>();
        foreach (var (line, f) in table.Rows)
        {
            double N(int k) => table.Number(line, f, idx[k]);
            try
            {
                faults.Add(new RectangularFault(N(0), N(1), N(2), N(3), N(4), N(5), N(6),
                    new FaultSlip(N(7), N(8), opening < 0 ? 0 : table.Number(line, f, opening))));
            }
            catch (ArgumentException e) { throw new UserError($"{path}:{line}: {UserError.Reason(e)}"); }
        }
        if (faults.Count == 0) throw new UserError($"{path}: no patches.");
        return faults.ToArray();
    }
}
