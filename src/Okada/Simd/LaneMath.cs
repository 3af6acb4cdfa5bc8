namespace SourceModel.Okada.Simd;

/// <summary>Elementary functions the runtime does not vectorise, written once over <see cref="ILanes{TSelf}"/>.</summary>
internal static class LaneMath
{
    // Cephes-style arctangent (S. L. Moshier, "Methods and Programs for Mathematical Functions", 1989): reduce
    // |x| to [0, 0.66] by atan(x) = π/2 + atan(−1/x) or π/4 + atan((x−1)/(x+1)), then a (4,5) rational
    // approximation; the low-order bits of π/2 and π/4 are added back separately. Error below 2 ulp.
    private const double Tan3PiOver8 = 2.41421356237309504880;
    private const double PiOver2 = 1.57079632679489661923;
    private const double PiOver4 = 0.78539816339744830962;
    private const double PiOver2LowBits = 6.123233995736765886130E-17;

    private const double P0 = -8.750608600031904122785E-1;
    private const double P1 = -1.615753718733365076637E1;
    private const double P2 = -7.500855792314704667340E1;
    private const double P3 = -1.228866684490136173410E2;
    private const double P4 = -6.485021904942025371773E1;

    private const double Q1 = 2.485846490142306297962E1;
    private const double Q2 = 1.650270098316988542046E2;
    private const double Q3 = 4.328810604912902668951E2;
    private const double Q4 = 4.853903996359136964868E2;
    private const double Q5 = 1.945506571482613964425E2;

    /// <summary>Arc tangent of every lane, branch-free (one division for the reduction, one for the rational).</summary>
    public static V Atan<V>(V x) where V : struct, ILanes<V>
    {
        V zero = V.Broadcast(0.0);
        V negative = V.LessThan(x, zero);
        V a = V.Abs(x);
        V big = V.LessThan(V.Broadcast(Tan3PiOver8), a);
        V mid = V.Select(big, zero, V.LessThan(V.Broadcast(0.66), a));

        V one = V.Broadcast(1.0);
        V numerator = V.Select(big, V.Broadcast(-1.0), V.Select(mid, a - 1.0, a));
        V denominator = V.Select(big, a, V.Select(mid, a + 1.0, one));
        V r = numerator / denominator;
        V offset = V.Select(big, V.Broadcast(PiOver2), V.Select(mid, V.Broadcast(PiOver4), zero));
        V lowBits = V.Select(big, V.Broadcast(PiOver2LowBits), V.Select(mid, V.Broadcast(0.5 * PiOver2LowBits), zero));

        V z = r * r;
        V p = (((P0 * z + P1) * z + P2) * z + P3) * z + P4;
        V q = ((((z + Q1) * z + Q2) * z + Q3) * z + Q4) * z + Q5;
        V t = r * (z * p / q) + r;
        V result = offset + (t + lowBits);
        return V.Select(negative, -result, result);
    }
}
