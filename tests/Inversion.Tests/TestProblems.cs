using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling;
using MathNet.Numerics.LinearAlgebra;

namespace SourceModel.Inversion.Tests;

/// <summary>Small synthetic datasets with known answers.</summary>
public static class TestProblems
{
    /// <summary>A grid of LOS points around the origin, values from <paramref name="source"/> plus <paramref name="extra"/>(e, n).</summary>
    public static GeodeticDataset Los(string name, RectangularFault source, LosVector los, int side = 12, double spacing = 4_000,
        Func<double, double, double>? extra = null, double[]? sigma = null, Matrix<double>? covariance = null,
        SourceModel.Sampling.Projection.GeoReference? reference = null, double weight = 1) =>
        Los(name, [source], los, side, spacing, extra, sigma, covariance, reference, weight);

    /// <summary>As above for several sources (a discretised fault's slipping patches).</summary>
    public static GeodeticDataset Los(string name, IReadOnlyList<RectangularFault> sources, LosVector los, int side = 12, double spacing = 4_000,
        Func<double, double, double>? extra = null, double[]? sigma = null, Matrix<double>? covariance = null,
        SourceModel.Sampling.Projection.GeoReference? reference = null, double weight = 1)
    {
        int n = side * side;
        var e = new double[n];
        var no = new double[n];
        for (int j = 0; j < side; j++)
            for (int i = 0; i < side; i++)
            {
                e[j * side + i] = (i - side / 2.0) * spacing + 0.37 * spacing;
                no[j * side + i] = (j - side / 2.0) * spacing + 0.21 * spacing;
            }
        var field = SurfaceDisplacement.Compute(sources, [], ElasticMedium.Default, e, no);
        var v = new double[n];
        for (int k = 0; k < n; k++) v[k] = field.Los(k, los) + (extra?.Invoke(e[k], no[k]) ?? 0);
        return new GeodeticDataset(name, DatasetKind.Los, e, no, v,
            Enumerable.Repeat(los.East, n).ToArray(), Enumerable.Repeat(los.North, n).ToArray(), Enumerable.Repeat(los.Up, n).ToArray(),
            new ImportProvenance("test", "test", [], n), reference, weight,
            sigma: sigma ?? Enumerable.Repeat(0.01, n).ToArray(), covariance: covariance);
    }

    /// <summary>A moderate strike-slip fault.</summary>
    public static RectangularFault StrikeSlip { get; } = new(1_000, -2_000, 1_000, 20_000, 10_000, 30, 70, FaultSlip.FromRake(10, 1.2));
}
