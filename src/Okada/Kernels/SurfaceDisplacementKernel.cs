using System.Runtime.CompilerServices;
using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>
/// The hot path of forward models and Green's matrices: unit strike-slip, dip-slip and (optionally) tensile
/// displacements at the free surface (Okada 1985, as DC3D's part B at z = 0), displacement only. Compared with the
/// general kernels it shares the four corner distances with the edge tests, accumulates the rows in the dip-aligned
/// frame and rotates once, takes each arctangent with one division (fused multiply-adds in its polynomial), and
/// keeps everything in registers. Same safeguards as DC3D (snaps, singular edges, negative edge extensions); agrees with DC3D at
/// z = 0 to rounding.
/// </summary>
internal static class SurfaceDisplacementKernel
{
    /// <summary>Displacement (x along strike, y, z up) per unit of one dislocation component.</summary>
    public struct Unit3<V> where V : struct, ILanes<V>
    {
        public V X, Y, Z;
    }

    /// <summary>Per-call constants as full registers (a broadcast per use would double the instruction count).</summary>
    private readonly struct Constants<V> where V : struct, ILanes<V>
    {
        public readonly V Sd, Cd, SdCd, InvCdCd, Alp3Sd, Alp3SdCd, Alp3SdSd;
        public readonly bool Vertical;

        public Constants(in KernelConstants k)
        {
            Sd = V.Broadcast(k.Sd); Cd = V.Broadcast(k.Cd); SdCd = V.Broadcast(k.SdCd);
            InvCdCd = V.Broadcast(k.IsVertical ? 0.0 : 1.0 / k.CdCd);
            Alp3Sd = V.Broadcast(k.Alp3 * k.Sd); Alp3SdCd = V.Broadcast(k.Alp3 * k.SdCd); Alp3SdSd = V.Broadcast(k.Alp3 * k.SdSd);
            Vertical = k.IsVertical;
        }
    }

    /// <summary>Sums over the corners of the part-B rows (dip-aligned frame, before the 1/2π factor).</summary>
    private struct Rows<V> where V : struct, ILanes<V>
    {
        public V S1, S2, S3, D1, D2, D3, T1, T2, T3;
    }

    /// <summary>Unit responses at a register of surface points given in Okada's frame; singular lanes are zero.</summary>
    public static void Evaluate<V, TTensile>(in Dc3dSource s, in KernelConstants k, V x, V y,
        out Unit3<V> strike, out Unit3<V> dip, out Unit3<V> tensile, out V singular)
        where V : struct, ILanes<V>
        where TTensile : struct, IFlag
    {
        var e = RectangleEdges<V>.AtSurface(s, k, x, y, out V xi1, out V xi2);
        singular = e.Singular;
        var c = new Constants<V>(k);
        var rows = default(Rows<V>);
        // Separate calls, not inlined: one method holding all four corners exceeds the JIT's inlining budget and
        // then leaves the lane operators as calls (2-3× slower).
        Corner<V, TTensile, On>(xi1, e.Et1, e.Q, e.R11, e.Kxi1, e.Ket1, c, ref rows);
        Corner<V, TTensile, Off>(xi2, e.Et1, e.Q, e.R21, e.Kxi1, e.Ket2, c, ref rows);
        Corner<V, TTensile, Off>(xi1, e.Et2, e.Q, e.R12, e.Kxi2, e.Ket1, c, ref rows);
        Corner<V, TTensile, On>(xi2, e.Et2, e.Q, e.R22, e.Kxi2, e.Ket2, c, ref rows);

        V zero = V.Broadcast(0.0);
        strike = Rotate(rows.S1, rows.S2, rows.S3, c, singular, zero);
        dip = Rotate(rows.D1, rows.D2, rows.D3, c, singular, zero);
        tensile = TTensile.Value ? Rotate(rows.T1, rows.T2, rows.T3, c, singular, zero) : default;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Unit3<V> Rotate<V>(V b1, V b2, V b3, in Constants<V> c, V singular, V zero) where V : struct, ILanes<V>
    {
        const double inv2Pi = 1.0 / KernelConstants.TwoPi;
        return new Unit3<V>
        {
            X = V.Select(singular, zero, b1 * inv2Pi),
            Y = V.Select(singular, zero, (b2 * c.Cd - b3 * c.Sd) * inv2Pi),
            Z = V.Select(singular, zero, (b2 * c.Sd + b3 * c.Cd) * inv2Pi),
        };
    }

    /// <typeparam name="TPlus">On: add this corner's rows (Chinnery sign +), off: subtract them.</typeparam>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Corner<V, TTensile, TPlus>(V xi, V et, V q, V r, V kxi, V ket, in Constants<V> c, ref Rows<V> acc)
        where V : struct, ILanes<V>
        where TTensile : struct, IFlag
        where TPlus : struct, IFlag
    {
        bool plus = TPlus.Value;
        V zero = V.Broadcast(0.0);
        V y = et * c.Cd + q * c.Sd;  // ỹ
        V d = et * c.Sd - q * c.Cd;  // d̃
        V ret = r + et;
        V logEt = V.Log(V.Select(ket, r - et, ret));
        V ale = V.Select(ket, -logEt, logEt);
        V invR = 1.0 / r;
        V y11 = V.Select(ket, zero, invR / ret);
        V x11 = V.Select(kxi, zero, invR / (r + xi));
        V rd = r + d;
        V invRd = 1.0 / rd;
        V logRd = V.Log(rd);
        V tt = V.Select(V.Equal(q, zero), zero, V.AtanOfRatio(xi * et, q * r));

        V ai3, ai4;
        if (!c.Vertical)
        {
            V bigX = V.Sqrt(xi * xi + q * q);
            V angle = V.AtanOfRatio(et * (bigX + q * c.Cd) + bigX * (r + bigX) * c.Sd, xi * (r + bigX) * c.Cd);
            ai4 = V.Select(V.Equal(xi, zero), zero, (xi * invRd * c.SdCd + 2.0 * angle) * c.InvCdCd);
            ai3 = (y * c.Cd * invRd - ale + c.Sd * logRd) * c.InvCdCd;
        }
        else
        {
            V invRd2 = invRd * invRd;
            ai3 = (et * invRd + y * q * invRd2 - ale) * 0.5;
            ai4 = xi * y * invRd2 * 0.5;
        }
        V ai1 = -xi * invRd * c.Cd - ai4 * c.Sd;
        V ai2 = logRd + ai3 * c.Sd;
        V qy = q * y11, qx = q * x11, qOverR = q * invR, xiOverRd = xi * invRd;

        V s1 = -xi * qy - tt - c.Alp3Sd * ai1;
        V s2 = -qOverR + c.Alp3Sd * y * invRd;
        V s3 = q * qy - c.Alp3Sd * ai2;
        V d1 = -qOverR + c.Alp3SdCd * ai3;
        V d2 = -et * qx - tt - c.Alp3SdCd * xiOverRd;
        V d3 = q * qx + c.Alp3SdCd * ai4;
        if (plus)
        {
            acc.S1 += s1; acc.S2 += s2; acc.S3 += s3; acc.D1 += d1; acc.D2 += d2; acc.D3 += d3;
        }
        else
        {
            acc.S1 -= s1; acc.S2 -= s2; acc.S3 -= s3; acc.D1 -= d1; acc.D2 -= d2; acc.D3 -= d3;
        }
        if (TTensile.Value)
        {
            V t1 = q * qy - c.Alp3SdSd * ai3;
            V t2 = q * qx + c.Alp3SdSd * xiOverRd;
            V t3 = et * qx + xi * qy - tt - c.Alp3SdSd * ai4;
            if (plus) { acc.T1 += t1; acc.T2 += t2; acc.T3 += t3; }
            else { acc.T1 -= t1; acc.T2 -= t2; acc.T3 -= t3; }
        }
    }
}
