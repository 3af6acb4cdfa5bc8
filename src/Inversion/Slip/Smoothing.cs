using SourceModel.Okada.Discretisation;

namespace SourceModel.Inversion.Slip;

/// <summary>What the Laplacian assumes beyond the fault's edges.</summary>
public enum SmoothingBoundary
{
    /// <summary>Slip free at the surface (patches whose top is at 0 depth), zero beyond every other edge: the usual
    /// choice for a fault that may break the surface.</summary>
    FreeSurface,

    /// <summary>Zero slip beyond every edge (a buried rupture).</summary>
    ZeroEdges,

    /// <summary>No assumption: each patch is compared only with the neighbours it has.</summary>
    Free,
}

/// <summary>
/// The finite-difference Laplacian of slip over the patches: for patch i, Σ_j∈N(i) (s_j − s_i) − g_i·s_i, where the
/// neighbours come from the patch adjacency (within and across segments) and g_i counts the missing neighbours that the
/// boundary rule sets to zero slip. Patch-index units (dimensionless), as in SDM; the smoothing weight α absorbs the
/// patch size.
/// </summary>
public static class Smoothing
{
    /// <summary>The Laplacian as sparse rows (patch × patch): for each patch, (column, coefficient) pairs.</summary>
    public static IReadOnlyList<(int Column, double Value)[]> Laplacian(DiscretisedFault fault, SmoothingBoundary boundary)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var rows = new List<(int, double)[]>();
        foreach (var p in fault.Patches)
        {
            var neighbours = fault.Neighbours[p.Index];
            int missing = Math.Max(0, 4 - neighbours.Length);
            bool atSurface = p.Geometry.TopDepth <= 1e-6 * Math.Max(1, p.Geometry.Width);
            int ghosts = boundary switch
            {
                SmoothingBoundary.Free => 0,
                SmoothingBoundary.ZeroEdges => missing,
                _ => Math.Max(0, missing - (atSurface ? 1 : 0)),
            };
            var row = new List<(int, double)> { (p.Index, -(neighbours.Length + ghosts)) };
            row.AddRange(neighbours.Select(j => (j, 1.0)));
            rows.Add([.. row]);
        }
        return rows;
    }
}
