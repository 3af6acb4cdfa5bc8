using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb.Inp;

/// <summary>
/// A slip model (step 2's patches) as a Coulomb 3 input: every patch with slip an element (Kode 100), the medium's E
/// and ν, the friction, no regional stress, and a map grid around the model so that Coulomb 3 (or our
/// <c>sourcemodel coulomb</c>) opens it directly.
/// </summary>
public static class SlipModelInput
{
    /// <summary>The input for <paramref name="patches"/> (local metres; the .inp is in km about the same origin).</summary>
    /// <param name="friction">Effective friction coefficient written as FRIC.</param>
    /// <param name="depth">Calculation depth, km (DEPTH).</param>
    public static CoulombInput Create(IReadOnlyList<RectangularFault> patches, ElasticMedium medium, string title,
        double friction = 0.4, double depth = 10)
    {
        ArgumentNullException.ThrowIfNull(patches);
        ArgumentNullException.ThrowIfNull(medium);
        var elements = patches.Where(p => p.Slip.Magnitude > 0).Select((p, k) => ElementGeometry.FromFault(p, $"patch {k + 1}")).ToList();
        if (elements.Count == 0) throw new ArgumentException("the slip model has no slipping patch to write.");
        // Grid: the model's map extent plus half its size (at least 20 km) on each side, about 100 cells across.
        var xs = elements.SelectMany(e => new[] { e.XStart, e.XFinish }).ToList();
        var ys = elements.SelectMany(e => new[] { e.YStart, e.YFinish }).ToList();
        foreach (var p in patches)
            foreach (var c in p.Corners()) { xs.Add(c.East / 1000); ys.Add(c.North / 1000); }
        double span = Math.Max(xs.Max() - xs.Min(), ys.Max() - ys.Min());
        double margin = Math.Max(20, 0.5 * span);
        double step = NiceStep((span + 2 * margin) / 100);
        double Floor(double v) => Math.Floor(v / step) * step;
        double Ceiling(double v) => Math.Ceiling(v / step) * step;
        return new CoulombInput
        {
            Titles = [title, $"{elements.Count} slipping patches; written by sourcemodel"],
            ControlLine = $"#reg1=  0  #reg2=  0  #fixed=  {elements.Count}  sym=  1",
            Poisson = medium.PoissonRatio, Poisson2 = medium.PoissonRatio, Depth = depth,
            Young = medium.YoungModulus / ElementStress.PascalPerBar, Young2 = medium.YoungModulus / ElementStress.PascalPerBar,
            Friction = friction,
            Regional = [new PrincipalStress(0, 0, 0, 0), new PrincipalStress(90, 0, 0, 0), new PrincipalStress(0, 90, 0, 0)],
            Columns = SlipColumns.RightLateralReverse,
            Elements = elements,
            Grid = new CoulombBlock(Floor(xs.Min() - margin), Floor(ys.Min() - margin), Ceiling(xs.Max() + margin), Ceiling(ys.Max() + margin), step, step, double.NaN),
            Size = [2, 1, 10000],
        };
    }

    /// <summary>1, 2 or 5 × a power of ten, at least <paramref name="raw"/>.</summary>
    private static double NiceStep(double raw)
    {
        double p = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double m in new[] { 1.0, 2.0, 5.0, 10.0 })
            if (m * p >= raw) return m * p;
        return 10 * p;
    }
}
