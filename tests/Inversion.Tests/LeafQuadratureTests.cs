using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling;

namespace SourceModel.Inversion.Tests;

/// <summary>A quadtree leaf is the mean of its pixels, so its prediction is the mean of the model over the leaf (issue 19,
/// "error bars that mean what they say": evaluated at the leaf centre, a shallow fault's geometry came out 4–5 standard
/// errors from the truth — bench/RESULTS.md).</summary>
public sealed class LeafQuadratureTests
{
    private static readonly RectangularFault Fault = new(0, 0, 800, 12_000, 8_000, 60, 35, FaultSlip.FromRake(100, 1.5));
    private static readonly LosVector Los = LosVector.FromIncidenceAndHeading(38, -13);

    private static double[] Dense(double[] e, double[] n, double[] size, int k)
    {
        var mean = new double[e.Length];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
            {
                var ee = e.Select((x, i) => x + ((a + 0.5) / k - 0.5) * size[i]).ToArray();
                var nn = n.Select((y, i) => y + ((b + 0.5) / k - 0.5) * size[i]).ToArray();
                var f = SurfaceDisplacement.Compute([Fault], [], ElasticMedium.Default, ee, nn);
                for (int i = 0; i < e.Length; i++) mean[i] += f.Los(i, Los) / (k * k);
            }
        return mean;
    }

    private static GeometryFit FitOf(double[] e, double[] n, double[]? size)
    {
        int count = e.Length;
        var data = new GeodeticDataset("leaves", DatasetKind.Los, e, n, new double[count],
            Enumerable.Repeat(Los.East, count).ToArray(), Enumerable.Repeat(Los.North, count).ToArray(), Enumerable.Repeat(Los.Up, count).ToArray(),
            new ImportProvenance("test", "test", [], count), sigma: Enumerable.Repeat(0.005, count).ToArray(), leafSize: size,
            pixelCount: size?.Select(s => (int)(s * s / 250 / 250)).ToArray());
        var layout = new SourceLayout([new SourceTemplate("f", SourceKind.Rectangle)]);
        double[] truth = [Fault.East, Fault.North, Fault.TopDepth, Fault.Length, Fault.Width, Fault.Strike, Fault.Dip, Fault.Slip.Rake, Fault.Slip.Magnitude, 0];
        var space = layout.Space(layout.ParameterNames
            .Select((name, i) => name == "f.slip" ? ParameterSpec.Free(name, 0, 3) : ParameterSpec.FixedAt(name, truth[i]))
            .ToDictionary(s => s.Name));
        var problem = new GeometryProblem(layout, space, [DatasetTerm.Prepare(data)]);
        return GeometryFit.Of(problem, truth);
    }

    [Fact]
    public void A_leaf_predicts_the_mean_of_the_model_over_its_square_and_a_point_its_own_value()
    {
        var rng = new Random(8);
        int n = 200;
        double[] e = new double[n], no = new double[n], size = new double[n];
        for (int i = 0; i < n; i++)
        {
            (e[i], no[i]) = (30_000 * (rng.NextDouble() - 0.5), 30_000 * (rng.NextDouble() - 0.5));
            size[i] = 500 + 3_500 * rng.NextDouble();
        }
        var leaves = FitOf(e, no, size).Datasets[0].SourcePrediction;
        var exact = Dense(e, no, size, 24);
        var centre = Dense(e, no, size, 1);
        double worstQuadrature = 0, worstCentre = 0;
        for (int i = 0; i < n; i++)
        {
            worstQuadrature = Math.Max(worstQuadrature, Math.Abs(leaves[i] - exact[i]));
            worstCentre = Math.Max(worstCentre, Math.Abs(centre[i] - exact[i]));
        }
        // Near this 800 m deep thrust the centre value is off by centimetres; the 2 × 2 Gauss–Legendre mean by a
        // fraction of that.
        Assert.True(worstCentre > 0.005, $"the test needs leaves where the centre value is wrong (worst {worstCentre * 1000:F2} mm)");
        Assert.True(worstQuadrature < 0.25 * worstCentre, $"quadrature {worstQuadrature * 1000:F2} mm vs centre {worstCentre * 1000:F2} mm");
        var points = FitOf(e, no, null).Datasets[0].SourcePrediction;
        for (int i = 0; i < n; i++) Assert.Equal(centre[i], points[i], 1e-12);
    }
}
