using SourceModel.Sampling.Grids;

namespace SourceModel.Sampling.Quadtree;

/// <summary>How a leaf's value is summarised.</summary>
public enum LeafStatistic
{
    /// <summary>Mean of the valid pixels.</summary>
    Mean,
    /// <summary>Median of the valid pixels (robust to unwrapping errors).</summary>
    Median,
}

/// <summary>
/// Quadtree downsampling settings (Jónsson et al. 2002, BSSA 92(4)): a leaf is split while the scatter of its pixels
/// about their mean (or about a fitted plane) exceeds <see cref="Threshold"/>, within the size limits; leaves with too
/// many no-data pixels are split further or dropped at the minimum size.
/// </summary>
/// <param name="Threshold">Largest accepted scatter (standard deviation about mean or plane) in a leaf, in the grid's value unit (m).</param>
/// <param name="MinSize">Smallest leaf side, pixels (leaves are aligned to blocks of this size).</param>
/// <param name="MaxSize">Largest leaf side, pixels.</param>
/// <param name="MaxNanFraction">Largest fraction of no-data pixels a leaf may have (0..1).</param>
/// <param name="Statistic">Leaf value: mean or median.</param>
/// <param name="Detrend">Measure scatter about a best-fitting plane instead of the mean (keeps smooth ramps in big leaves).</param>
public sealed record QuadtreeOptions(double Threshold, int MinSize = 4, int MaxSize = 256, double MaxNanFraction = 0.5,
    LeafStatistic Statistic = LeafStatistic.Mean, bool Detrend = false)
{
    /// <summary>Optional model prediction on the same grid: leaves are also split where the model varies by more than
    /// <see cref="ModelThreshold"/> (standard deviation within the leaf), i.e. more leaves where a preliminary model's
    /// gradient is high — used when the signal is weak compared with the noise.</summary>
    public RasterGrid? Model { get; init; }

    /// <summary>Largest accepted standard deviation of <see cref="Model"/> within a leaf (value unit).</summary>
    public double ModelThreshold { get; init; } = double.PositiveInfinity;

    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (!(Threshold > 0) || !double.IsFinite(Threshold)) throw new ArgumentException($"quadtree threshold must be a positive number, got {Threshold}.");
        if (MinSize < 1) throw new ArgumentException($"quadtree min_size must be at least 1 pixel, got {MinSize}.");
        if (MaxSize < MinSize) throw new ArgumentException($"quadtree max_size ({MaxSize}) must be at least min_size ({MinSize}).");
        if (!(MaxNanFraction >= 0 && MaxNanFraction <= 1)) throw new ArgumentException($"quadtree max_nan_fraction must be within 0..1, got {MaxNanFraction}.");
        if (Model is not null && !(ModelThreshold > 0)) throw new ArgumentException($"quadtree model_threshold must be positive, got {ModelThreshold}.");
    }
}
