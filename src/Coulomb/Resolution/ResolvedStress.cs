namespace SourceModel.Coulomb.Resolution;

/// <summary>A stress change resolved on a receiver plane (Pa). Shear components are the stress that drives the
/// hanging wall in that direction (positive = toward failure in that sense of slip).</summary>
/// <param name="ShearStrike">Shear driving left-lateral slip (rake 0), Pa; right-lateral shear is its negative.</param>
/// <param name="ShearDip">Shear driving reverse slip (rake 90), Pa.</param>
/// <param name="Normal">Normal stress change, positive = unclamping (tension), Pa.</param>
/// <param name="Rake">The rake the shear below is resolved in, degrees.</param>
/// <param name="Friction">Effective friction coefficient μ'.</param>
public readonly record struct ResolvedStress(double ShearStrike, double ShearDip, double Normal, double Rake, double Friction)
{
    /// <summary>Shear driving right-lateral slip (Coulomb 3's "sig-right"), Pa.</summary>
    public double ShearRightLateral => -ShearStrike;

    /// <summary>Shear in the direction of <see cref="Rake"/>, Pa.</summary>
    public double ShearInRake => ShearAt(Rake);

    /// <summary>ΔCFS = Δτ(rake) + μ'·Δσn, Pa.</summary>
    public double Coulomb => CoulombAt(Rake);

    /// <summary>Shear in an arbitrary rake, Pa.</summary>
    public double ShearAt(double rake)
    {
        var (s, c) = Math.SinCos(rake * Math.PI / 180);
        return c * ShearStrike + s * ShearDip;
    }

    /// <summary>ΔCFS for slip in an arbitrary rake, Pa.</summary>
    public double CoulombAt(double rake) => ShearAt(rake) + Friction * Normal;

    /// <summary>The rake (degrees, (−180, 180]) in which the shear change is largest, and ΔCFS there (Pa): the
    /// continuous optimum, |τ| + μ'σn.</summary>
    public (double Rake, double Coulomb) Optimal =>
        (Math.Atan2(ShearDip, ShearStrike) * 180 / Math.PI, Math.Sqrt(ShearStrike * ShearStrike + ShearDip * ShearDip) + Friction * Normal);

    /// <summary>The optimum as Coulomb 3.4 reports it: a grid search over rakes in <paramref name="step"/>-degree steps
    /// from −180 (its opt-rake/opt-coul columns).</summary>
    public (double Rake, double Coulomb) OptimalOnGrid(double step = 0.1)
    {
        int n = (int)Math.Round(360 / step);
        double bestRake = -180, best = double.NegativeInfinity;
        for (int k = 0; k < n; k++)
        {
            double r = Math.Round(-180 + k * step, 10);
            double v = CoulombAt(r);
            if (v > best) { best = v; bestRake = r; }
        }
        return (bestRake, best);
    }
}
