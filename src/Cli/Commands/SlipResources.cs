using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Slip;

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

    /// <summary>Refuses a fault of <paramref name="patches"/> patches whose dense estimate exceeds
    /// <see cref="MemoryBudget"/>, at the key that sets the patch size (the matrix-free path has no n² part: its check
    /// waits for the data count).</summary>
    public static void Check(YamlMap at, string key, long patches, SlipAlgebra algebra = SlipAlgebra.Dense)
    {
        if (algebra == SlipAlgebra.MatrixFree) return;
        double need = Bytes(patches), limit = MemoryBudget.Bytes();
        if (need > limit)
            throw at.ErrorAt(key, string.Create(CultureInfo.InvariantCulture,
                $"{patches:N0} patches ({2 * patches:N0} unknowns) need about {MemoryBudget.Size(need)} for step 2's dense matrices, more than the " +
                $"{MemoryBudget.Size(limit)} available (80 % of free memory, or SOURCEMODEL_MEMORY_LIMIT_GB); use a larger {key}, or slip.algebra: matrix_free " +
                $"(a fixed weight or the corner; its memory grows as data × unknowns)."));
    }

    /// <summary>Bytes of the matrix-free path: the Green's matrix in single precision (points × n floats), the blocks of
    /// columns in flight (256 columns of a dataset in double, twice) and some twenty vectors of n.</summary>
    public static double MatrixFreeBytes(long patches, long points)
    {
        double n = 2.0 * patches;
        return 4 * points * n + 2 * 8 * 256.0 * points + 20 * 8 * n;
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
        double limit = MemoryBudget.Bytes(), light = MatrixFreeBytes(patches, points);
        string keys = $"use a larger {c.FaultKeyPrefix}fault.patch_size_m, or fewer data (a coarser quadtree: the datasets' quadtree settings)";
        string available = $"the {MemoryBudget.Size(limit)} available (80 % of free memory, or SOURCEMODEL_MEMORY_LIMIT_GB)";
        if (c.Algebra == SlipAlgebra.MatrixFree)
        {
            if (light > limit)
                throw new UserError(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Path}: step 2 on the matrix-free path with {patches:N0} patches ({2 * patches:N0} unknowns) and {points:N0} data needs about " +
                    $"{MemoryBudget.Size(light)} (the Green's matrix in single precision), more than {available}; {keys}."));
            return;
        }
        double need = Bytes(patches, points);
        if (need <= limit) return;
        string instead = light <= limit
            ? $"; or slip.algebra: matrix_free, which needs about {MemoryBudget.Size(light)} (a fixed weight or the corner, no ABIC/GCV or resolution)."
            : ".";
        throw new UserError(string.Create(CultureInfo.InvariantCulture,
            $"{c.Path}: step 2 with {patches:N0} patches ({2 * patches:N0} unknowns) and {points:N0} data needs about {MemoryBudget.Size(need)} " +
            $"(the Green's matrix, the packed Gram matrix and the factor of the free unknowns), more than {available}; {keys}{instead}"));
    }
}
