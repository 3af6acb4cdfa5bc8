using System.Globalization;

namespace SourceModel.Cli.Infrastructure;

/// <summary>
/// The memory one command may plan to use, for the size checks made before any work starts: 80 % of what the runtime
/// reports available, or <c>SOURCEMODEL_MEMORY_LIMIT_GB</c> when that is set lower.
/// </summary>
internal static class MemoryBudget
{
    public static double Bytes()
    {
        double available = 0.8 * GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        string? configured = Environment.GetEnvironmentVariable("SOURCEMODEL_MEMORY_LIMIT_GB");
        if (configured is not null && double.TryParse(configured, NumberStyles.Float, CultureInfo.InvariantCulture, out double gb) && gb > 0)
            available = Math.Min(available, gb * (1L << 30));
        return available;
    }

    /// <summary>Refuses, at <paramref name="key"/> of <paramref name="at"/>, a plan of <paramref name="bytes"/> beyond the
    /// budget: "<paramref name="what"/> need about 3.2 GB, more than the 1.5 GB available; <paramref name="advice"/>."</summary>
    public static void Check(YamlMap at, string key, double bytes, string what, string advice)
    {
        if (bytes > Bytes())
            throw at.ErrorAt(key, $"{what} need about {Size(bytes)}, more than the {Size(Bytes())} available (80 % of free memory, or SOURCEMODEL_MEMORY_LIMIT_GB); {advice}.");
    }

    /// <summary>Refuses a dense covariance of <paramref name="count"/> points (the matrix, its Cholesky factor and a
    /// working copy) beyond the budget, before it is built: a noise model on a dataset that was not downsampled.</summary>
    public static void CheckCovariance(string file, string dataset, int count)
    {
        double bytes = 3.0 * 8 * count * (double)count;
        if (bytes > Bytes())
            throw new UserError(string.Create(CultureInfo.InvariantCulture,
                $"{file}: dataset '{dataset}': its noise covariance is a dense {count:N0} × {count:N0} matrix needing about {Size(bytes)}, more than the " +
                $"{Size(Bytes())} available (80 % of free memory, or SOURCEMODEL_MEMORY_LIMIT_GB); downsample it (a quadtree or fewer points), or give per-point sigmas instead of a noise model."));
    }

    /// <summary>"3.2 GB" (or "0.37 MB" below 0.1 GB) for a byte count.</summary>
    public static string Size(double bytes)
    {
        double gb = bytes / (1L << 30);
        if (gb < 0.1) return (bytes / (1L << 20)).ToString("0.##", CultureInfo.InvariantCulture) + " MB";
        return gb.ToString(gb < 10 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + " GB";
    }
}
