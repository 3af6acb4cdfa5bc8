namespace SourceModel.Inversion.Slip;

/// <summary>
/// How each patch's slip is parameterised. A rake window [r1, r2] (SDM): slip = a·ê(r1) + b·ê(r2) with a, b ≥ 0, so
/// the rake stays inside the wedge; 0 ≤ a, b ≤ max slip. Free sign: strike-slip and dip-slip components, each within
/// ±max slip.
/// </summary>
public sealed record SlipBasis
{
    private SlipBasis(double? first, double? second, double maxSlip)
    {
        (FirstRake, SecondRake, MaxSlip) = (first, second, maxSlip);
    }

    /// <summary>Lower rake of the window, degrees (null for free sign).</summary>
    public double? FirstRake { get; }

    /// <summary>Upper rake of the window, degrees (null for free sign).</summary>
    public double? SecondRake { get; }

    /// <summary>Largest value of each basis coefficient, m.</summary>
    public double MaxSlip { get; }

    /// <summary>True for a rake window (non-negative coefficients), false for free-sign components.</summary>
    public bool IsWindow => FirstRake is not null;

    /// <summary>A rake window from <paramref name="first"/> to <paramref name="second"/> degrees (Aki–Richards).</summary>
    public static SlipBasis Window(double first, double second, double maxSlip)
    {
        if (!double.IsFinite(first) || !double.IsFinite(second))
            throw new ArgumentException($"rake window [{first}, {second}]: rakes must be finite numbers of degrees.");
        if (first >= second)
            throw new ArgumentException($"rake window [{first}, {second}]: the first rake must be smaller than the second (e.g. 45 to 135 for a thrust).");
        if (second - first >= 180)
            throw new ArgumentException($"rake window [{first}, {second}] spans {second - first} degrees; a window must be narrower than 180 (use free-sign components for unconstrained rake).");
        return new SlipBasis(first, second, CheckMax(maxSlip));
    }

    /// <summary>Strike-slip and dip-slip components of either sign, each within ±<paramref name="maxSlip"/>.</summary>
    public static SlipBasis FreeSign(double maxSlip) => new(null, null, CheckMax(maxSlip));

    private static double CheckMax(double maxSlip) => maxSlip > 0 && double.IsFinite(maxSlip) ? maxSlip
        : throw new ArgumentException($"maximum slip must be a positive number of metres, got {maxSlip}.");

    /// <summary>Bounds of each coefficient, m.</summary>
    public (double Lower, double Upper) Bounds => IsWindow ? (0, MaxSlip) : (-MaxSlip, MaxSlip);

    /// <summary>(strike-slip, dip-slip) of unit coefficient k (0 or 1).</summary>
    public (double StrikeSlip, double DipSlip) Direction(int k)
    {
        if (!IsWindow) return k == 0 ? (1, 0) : (0, 1);
        double r = (k == 0 ? FirstRake!.Value : SecondRake!.Value) * Math.PI / 180;
        return (Math.Cos(r), Math.Sin(r));
    }

    /// <summary>Strike-slip and dip-slip (m) of coefficients (a, b).</summary>
    public (double StrikeSlip, double DipSlip) Slip(double a, double b)
    {
        var (s0, d0) = Direction(0);
        var (s1, d1) = Direction(1);
        return (a * s0 + b * s1, a * d0 + b * d1);
    }
}
