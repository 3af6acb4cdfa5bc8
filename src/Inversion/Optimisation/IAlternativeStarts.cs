namespace SourceModel.Inversion.Optimisation;

/// <summary>
/// A problem capability: points (unit cube) where a competing minimum of the same physics may lie, given one minimum
/// — for a fault, the mirror geometry dipping the other way and the auxiliary nodal plane. A multi-start search
/// polishes each of them, so the basins the data cannot easily tell apart are all visited and compared by misfit
/// instead of being left to the luck of a swarm.
/// </summary>
public interface IAlternativeStarts
{
    /// <summary>Alternative starting points for a minimum at <paramref name="unit"/> (clamped into the cube).</summary>
    IReadOnlyList<double[]> Alternatives(ReadOnlySpan<double> unit);
}
