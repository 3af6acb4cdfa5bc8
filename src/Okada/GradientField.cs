namespace SourceModel.Okada;

/// <summary>
/// Structure-of-arrays output for batch evaluation: displacement and nine derivatives (DC3D's names and units) and
/// a status per point. Allocate once and reuse; the kernels write into it without allocating.
/// </summary>
public sealed class GradientField
{
    /// <summary>Creates zeroed arrays for <paramref name="count"/> points.</summary>
    public GradientField(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        Ux = new double[count]; Uy = new double[count]; Uz = new double[count];
        Uxx = new double[count]; Uyx = new double[count]; Uzx = new double[count];
        Uxy = new double[count]; Uyy = new double[count]; Uzy = new double[count];
        Uxz = new double[count]; Uyz = new double[count]; Uzz = new double[count];
        Status = new OkadaStatus[count];
    }

    /// <summary>Number of points.</summary>
    public int Count { get; }

#pragma warning disable CS1591 // The twelve arrays are documented together: DC3D's UX … UZZ.
    public double[] Ux { get; }
    public double[] Uy { get; }
    public double[] Uz { get; }
    public double[] Uxx { get; }
    public double[] Uyx { get; }
    public double[] Uzx { get; }
    public double[] Uxy { get; }
    public double[] Uyy { get; }
    public double[] Uzy { get; }
    public double[] Uxz { get; }
    public double[] Uyz { get; }
    public double[] Uzz { get; }
#pragma warning restore CS1591

    /// <summary>DC3D's return code per point.</summary>
    public OkadaStatus[] Status { get; }

    /// <summary>The values at one point.</summary>
    public DisplacementGradient this[int i] => new(
        Ux[i], Uy[i], Uz[i], Uxx[i], Uyx[i], Uzx[i], Uxy[i], Uyy[i], Uzy[i], Uxz[i], Uyz[i], Uzz[i], Status[i]);
}
