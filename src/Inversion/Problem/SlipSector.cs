namespace SourceModel.Inversion.Problem;

/// <summary>
/// The set of slip vectors a rake-and-slip source may take: s = ρ·(cos θ, sin θ) (strike slip, dip slip; left-lateral
/// and reverse positive) with the magnitude ρ in [<see cref="MinSlip"/>, <see cref="MaxSlip"/>] metres and the rake θ in
/// [<see cref="MinRake"/>, <see cref="MaxRake"/>] degrees (Aki–Richards). A window of 360° or more is the whole annulus.
/// </summary>
/// <param name="MinRake">Lower rake bound, degrees.</param>
/// <param name="MaxRake">Upper rake bound, degrees (equal to <paramref name="MinRake"/> for a fixed rake).</param>
/// <param name="MinSlip">Lower magnitude bound, m (≥ 0).</param>
/// <param name="MaxSlip">Upper magnitude bound, m.</param>
public readonly record struct SlipSector(double MinRake, double MaxRake, double MinSlip, double MaxSlip)
{
    private const int ArcSamples = 96;

    /// <summary>True when every rake is allowed.</summary>
    public bool FullCircle => MaxRake - MinRake >= 360;

    /// <summary>
    /// The slip vector of the sector that minimises sᵀAs − 2bᵀs (A symmetric positive semi-definite, 2×2: the normal
    /// equations of one source's two slip columns). A convex quadratic whose free minimum lies outside the sector has
    /// its constrained minimum on the sector's boundary, so the candidates are the free minimum (when inside), the two
    /// rake rays (a 1-D quadratic each, clamped) and the two magnitude arcs (a trigonometric polynomial of degree two,
    /// sampled and refined by golden section). Exact to the arc refinement's tolerance (1e-10 rad).
    /// </summary>
    public (double StrikeSlip, double DipSlip) Minimise(double a11, double a12, double a22, double b1, double b2)
    {
        double bestS = 0, bestD = 0, best = double.PositiveInfinity;
        void Consider(double s, double d)
        {
            double q = a11 * s * s + 2 * a12 * s * d + a22 * d * d - 2 * (b1 * s + b2 * d);
            if (q < best) (best, bestS, bestD) = (q, s, d);
        }
        double det = a11 * a22 - a12 * a12, trace = a11 + a22;
        if (trace > 0 && det > 1e-13 * trace * trace)
        {
            double s = (a22 * b1 - a12 * b2) / det, d = (a11 * b2 - a12 * b1) / det;
            if (Contains(s, d)) return (s, d);
        }
        // Called once per source per misfit evaluation: no allocation here. (Local functions of a struct see copies.)
        var self = this;
        void Ray(double rake)
        {
            double t = rake * Math.PI / 180, c = Math.Cos(t), n = Math.Sin(t);
            double curvature = a11 * c * c + 2 * a12 * c * n + a22 * n * n, slope = b1 * c + b2 * n;
            double rho = curvature > 0 ? Math.Clamp(slope / curvature, self.MinSlip, self.MaxSlip) : (slope > 0 ? self.MaxSlip : self.MinSlip);
            Consider(rho * c, rho * n);
        }
        void Arc(double rho)
        {
            if (rho == 0) Consider(0, 0);
            else
            {
                double theta = self.ArcMinimum(a11, a12, a22, b1, b2, rho);
                Consider(rho * Math.Cos(theta), rho * Math.Sin(theta));
            }
        }
        if (!FullCircle)
        {
            Ray(MinRake);
            Ray(MaxRake);
        }
        Arc(MaxSlip);
        if (MinSlip != MaxSlip) Arc(MinSlip);
        return (bestS, bestD);
    }

    /// <summary>Rake (degrees) of a slip vector, expressed inside the window when an equivalent angle lies there.</summary>
    public double RakeOf(double strikeSlip, double dipSlip)
    {
        double r = Math.Atan2(dipSlip, strikeSlip) * 180 / Math.PI;
        if (strikeSlip == 0 && dipSlip == 0) return Math.Clamp(0, MinRake, MaxRake);
        for (int turn = -2; turn <= 2; turn++)
        {
            double candidate = r + 360 * turn;
            if (candidate >= MinRake - 1e-9 && candidate <= MaxRake + 1e-9) return Math.Clamp(candidate, MinRake, MaxRake);
        }
        // Rounding at a window edge: the nearest edge.
        double toMin = Math.Abs(Remainder(r - MinRake)), toMax = Math.Abs(Remainder(r - MaxRake));
        return toMin <= toMax ? MinRake : MaxRake;
    }

    private bool Contains(double s, double d)
    {
        double rho = Math.Sqrt(s * s + d * d);
        if (rho < MinSlip || rho > MaxSlip) return false;
        if (FullCircle) return true;
        double r = Math.Atan2(d, s) * 180 / Math.PI;
        for (int turn = -2; turn <= 2; turn++)
        {
            double candidate = r + 360 * turn;
            if (candidate >= MinRake && candidate <= MaxRake) return true;
        }
        return false;
    }

    /// <summary>Angle (rad) within the rake window minimising the quadratic on the circle of radius <paramref name="rho"/>.</summary>
    private double ArcMinimum(double a11, double a12, double a22, double b1, double b2, double rho)
    {
        double lo = MinRake * Math.PI / 180, hi = FullCircle ? lo + 2 * Math.PI : MaxRake * Math.PI / 180;
        double G(double t)
        {
            double c = Math.Cos(t), n = Math.Sin(t);
            return rho * rho * (a11 * c * c + 2 * a12 * c * n + a22 * n * n) - 2 * rho * (b1 * c + b2 * n);
        }
        if (hi <= lo) return lo;
        double step = (hi - lo) / ArcSamples, bestT = lo, bestG = G(lo);
        for (int i = 1; i <= ArcSamples; i++)
        {
            double t = lo + i * step, g = G(t);
            if (g < bestG) (bestG, bestT) = (g, t);
        }
        // The degree-two trigonometric polynomial has at most two minima; one sample spacing either side brackets it.
        double a = Math.Max(lo, bestT - step), b = Math.Min(hi, bestT + step);
        const double golden = 0.6180339887498949;
        double x1 = b - golden * (b - a), x2 = a + golden * (b - a), g1 = G(x1), g2 = G(x2);
        while (b - a > 1e-10)
        {
            if (g1 < g2) { b = x2; x2 = x1; g2 = g1; x1 = b - golden * (b - a); g1 = G(x1); }
            else { a = x1; x1 = x2; g1 = g2; x2 = a + golden * (b - a); g2 = G(x2); }
        }
        double tm = 0.5 * (a + b);
        return G(tm) < bestG ? tm : bestT;
    }

    private static double Remainder(double degrees)
    {
        double r = degrees % 360;
        return r > 180 ? r - 360 : r < -180 ? r + 360 : r;
    }
}
