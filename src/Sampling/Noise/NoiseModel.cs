using MathNet.Numerics.LinearAlgebra;

namespace SourceModel.Sampling.Noise;

/// <summary>The covariance a dataset's noise model implies, whichever form it was given in.</summary>
public static class NoiseModel
{
    /// <summary>The full covariance when one is attached, else the diagonal of the squared sigmas (white noise), m².
    /// A dataset with neither has no noise model: that is an error, not a silent unit weight.</summary>
    public static Matrix<double> CovarianceOf(GeodeticDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Covariance is { } c) return c.Clone();
        if (dataset.Sigma.Length == 0)
            throw new ArgumentException($"dataset '{dataset.Name}' has no sigmas and no covariance; give 'sigma', a covariance file, or fit one with 'sourcemodel data covariance'.");
        var s = dataset.Sigma.ToArray();
        return Matrix<double>.Build.DiagonalOfDiagonalArray(s.Select(x => x * x).ToArray());
    }
}
