using SourceModel.Sampling;
using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Problem;

/// <summary>
/// One dataset prepared for repeated misfit evaluation: its points and unit vectors, the whitening operator W and the
/// whitened data W·d, and an orthonormal basis Q of the whitened nuisance columns (W·B = Q·R), so that the nuisance
/// terms are solved — and projected out of the residual — in O(n·k) per evaluation.
/// </summary>
public sealed class DatasetTerm
{
    private readonly Whitening? _factor;
    private readonly double[]? _inverseSigma;
    private readonly double[] _q;       // k columns of n, orthonormal
    private readonly double[,] _r;      // k×k upper triangular
    private readonly double _centreEast, _centreNorth;

    private DatasetTerm(GeodeticDataset data, NuisanceModel nuisance, WhiteningMode whitening, double weight)
    {
        Data = data;
        Nuisance = nuisance;
        Whitening = whitening;
        Weight = weight;
        int n = data.Count;
        East = data.East.ToArray(); North = data.North.ToArray();
        UnitEast = data.UnitEast.ToArray(); UnitNorth = data.UnitNorth.ToArray(); UnitUp = data.UnitUp.ToArray();
        Observed = data.Value.ToArray();
        (ModelEast, ModelNorth, ModelUnitEast, ModelUnitNorth, ModelUnitUp, ModelPointsPerDatum) = LeafQuadrature(data);
        if (whitening == WhiteningMode.Covariance)
        {
            _factor = new Whitening(data.Covariance!);
        }
        else if (whitening == WhiteningMode.Sigma)
            _inverseSigma = data.Sigma.ToArray().Select(s => 1 / s).ToArray();
        WhitenedObserved = (double[])Observed.Clone();
        Whiten(WhitenedObserved);
        _centreEast = East.Average();
        _centreNorth = North.Average();
        int k = NuisanceColumns.Names(nuisance).Count;
        _q = new double[k * n];
        _r = new double[k, k];
        for (int c = 0; c < k; c++)
        {
            var col = _q.AsSpan(c * n, n);
            for (int i = 0; i < n; i++) col[i] = NuisanceColumns.Value(c, East[i], North[i], _centreEast, _centreNorth);
            Whiten(col);
        }
        Orthonormalise(k, n);
    }

    /// <summary>A copy with other observed values at the same points (a Monte Carlo realisation): the whitening factor
    /// and the nuisance basis are shared, only the data are whitened again.</summary>
    private DatasetTerm(DatasetTerm t, double[] values)
    {
        (Data, Nuisance, Whitening, Weight) = (t.Data.WithValues(values), t.Nuisance, t.Whitening, t.Weight);
        (East, North, UnitEast, UnitNorth, UnitUp) = (t.East, t.North, t.UnitEast, t.UnitNorth, t.UnitUp);
        (ModelEast, ModelNorth, ModelUnitEast, ModelUnitNorth, ModelUnitUp, ModelPointsPerDatum) =
            (t.ModelEast, t.ModelNorth, t.ModelUnitEast, t.ModelUnitNorth, t.ModelUnitUp, t.ModelPointsPerDatum);
        (_factor, _inverseSigma, _q, _r, _centreEast, _centreNorth) = (t._factor, t._inverseSigma, t._q, t._r, t._centreEast, t._centreNorth);
        Observed = (double[])values.Clone();
        WhitenedObserved = (double[])values.Clone();
        Whiten(WhitenedObserved);
    }

    /// <summary>This dataset with other observed values at the same points (one value per point, metres).</summary>
    public DatasetTerm WithValues(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Count) throw new ArgumentException($"dataset '{Name}' has {Count} points, got {values.Length} values.");
        return new DatasetTerm(this, values);
    }

    /// <summary>Prepares a dataset; <paramref name="whitening"/> Auto picks the covariance, else the sigmas.</summary>
    /// <param name="data">The dataset (local frame, metres).</param>
    /// <param name="nuisance">Nuisance terms solved in every evaluation.</param>
    /// <param name="whitening">How residuals are weighted.</param>
    /// <param name="weight">Relative weight of the dataset (multiplies its whitened residuals); null takes the dataset's own.</param>
    public static DatasetTerm Prepare(GeodeticDataset data, NuisanceModel nuisance = NuisanceModel.None,
        WhiteningMode whitening = WhiteningMode.Auto, double? weight = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException($"dataset '{data.Name}' has no points.");
        var mode = whitening switch
        {
            WhiteningMode.Auto when data.Covariance is not null => WhiteningMode.Covariance,
            WhiteningMode.Auto when data.Sigma.Length > 0 => WhiteningMode.Sigma,
            WhiteningMode.Auto => throw new ArgumentException(
                $"dataset '{data.Name}' has no sigmas and no covariance: give 'sigma', a covariance file, or set whitening: none for every dataset."),
            WhiteningMode.Covariance when data.Covariance is null => throw new ArgumentException(
                $"dataset '{data.Name}': whitening 'covariance' asked for, but the dataset has no covariance."),
            WhiteningMode.Sigma when data.Sigma.Length == 0 => throw new ArgumentException(
                $"dataset '{data.Name}': whitening 'sigma' asked for, but the dataset has no sigmas."),
            _ => whitening,
        };
        double w = weight ?? data.Weight;
        if (!(w > 0) || !double.IsFinite(w)) throw new ArgumentException($"dataset '{data.Name}': weight must be a finite positive number, got {w}.");
        return new DatasetTerm(data, nuisance, mode, w);
    }

    /// <summary>The dataset.</summary>
    public GeodeticDataset Data { get; }

    /// <summary>Dataset name.</summary>
    public string Name => Data.Name;

    /// <summary>Nuisance terms.</summary>
    public NuisanceModel Nuisance { get; }

    /// <summary>Whitening actually used (never Auto).</summary>
    public WhiteningMode Whitening { get; }

    /// <summary>Relative weight: multiplies the whitened residuals in the misfit.</summary>
    public double Weight { get; }

    /// <summary>Number of observations.</summary>
    public int Count => Observed.Length;

    /// <summary>Mean east of the points, m: the origin of the nuisance polynomial.</summary>
    public double CentreEast => _centreEast;

    /// <summary>Mean north of the points, m.</summary>
    public double CentreNorth => _centreNorth;

    internal double[] East { get; }
    internal double[] North { get; }
    internal double[] UnitEast { get; }
    internal double[] UnitNorth { get; }
    internal double[] UnitUp { get; }
    internal double[] Observed { get; }
    internal double[] WhitenedObserved { get; }

    /// <summary>Where the forward model is evaluated: <see cref="ModelPointsPerDatum"/> points per datum, datum i owning
    /// entries i·k … i·k + k − 1. A quadtree leaf is the mean of its pixels, so its prediction is the mean of the model over
    /// the leaf: the 2 × 2 Gauss–Legendre points of the leaf's square (exact for a bicubic field), not the value at its
    /// centre — near a shallow fault the difference biases the geometry by several standard errors. Points without a
    /// size (GNSS, pixels) are evaluated where they are (k = 1).</summary>
    internal double[] ModelEast { get; }
    internal double[] ModelNorth { get; }
    internal double[] ModelUnitEast { get; }
    internal double[] ModelUnitNorth { get; }
    internal double[] ModelUnitUp { get; }

    /// <summary>Model points per datum (1 or 4).</summary>
    internal int ModelPointsPerDatum { get; }

    /// <summary>prediction[i] += mean of <paramref name="atModelPoints"/> over datum i's model points.</summary>
    internal void AddLeafMeans(ReadOnlySpan<double> atModelPoints, Span<double> prediction)
    {
        int k = ModelPointsPerDatum;
        if (k == 1)
        {
            for (int i = 0; i < prediction.Length; i++) prediction[i] += atModelPoints[i];
            return;
        }
        for (int i = 0; i < prediction.Length; i++)
        {
            double s = 0;
            for (int q = 0; q < k; q++) s += atModelPoints[i * k + q];
            prediction[i] += s / k;
        }
    }

    private static (double[], double[], double[], double[], double[], int) LeafQuadrature(GeodeticDataset d)
    {
        var size = d.LeafSize;
        bool leaves = size.Length == d.Count && size.ToArray().Any(s => s > 0);
        if (!leaves) return (d.East.ToArray(), d.North.ToArray(), d.UnitEast.ToArray(), d.UnitNorth.ToArray(), d.UnitUp.ToArray(), 1);
        int n = d.Count, k = 4;
        double[] e = new double[n * k], no = new double[n * k], ue = new double[n * k], un = new double[n * k], uu = new double[n * k];
        double g = 0.5 / Math.Sqrt(3);   // Gauss–Legendre nodes ±1/√3 on [−1, 1], scaled to a side of 1
        for (int i = 0; i < n; i++)
            for (int q = 0; q < k; q++)
            {
                int j = i * k + q;
                e[j] = d.East[i] + (q % 2 == 0 ? -g : g) * size[i];
                no[j] = d.North[i] + (q < 2 ? -g : g) * size[i];
                (ue[j], un[j], uu[j]) = (d.UnitEast[i], d.UnitNorth[i], d.UnitUp[i]);
            }
        return (e, no, ue, un, uu, k);
    }

    /// <summary>P·W·d: the whitened data with the least-squares nuisance fit removed (computed once, read-only).</summary>
    internal double[] ProjectedWhitenedObserved => _projectedObserved ??= Projected(WhitenedObserved);

    private double[]? _projectedObserved;

    private double[] Projected(double[] v)
    {
        var copy = (double[])v.Clone();
        ProjectedSumOfSquares(copy);
        return copy;
    }

    /// <summary>x ← W·x.</summary>
    internal void Whiten(Span<double> x)
    {
        if (_factor is not null) _factor.WhitenInPlace(x);
        else if (_inverseSigma is not null)
            for (int i = 0; i < x.Length; i++) x[i] *= _inverseSigma[i];
    }

    /// <summary>The first <paramref name="count"/> vectors x ← W·x (each of length <see cref="Count"/> or more; the
    /// factor streamed once for all).</summary>
    internal void WhitenMany(double[][] vectors, int count)
    {
        if (_factor is not null) _factor.WhitenMany(vectors, count);
        else
            for (int v = 0; v < count; v++) Whiten(vectors[v].AsSpan(0, Count));
    }

    /// <summary>Removes the least-squares nuisance fit from a whitened residual (r ← r − Q·Qᵀr) and returns Σr².</summary>
    internal double ProjectedSumOfSquares(Span<double> r)
    {
        int n = Count, k = _r.GetLength(0);
        for (int c = 0; c < k; c++)
        {
            var q = _q.AsSpan(c * n, n);
            double a = 0;
            for (int i = 0; i < n; i++) a += q[i] * r[i];
            for (int i = 0; i < n; i++) r[i] -= a * q[i];
        }
        double s = 0;
        foreach (double v in r) s += v * v;
        return s;
    }

    /// <summary>Nuisance coefficients (physical units, see <see cref="NuisanceColumns.Names"/>; the polynomial is about
    /// the dataset's mean point <see cref="CentreEast"/>, <see cref="CentreNorth"/>) fitted to a whitened residual, and
    /// their prediction at the points (m).</summary>
    internal (double[] Coefficients, double[] Prediction) NuisanceFit(ReadOnlySpan<double> whitenedResidual)
    {
        int n = Count, k = _r.GetLength(0);
        var qtr = new double[k];
        for (int c = 0; c < k; c++)
        {
            var q = _q.AsSpan(c * n, n);
            for (int i = 0; i < n; i++) qtr[c] += q[i] * whitenedResidual[i];
        }
        var scaled = new double[k];
        for (int c = k - 1; c >= 0; c--)
        {
            double s = qtr[c];
            for (int j = c + 1; j < k; j++) s -= _r[c, j] * scaled[j];
            scaled[c] = s / _r[c, c];
        }
        var prediction = new double[n];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < k; c++) prediction[i] += scaled[c] * NuisanceColumns.Value(c, East[i], North[i], _centreEast, _centreNorth);
        var physical = new double[k];
        for (int c = 0; c < k; c++) physical[c] = scaled[c] * NuisanceColumns.ToPhysical(c);
        return (physical, prediction);
    }

    /// <summary>Modified Gram–Schmidt on the whitened nuisance columns; refuses a basis the points cannot determine.</summary>
    private void Orthonormalise(int k, int n)
    {
        for (int c = 0; c < k; c++)
        {
            var v = _q.AsSpan(c * n, n);
            double original = Math.Sqrt(Sum2(v));
            for (int p = 0; p < c; p++)
            {
                var q = _q.AsSpan(p * n, n);
                double a = 0;
                for (int i = 0; i < n; i++) a += q[i] * v[i];
                _r[p, c] = a;
                for (int i = 0; i < n; i++) v[i] -= a * q[i];
            }
            double norm = Math.Sqrt(Sum2(v));
            if (!(norm > 1e-10 * original) || n <= k)
                throw new ArgumentException(
                    $"dataset '{Name}': the {Nuisance.ToString().ToLowerInvariant()} nuisance model is not determined by its {n} point(s) (collinear or too few); use a simpler one.");
            _r[c, c] = norm;
            for (int i = 0; i < n; i++) v[i] /= norm;
        }
    }

    private static double Sum2(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (double x in v) s += x * x;
        return s;
    }
}
