namespace SourceModel.Inversion.Optimisation;

/// <summary>
/// What an optimiser needs of a problem: a cost over the unit cube [0, 1]^d and a bulk form for a swarm, evaluated in
/// parallel by the problem. Costs must be finite; invalid points are the problem's to penalise.
/// </summary>
public interface IObjective
{
    /// <summary>Number of free coordinates d.</summary>
    int Dimension { get; }

    /// <summary>Cost at one point of the unit cube.</summary>
    double Cost(ReadOnlySpan<double> unit);

    /// <summary>Costs of <c>costs.Length</c> points stored one after another (row-major, d values each).</summary>
    void CostBulk(ReadOnlySpan<double> units, Span<double> costs);
}

/// <summary>An objective from a plain function; bulk evaluation runs in parallel over points.</summary>
public sealed class FunctionObjective(int dimension, Func<double[], double> cost) : IObjective
{
    private long _evaluations;

    /// <inheritdoc />
    public int Dimension { get; } = dimension > 0 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension));

    /// <summary>Evaluations so far.</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <inheritdoc />
    public double Cost(ReadOnlySpan<double> unit)
    {
        Interlocked.Increment(ref _evaluations);
        return cost(unit.ToArray());
    }

    /// <inheritdoc />
    public void CostBulk(ReadOnlySpan<double> units, Span<double> costs)
    {
        int d = Dimension;
        var points = new double[costs.Length][];
        for (int p = 0; p < points.Length; p++) points[p] = units.Slice(p * d, d).ToArray();
        var result = new double[costs.Length];
        Parallel.For(0, points.Length, Parallelism.CoreBound, p =>
        {
            Interlocked.Increment(ref _evaluations);
            result[p] = cost(points[p]);
        });
        result.CopyTo(costs);
    }
}

/// <summary>Shared parallel settings.</summary>
internal static class Parallelism
{
    /// <summary>One worker per core: the costs are compute-bound.</summary>
    public static readonly ParallelOptions CoreBound = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
