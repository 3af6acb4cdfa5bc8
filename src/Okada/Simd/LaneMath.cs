using System.Runtime.CompilerServices;

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

    /// <summary>
    /// atan(n/d) for every lane with a single division: the Cephes reduction is applied to the pair (|n|, |d|)
    /// and the rational approximation is evaluated as homogeneous polynomials in n² and d² (after scaling both by
    /// the same power of two, so nothing overflows), giving atan(r) = n·(Q̃ + n²P̃)/(d·Q̃). Agrees with
    /// <see cref="Atan{V}"/> of the quotient within a few ulp. d = ±0 with n ≠ 0 gives π/2·sign(n) (the sign of a
    /// zero denominator is ignored; the kernels mask those lanes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V AtanRatio<V>(V n, V d) where V : struct, ILanes<V>
    {
        V zero = V.Broadcast(0.0);
        V a = V.Abs(n), b = V.Abs(d);
        V negative = V.Or(V.And(V.LessThan(n, zero), V.LessThan(zero, d)), V.And(V.LessThan(zero, n), V.LessThan(d, zero)));
        V big = V.LessThan(b * Tan3PiOver8, a);
        V mid = V.Select(big, zero, V.LessThan(b * 0.66, a));
        V num = V.Select(big, -b, V.Select(mid, a - b, a));
        V den = V.Select(big, a, V.Select(mid, a + b, b));
        V scale = V.InversePowerOfTwo(den);
        num *= scale;
        den *= scale;

        // Homogeneous Horner: the v^k·coefficient products do not depend on the chain, so they overlap with it.
        V u = num * num, v = den * den;
        V v2 = v * v, v3 = v2 * v, v4 = v2 * v2, v5 = v4 * v;
        V p = V.MultiplyAdd(u, V.Broadcast(P0), v * P1);
        p = V.MultiplyAdd(p, u, v2 * P2);
        p = V.MultiplyAdd(p, u, v3 * P3);
        p = V.MultiplyAdd(p, u, v4 * P4);
        V q = u + v * Q1;
        q = V.MultiplyAdd(q, u, v2 * Q2);
        q = V.MultiplyAdd(q, u, v3 * Q3);
        q = V.MultiplyAdd(q, u, v4 * Q4);
        q = V.MultiplyAdd(q, u, v5 * Q5);
        V t = num * V.MultiplyAdd(u, p, q) / (den * q);
        V offset = V.Select(big, V.Broadcast(PiOver2), V.Select(mid, V.Broadcast(PiOver4), zero));
        V lowBits = V.Select(big, V.Broadcast(PiOver2LowBits), V.Select(mid, V.Broadcast(0.5 * PiOver2LowBits), zero));
        V result = offset + (t + lowBits);
        return V.Select(negative, -result, result);
    }
}
