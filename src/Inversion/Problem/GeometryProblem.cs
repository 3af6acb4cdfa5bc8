using System.Buffers;
using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Parameters;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Inversion.Problem;

/// <summary>
/// The step-1 misfit: sources from a parameter vector, their surface displacement projected on every datum's unit
/// vector, whitened residuals with the nuisance terms solved by least squares, and the weighted RMS
/// σ = sqrt(Σ_k Σ_i (w_k·[W_k(d_k − G_k(m))]_i)² / N) over all N data (PSOKINV's misfit; with whitening it is the
/// root of χ²/N). A parameter vector that describes no valid source costs a penalty above any real misfit, growing
/// with the violation, and is counted.
/// </summary>
public sealed class GeometryProblem : IObjective, IAlternativeStarts
{
    private readonly DatasetTerm[] _terms;
    private readonly int _total;
    private long _evaluations, _invalid;

    /// <summary>Checks that the parameters match the sources, that the datasets share one local frame and that their
    /// whitening is consistent, then evaluates the zero-source misfit that scales the penalty.</summary>
    public GeometryProblem(SourceLayout layout, ParameterSpace space, IEnumerable<DatasetTerm> data, ElasticMedium? medium = null)
    {
        Layout = layout ?? throw new ArgumentNullException(nameof(layout));
        Space = space ?? throw new ArgumentNullException(nameof(space));
        Medium = (medium ?? ElasticMedium.Default).Validated();
        _terms = data.ToArray();
        if (_terms.Length == 0) throw new ArgumentException("a geometry problem needs at least one dataset.");
        if (!space.Specs.Select(s => s.Name).SequenceEqual(layout.ParameterNames))
            throw new ArgumentException("the parameter space does not match the sources' parameters (build it with SourceLayout.Space).");
        var dupe = _terms.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (dupe is not null) throw new ArgumentException($"dataset name '{dupe.Key}' is used twice.");
        var reference = _terms[0].Data.Reference;
        foreach (var t in _terms.Skip(1))
            if (!Equals(t.Data.Reference, reference))
                throw new ArgumentException(
                    $"datasets '{_terms[0].Name}' and '{t.Name}' are in different local frames (reference {Describe(reference)} vs {Describe(t.Data.Reference)}); import them with one shared 'reference'.");
        bool anyNone = _terms.Any(t => t.Whitening == WhiteningMode.None), anyWhite = _terms.Any(t => t.Whitening != WhiteningMode.None);
        if (anyNone && anyWhite)
            throw new ArgumentException(
                $"dataset '{_terms.First(t => t.Whitening == WhiteningMode.None).Name}' is not whitened while '{_terms.First(t => t.Whitening != WhiteningMode.None).Name}' is: " +
                "their residuals would be in different units (metres vs standard deviations); give every dataset a noise model or set whitening: none for all.");
        _total = _terms.Sum(t => t.Count);
        ZeroModelCost = SourceFreeCost();
        PenaltyBase = 10 * Math.Max(ZeroModelCost, 1e-12) + 1e-6;
    }

    /// <summary>The sources and their parameter layout.</summary>
    public SourceLayout Layout { get; }

    /// <summary>Parameter bounds and fixed values.</summary>
    public ParameterSpace Space { get; }

    /// <summary>Elastic medium (μ for moments, ν through Okada's α).</summary>
    public ElasticMedium Medium { get; }

    /// <summary>The prepared datasets.</summary>
    public IReadOnlyList<DatasetTerm> Terms => _terms;

    /// <summary>Total number of observations N.</summary>
    public int DataCount => _total;

    /// <summary>Misfit with no source at all (nuisance terms only): what any useful model must beat.</summary>
    public double ZeroModelCost { get; }

    /// <summary>Cost of the least invalid point; invalid points cost PenaltyBase·(1 + violation/1 km).</summary>
    public double PenaltyBase { get; }

    /// <inheritdoc />
    public int Dimension => Space.FreeCount;

    /// <summary>Cost evaluations so far (all threads).</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>Evaluations that met an invalid geometry and were penalised.</summary>
    public long InvalidEvaluations => Interlocked.Read(ref _invalid);

    /// <summary>A copy of this problem with one parameter held fixed (grid scans); datasets are shared, counters are not.</summary>
    public GeometryProblem WithFixed(string name, double value) => new(Layout, Space.WithFixed(name, value), _terms, Medium);

    /// <inheritdoc />
    public double Cost(ReadOnlySpan<double> unit)
    {
        Span<double> costs = stackalloc double[1];
        EvaluateGroup(unit, 1, costs);
        return costs[0];
    }

    /// <summary>Each dataset's weighted chi-square w_k²·‖W_k r_k‖² (nuisance projected out) at one point of the unit cube,
    /// for likelihoods that scale each dataset's noise separately. False (and nothing written) for an invalid geometry.</summary>
    public bool DatasetChiSquares(ReadOnlySpan<double> unit, Span<double> chiSquares)
    {
        if (chiSquares.Length != _terms.Length) throw new ArgumentException($"expected room for {_terms.Length} datasets, got {chiSquares.Length}.");
        Span<double> full = stackalloc double[Space.Count];
        Space.ToFull(unit, full);
        if (Layout.Realise(full, out _) is null) return false;
        Span<double> cost = stackalloc double[1];
        EvaluateGroup(unit, 1, cost, chiSquares);
        return true;
    }

    /// <summary>The same problem for other observed values at the same points (e.g. a Monte Carlo realisation): the
    /// whitening factors and nuisance bases are shared (<see cref="DatasetTerm.WithValues"/>), nothing is factored again.</summary>
    /// <param name="values">New observed values, one array per dataset in <see cref="Terms"/>' order (m).</param>
    public GeometryProblem WithObserved(IReadOnlyList<double[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != _terms.Length) throw new ArgumentException($"give values for all {_terms.Length} datasets, got {values.Count}.");
        return new GeometryProblem(Layout, Space, _terms.Select((t, k) => t.WithValues(values[k])), Medium);
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> Alternatives(ReadOnlySpan<double> unit) =>
        ConjugateGeometries.Of(Layout, Space, Space.ToFull(unit)).Select(v => Space.ToUnit(v).Select(x => Math.Clamp(x, 0, 1)).ToArray()).ToList();

    /// <summary>Cost of a full physical parameter vector (fixed values included).</summary>
    public double CostOfFull(ReadOnlySpan<double> full) => Cost(Space.ToUnit(full));

    /// <inheritdoc />
    public void CostBulk(ReadOnlySpan<double> units, Span<double> costs)
    {
        int d = Dimension, count = costs.Length;
        if (units.Length != count * d) throw new ArgumentException($"expected {count} points of {d} coordinates, got {units.Length} values.");
        // One group per core: each group streams the whitening factors once for all its points.
        int groups = Math.Min(count, Environment.ProcessorCount), size = (count + groups - 1) / Math.Max(groups, 1);
        if (groups <= 1)
        {
            EvaluateGroup(units, count, costs);
            return;
        }
        var input = units.ToArray();
        var output = new double[count];
        Parallel.For(0, groups, Parallelism.CoreBound, g =>
        {
            int first = g * size, n = Math.Min(size, count - first);
            if (n > 0) EvaluateGroup(input.AsSpan(first * d, n * d), n, output.AsSpan(first, n));
        });
        output.CopyTo(costs);
    }

    /// <summary>A group of points evaluated together: one pass over each dataset's whitening factor serves them all.
    /// <paramref name="perTerm"/>, when not empty, receives each point's per-dataset chi-squares ([point × dataset]).</summary>
    private void EvaluateGroup(ReadOnlySpan<double> units, int count, Span<double> costs, Span<double> perTerm = default)
    {
        int d = Dimension;
        Span<double> full = stackalloc double[Space.Count];
        var sources = new SourceSet?[count];
        var violation = new double[count];
        for (int j = 0; j < count; j++)
        {
            Space.ToFull(units.Slice(j * d, d), full);
            sources[j] = Layout.Realise(full, out violation[j]);
        }
        var sum = new double[count];
        var buffers = new double[count][];
        for (int k = 0; k < _terms.Length; k++)
        {
            var t = _terms[k];
            int n = t.Count;
            for (int j = 0; j < count; j++)
            {
                buffers[j] = ArrayPool<double>.Shared.Rent(n);
                Array.Clear(buffers[j], 0, n);
            }
            try
            {
                for (int j = 0; j < count; j++)
                    if (sources[j] is { } s) AddPrediction(s, t, buffers[j]);
                t.WhitenMany(buffers, count);
                double w2 = t.Weight * t.Weight;
                for (int j = 0; j < count; j++)
                {
                    var r = buffers[j].AsSpan(0, n);
                    for (int i = 0; i < n; i++) r[i] = t.WhitenedObserved[i] - r[i];
                    double chi2 = w2 * t.ProjectedSumOfSquares(r);
                    sum[j] += chi2;
                    if (!perTerm.IsEmpty) perTerm[j * _terms.Length + k] = chi2;
                }
            }
            finally
            {
                for (int j = 0; j < count; j++) ArrayPool<double>.Shared.Return(buffers[j]);
            }
        }
        for (int j = 0; j < count; j++)
        {
            if (sources[j] is null)
            {
                Interlocked.Increment(ref _invalid);
                costs[j] = PenaltyBase * (1 + violation[j] / 1000.0);
            }
            else costs[j] = Math.Sqrt(sum[j] / _total);
        }
        Interlocked.Add(ref _evaluations, count);
    }

    /// <summary>Adds the sources' displacement projected on the term's unit vectors to <paramref name="prediction"/>.</summary>
    internal void AddPrediction(SourceSet s, DatasetTerm t, double[] prediction)
    {
        if (s.Rectangles.Count == 0 && s.Points.Count == 0) return;
        int m = t.ModelEast.Length;
        var atPoints = ArrayPool<double>.Shared.Rent(m);
        try
        {
            Array.Clear(atPoints, 0, m);
            foreach (var r in s.Rectangles)
                SurfaceDisplacement.AddProjected(r, Medium, t.ModelEast, t.ModelNorth, t.ModelUnitEast, t.ModelUnitNorth, t.ModelUnitUp, atPoints);
            foreach (var p in s.Points)
                SurfaceDisplacement.AddProjected(p, Medium, t.ModelEast, t.ModelNorth, t.ModelUnitEast, t.ModelUnitNorth, t.ModelUnitUp, atPoints);
            t.AddLeafMeans(atPoints.AsSpan(0, m), prediction.AsSpan(0, t.Count));
        }
        finally { ArrayPool<double>.Shared.Return(atPoints); }
    }

    private double SourceFreeCost()
    {
        double sum = 0;
        foreach (var t in _terms)
        {
            var r = (double[])t.WhitenedObserved.Clone();
            sum += t.Weight * t.Weight * t.ProjectedSumOfSquares(r);
        }
        return Math.Sqrt(sum / _total);
    }

    private static string Describe(SourceModel.Sampling.Projection.GeoReference? r) =>
        r is null ? "none" : FormattableString.Invariant($"{r.Longitude}, {r.Latitude} ({r.Kind})");
}
