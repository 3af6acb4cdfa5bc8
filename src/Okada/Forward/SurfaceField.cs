namespace SourceModel.Okada.Forward;

/// <summary>
/// Surface displacement at a set of points: east, north, up in metres (per the slip unit of the sources), and a
/// status per point (the worst over all sources: a point on a surface-breaking fault trace is singular).
/// </summary>
public sealed class SurfaceField
{
    /// <summary>Zeroed arrays for <paramref name="count"/> points.</summary>
    public SurfaceField(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        East = new double[count]; North = new double[count]; Up = new double[count];
        Status = new OkadaStatus[count];
    }

    /// <summary>Number of points.</summary>
    public int Count => East.Length;

    /// <summary>East displacement, metres.</summary>
    public double[] East { get; }

    /// <summary>North displacement, metres.</summary>
    public double[] North { get; }

    /// <summary>Up displacement, metres.</summary>
    public double[] Up { get; }

    /// <summary>Worst status over the sources at each point.</summary>
    public OkadaStatus[] Status { get; }

    /// <summary>LOS displacement at point i, metres, positive toward the satellite.</summary>
    public double Los(int i, LosVector los) => los.Project(East[i], North[i], Up[i]);
}
