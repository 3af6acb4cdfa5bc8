using SourceModel.Inversion.Parameters;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling;
using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Problem;

/// <summary>A noise model estimated for a dataset that declared none.</summary>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Estimate">The fitted covariance.</param>
/// <param name="FarFieldPoints">Observations the fit used (those where the first model's signal is small).</param>
public sealed record EstimatedNoise(string Dataset, NoiseEstimate Estimate, int FarFieldPoints)
{
    /// <summary>One line for logs and reports.</summary>
    public string Describe() =>
        $"{Dataset}: no noise model declared; estimated from the residual of a first, unweighted fit at {FarFieldPoints} points away from the deformation: {Estimate.Describe()}";
}

/// <summary>
/// Gives every dataset without a noise model (no covariance, no sigmas) one estimated from the data, as Kite does for
/// its scenes: a first fit with every dataset unweighted, its residual where the model's signal is small (below a tenth
/// of its peak, or the quieter half of the points), and a pixel-level exponential covariance fitted to those leaves by
/// restricted maximum likelihood (<see cref="LeafNoiseFit"/>), attached as the leaf covariance.
/// </summary>
public static class NoiseCompletion
{
    /// <summary>Most points a fit uses (the quietest first): the likelihood costs O(n³) per evaluation.</summary>
    public const int MaxPoints = 500;

    /// <summary>The datasets, those without a noise model given an estimated covariance, and what was estimated.</summary>
    /// <param name="data">The datasets (local frame).</param>
    /// <param name="nuisance">Each dataset's nuisance model (the first fit solves it, the estimate projects it out).</param>
    /// <param name="layout">The sources.</param>
    /// <param name="space">Their bounds.</param>
    /// <param name="medium">Elastic medium.</param>
    /// <param name="search">The search of the first fit.</param>
    public static (IReadOnlyList<GeodeticDataset> Data, IReadOnlyList<EstimatedNoise> Estimates) Complete(IReadOnlyList<GeodeticDataset> data,
        IReadOnlyList<NuisanceModel> nuisance, SourceLayout layout, ParameterSpace space, ElasticMedium medium, GeometrySearchOptions search)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(nuisance);
        if (data.All(d => d.HasNoiseModel)) return (data, []);
        var terms = data.Select((d, k) => DatasetTerm.Prepare(d, nuisance[k], WhiteningMode.None));
        var first = GeometryInversion.Run(new GeometryProblem(layout, space, terms, medium),
            search with { Resume = false, Starts = null, Executor = search.Executor with { CheckpointPath = null } });
        var completed = data.ToList();
        var estimates = new List<EstimatedNoise>();
        for (int k = 0; k < data.Count; k++)
        {
            var d = data[k];
            if (d.HasNoiseModel) continue;
            var fit = first.Best.Datasets[k];
            var quiet = Quiet(fit.SourcePrediction);
            double[] Pick(ReadOnlySpan<double> v)
            {
                var picked = new double[quiet.Length];
                for (int j = 0; j < quiet.Length; j++) picked[j] = v[quiet[j]];
                return picked;
            }
            var estimate = LeafNoiseFit.Fit(Pick(d.East), Pick(d.North), d.LeafSize.Length == 0 ? [] : Pick(d.LeafSize),
                d.PixelCount.Length == 0 ? [] : quiet.Select(i => d.PixelCount[i]).ToArray(), quiet.Select(i => fit.Residual[i]).ToArray(),
                Math.Max(1, NuisanceColumns.Names(nuisance[k]).Count));
            completed[k] = d.WithCovariance(LeafCovariance.Build(d, estimate.Model));
            estimates.Add(new EstimatedNoise(d.Name, estimate, quiet.Length));
        }
        return (completed, estimates);
    }

    /// <summary>Indices of the points away from the deformation: |signal| below a tenth of its peak, or at least the quieter
    /// half; at most <see cref="MaxPoints"/>, quietest first.</summary>
    private static int[] Quiet(double[] signal)
    {
        double peak = signal.Max(Math.Abs);
        var order = Enumerable.Range(0, signal.Length).OrderBy(i => Math.Abs(signal[i])).ToArray();
        int far = order.Count(i => Math.Abs(signal[i]) < 0.1 * peak);
        int count = Math.Min(MaxPoints, Math.Max(far, signal.Length / 2));
        return order.Take(count).Order().ToArray();
    }
}
