namespace SourceModel.Inversion.Optimisation;

/// <summary>State of a particle swarm: positions, velocities and personal bests (unit cube, row-major, one row per
/// particle).</summary>
public class SwarmState : SolverState
{
    /// <summary>Number of particles.</summary>
    public int Size { get; set; }

    /// <summary>Coordinates per particle.</summary>
    public int Dimension { get; set; }

    /// <summary>Current positions.</summary>
    public double[] Positions { get; set; } = [];

    /// <summary>Current velocities (unit cube per iteration).</summary>
    public double[] Velocities { get; set; } = [];

    /// <summary>Cost at the current positions.</summary>
    public double[] Costs { get; set; } = [];

    /// <summary>Best position each particle has visited.</summary>
    public double[] PersonalBest { get; set; } = [];

    /// <summary>Cost at each personal best.</summary>
    public double[] PersonalBestCost { get; set; } = [];

    /// <summary>Row <paramref name="p"/> of a row-major particle array.</summary>
    public Span<double> Row(double[] array, int p) => array.AsSpan(p * Dimension, Dimension);
}
