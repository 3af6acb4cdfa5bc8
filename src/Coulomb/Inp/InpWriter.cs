using System.Globalization;

namespace SourceModel.Coulomb.Inp;

/// <summary>Writes a <see cref="CoulombInput"/> in Coulomb 3's layout (readable by Coulomb 3.4 and by
/// <see cref="InpReader"/>); numbers are written in full precision so a read–write–read round trip is exact.</summary>
public static class InpWriter
{
    /// <summary>Writes <paramref name="c"/> to <paramref name="w"/>.</summary>
    public static void Write(CoulombInput c, TextWriter w)
    {
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        w.WriteLine(c.Titles.Length > 0 ? c.Titles[0] : "");
        w.WriteLine(c.Titles.Length > 1 ? c.Titles[1] : "");
        w.WriteLine(c.ControlLine.Length > 0 ? c.ControlLine : $"#reg1=  0  #reg2=  0  #fixed=  {c.Elements.Count}  sym=  1");
        w.WriteLine($" PR1=  {F(c.Poisson),12}   PR2=  {F(c.Poisson2),12}   DEPTH=  {F(c.Depth),12}");
        w.WriteLine($"  E1=  {F(c.Young),12}    E2=  {F(c.Young2),12}");
        w.WriteLine($"XSYM=  {F(c.XSym),12}  YSYM=  {F(c.YSym),12}");
        w.WriteLine($"FRIC=  {F(c.Friction),12}");
        for (int k = 0; k < 3; k++)
        {
            var s = c.Regional[k];
            w.WriteLine($"S{k + 1}DR=  {F(s.Azimuth),12} S{k + 1}DP=  {F(s.Plunge),12} S{k + 1}IN=  {F(s.Intensity),12} S{k + 1}GD=  {F(s.Gradient),12}");
        }
        w.WriteLine();
        w.WriteLine(c.Columns == SlipColumns.RakeNetSlip
            ? "  #   X-start    Y-start     X-fin      Y-fin   Kode  rake      netslip   dip angle     top      bot"
            : "  #   X-start    Y-start     X-fin      Y-fin   Kode  rt.lat    reverse   dip angle     top      bot");
        w.WriteLine("xxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx");
        foreach (var e in c.Elements)
            w.WriteLine($"  1 {F(e.XStart),10} {F(e.YStart),10} {F(e.XFinish),10} {F(e.YFinish),10} {e.Kode,3} {F(e.Slip1),10} {F(e.Slip2),10} {F(e.Dip),10} {F(e.Top),10} {F(e.Bottom),10}  {e.Comment}".TrimEnd());
        w.WriteLine();
        if (c.Grid is { } g)
        {
            w.WriteLine("    Grid Parameters");
            Numbered(w, ["Start-x", "Start-y", "Finish-x", "Finish-y", "x-increment", "y-increment"], [g.StartX, g.StartY, g.FinishX, g.FinishY, g.XIncrement, g.YIncrement]);
        }
        if (c.Size is { } size)
        {
            w.WriteLine("     Size Parameters");
            Numbered(w, ["Plot size", "Shade/Color increment", "Exaggeration for disp.& dist."], size);
        }
        if (c.CrossSection is { } x)
        {
            w.WriteLine();
            w.WriteLine("Cross section default");
            Numbered(w, ["Start-x", "Start-y", "Finish-x", "Finish-y", "Distant-increment", "Z-depth", "Z-increment"],
                [x.StartX, x.StartY, x.FinishX, x.FinishY, x.XIncrement, x.YIncrement, x.ZIncrement]);
        }
        if (c.Map is { } map)
        {
            w.WriteLine("     Map infomation");
            Numbered(w, ["min. lon", "max. lon", "zero lon", "min. lat", "max. lat", "zero lat", "x-increment", "y-increment"], map);
        }
    }

    private static void Numbered(TextWriter w, string[] labels, IReadOnlyList<double> values)
    {
        for (int i = 0; i < values.Count; i++)
        {
            string label = i < labels.Length ? labels[i] : $"value {i + 1}";
            w.WriteLine($"  {i + 1}  {new string('-', Math.Max(4, 40 - label.Length))}  {label} =  {values[i].ToString("R", CultureInfo.InvariantCulture)}");
        }
    }
}
