using System.Globalization;
using SourceModel.Cli.Infrastructure;

namespace SourceModel.Cli.Commands;

/// <summary>
/// The memory step 2 will need, estimated from the fault's patch count before anything runs, so that a patch size far
/// too small (15,000 patches) is refused at <c>config check</c> with the estimate and the key to change, not found
/// gigabytes into a run (the limit: <see cref="MemoryBudget"/>).
/// </summary>
internal static class SlipResources
{
    /// <summary>Bytes of the dense matrices of the bounded least-squares solve for n = 2 unknowns per patch: the data
    /// Gram matrix GᵀG packed (n²/2 doubles) and the factor of the free unknowns (n² doubles) — the part that grows as
    /// n² and dominates for large faults (the Green's matrix, points × n, and the sparse roughness come on top).</summary>
    public static double Bytes(long patches)
    {
        double n = 2.0 * patches;
        return 1.5 * 8 * n * n;
    }

    /// <summary>Refuses a fault of <paramref name="patches"/> patches whose estimate exceeds <see cref="MemoryBudget"/>,
    /// at the key that sets the patch size.</summary>
    public static void Check(YamlMap at, string key, long patches)
    {
        double need = Bytes(patches), limit = MemoryBudget.Bytes();
        if (need > limit)
            throw at.ErrorAt(key, string.Create(CultureInfo.InvariantCulture,
                $"{patches:N0} patches ({2 * patches:N0} unknowns) need about {MemoryBudget.Size(need)} for step 2's dense matrices, more than the " +
                $"{MemoryBudget.Size(limit)} available (80 % of free memory, or SOURCEMODEL_MEMORY_LIMIT_GB); use a larger {key}."));
    }

    /// <summary>Bytes of step 2 once the data count is known: the dense part of <see cref="Bytes(long)"/>, the whitened
    /// Green's matrix (points × n doubles) and, with fewer data than unknowns, the data-space kernel of ABIC and GCV
    /// (points² doubles).</summary>
    public static double Bytes(long patches, long points)
    {
        double n = 2.0 * patches;
        return Bytes(patches) + 8 * points * n + (points <= n ? 8.0 * points * points : 0);
    }

    /// <summary>Refuses, before the Green's matrix is built, a step 2 whose dense form would not fit the memory budget,
    /// naming both keys that change it: the patch size and the data count.</summary>
    public static void CheckWithData(SlipConfig c, long points)
    {
        if (c.PlannedPatches is not { } patches) return;
        double need = Bytes(patches, points), limit = MemoryBudget.Bytes();
        if (need > limit)
            throw new UserError(string.Create(CultureInfo.InvariantCulture,
                $"{c.Path}: step 2 with {patches:N0} patches ({2 * patches:N0} unknowns) and {points:N0} data needs about {MemoryBudget.Size(need)} " +
                $"(the Green's matrix, the packed Gram matrix and the factor of the free unknowns), more than the {MemoryBudget.Size(limit)} available " +
                $"(80 % of free memory, or SOURCEMODEL_MEMORY_LIMIT_GB); use a larger {c.FaultKeyPrefix}fault.patch_size_m, or fewer data (a coarser quadtree: the datasets' quadtree settings)."));
    }
}
