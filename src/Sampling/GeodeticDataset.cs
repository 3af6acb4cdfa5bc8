using MathNet.Numerics.LinearAlgebra;
using SourceModel.Sampling.Projection;

namespace SourceModel.Sampling;

/// <summary>
/// A clean geodetic dataset as the inversion sees it: points in the local east/north frame, one scalar observation per
/// row (the displacement projected on the row's unit vector), a noise model and a weight. Whatever the file said, the
/// values here are metres, unit vectors point from the ground to the satellite (or along +east/+north/+up for GNSS),
/// and a LOS value is positive toward the satellite (range decrease). Immutable: the arrays are copied in.
/// </summary>
public sealed class GeodeticDataset
{
    private readonly double[] _east, _north, _elevation, _value, _unitEast, _unitNorth, _unitUp;
    private readonly double[] _longitude, _latitude, _sigma, _pointWeight, _leafSize;
    private readonly int[] _pixelCount;
    private readonly string[] _labels;

    /// <summary>Builds and validates a dataset. Optional per-row arrays may be null (absent) or have one entry per row.</summary>
    /// <param name="east">Local east of each point, m.</param>
    /// <param name="north">Local north of each point, m.</param>
    /// <param name="value">Observation, m (LOS: positive toward the satellite).</param>
    /// <param name="unitEast">East component of the unit vector (ground to satellite for LOS).</param>
    /// <param name="unitNorth">North component of the unit vector.</param>
    /// <param name="unitUp">Up component of the unit vector.</param>
    /// <param name="elevation">Elevation of each point above the ellipsoid or sea level, m (zeros when absent).</param>
    /// <param name="longitude">Geographic longitude, degrees, when the input was geographic or a reference is known.</param>
    /// <param name="latitude">Geographic latitude, degrees.</param>
    /// <param name="sigma">Standard deviation of each observation, m.</param>
    /// <param name="covariance">Full data covariance, m², rows/columns in row order.</param>
    /// <param name="pointWeight">Relative weight of each row as the file gave it (e.g. a sampling weight), dimensionless.</param>
    /// <param name="leafSize">Quadtree leaf size (side length), m.</param>
    /// <param name="pixelCount">Number of valid pixels averaged into each quadtree leaf.</param>
    /// <param name="labels">A label per row (GNSS station and component, e.g. <c>KKN4.E</c>).</param>
    public GeodeticDataset(string name, DatasetKind kind,
        double[] east, double[] north, double[] value, double[] unitEast, double[] unitNorth, double[] unitUp,
        ImportProvenance provenance, GeoReference? reference = null, double weight = 1.0,
        double[]? elevation = null, double[]? longitude = null, double[]? latitude = null,
        double[]? sigma = null, Matrix<double>? covariance = null, double[]? pointWeight = null,
        double[]? leafSize = null, int[]? pixelCount = null, string[]? labels = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        int n = east.Length;
        Name = name;
        Kind = kind;
        Provenance = provenance;
        Reference = reference;
        if (!(weight > 0) || !double.IsFinite(weight))
            throw new ArgumentException($"dataset '{name}': weight must be a finite positive number, got {weight}.", nameof(weight));
        Weight = weight;
        _east = Required(east, n, "east");
        _north = Required(north, n, "north");
        _value = Required(value, n, "value");
        _unitEast = Required(unitEast, n, "unitEast");
        _unitNorth = Required(unitNorth, n, "unitNorth");
        _unitUp = Required(unitUp, n, "unitUp");
        _elevation = Optional(elevation, n, "elevation") ?? new double[n];
        _longitude = Optional(longitude, n, "longitude") ?? [];
        _latitude = Optional(latitude, n, "latitude") ?? [];
        if (_longitude.Length != _latitude.Length)
            throw new ArgumentException($"dataset '{name}': give both longitude and latitude or neither.");
        _sigma = Optional(sigma, n, "sigma") ?? [];
        _pointWeight = Optional(pointWeight, n, "pointWeight") ?? [];
        _leafSize = Optional(leafSize, n, "leafSize") ?? [];
        _pixelCount = pixelCount is null ? [] : pixelCount.Length == n ? (int[])pixelCount.Clone()
            : throw new ArgumentException($"dataset '{name}': pixelCount has {pixelCount.Length} entries for {n} rows.");
        _labels = labels is null ? [] : labels.Length == n ? (string[])labels.Clone()
            : throw new ArgumentException($"dataset '{name}': labels has {labels.Length} entries for {n} rows.");
        for (int i = 0; i < n; i++)
        {
            double norm = Math.Sqrt(_unitEast[i] * _unitEast[i] + _unitNorth[i] * _unitNorth[i] + _unitUp[i] * _unitUp[i]);
            if (Math.Abs(norm - 1) > 1e-6)
                throw new ArgumentException($"dataset '{name}': row {i + 1}: unit vector has norm {norm:R}; normalise it when importing.");
        }
        foreach (double s in _sigma)
            if (!(s > 0)) throw new ArgumentException($"dataset '{name}': every sigma must be positive, got {s}.");
        if (covariance is not null)
        {
            if (covariance.RowCount != n || covariance.ColumnCount != n)
                throw new ArgumentException($"dataset '{name}': covariance is {covariance.RowCount}x{covariance.ColumnCount}, expected {n}x{n}.");
            Covariance = CovarianceChecks.RequireSymmetricPositiveDiagonal(covariance, name);
        }
    }

    /// <summary>Dataset name (unique within a run).</summary>
    public string Name { get; }

    /// <summary>What the observations measure.</summary>
    public DatasetKind Kind { get; }

    /// <summary>Origin of the local frame, when the data are georeferenced.</summary>
    public GeoReference? Reference { get; }

    /// <summary>Relative weight of the whole dataset in a joint inversion (dimensionless, &gt; 0).</summary>
    public double Weight { get; }

    /// <summary>File, format and conventions the values came from.</summary>
    public ImportProvenance Provenance { get; }

    /// <summary>Number of observations.</summary>
    public int Count => _east.Length;

    /// <summary>Local east, m.</summary>
    public ReadOnlySpan<double> East => _east;

    /// <summary>Local north, m.</summary>
    public ReadOnlySpan<double> North => _north;

    /// <summary>Elevation, m (zero where the file gave none).</summary>
    public ReadOnlySpan<double> Elevation => _elevation;

    /// <summary>Observation, m: displacement projected on the unit vector (LOS positive toward the satellite).</summary>
    public ReadOnlySpan<double> Value => _value;

    /// <summary>Unit vector, east component (ground to satellite for LOS).</summary>
    public ReadOnlySpan<double> UnitEast => _unitEast;

    /// <summary>Unit vector, north component.</summary>
    public ReadOnlySpan<double> UnitNorth => _unitNorth;

    /// <summary>Unit vector, up component (positive for LOS).</summary>
    public ReadOnlySpan<double> UnitUp => _unitUp;

    /// <summary>Longitude, degrees (empty when unknown).</summary>
    public ReadOnlySpan<double> Longitude => _longitude;

    /// <summary>Latitude, degrees (empty when unknown).</summary>
    public ReadOnlySpan<double> Latitude => _latitude;

    /// <summary>Per-observation standard deviation, m (empty when not given).</summary>
    public ReadOnlySpan<double> Sigma => _sigma;

    /// <summary>Relative per-row weight as the file gave it (empty when not given).</summary>
    public ReadOnlySpan<double> PointWeight => _pointWeight;

    /// <summary>Quadtree leaf side length, m (empty when unknown).</summary>
    public ReadOnlySpan<double> LeafSize => _leafSize;

    /// <summary>Valid pixels per quadtree leaf (empty when unknown).</summary>
    public ReadOnlySpan<int> PixelCount => _pixelCount;

    /// <summary>Row labels (empty when not given).</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Full data covariance, m² (null when only sigmas or nothing were given). Do not modify.</summary>
    public Matrix<double>? Covariance { get; }

    /// <summary>True when a noise model (sigmas or covariance) is attached.</summary>
    public bool HasNoiseModel => Covariance is not null || _sigma.Length > 0;

    /// <summary>The same dataset with a full covariance attached (m², row order).</summary>
    public GeodeticDataset WithCovariance(Matrix<double> covariance) => Copy(covariance: covariance, keepCovariance: false);

    /// <summary>The same points and noise model with other observed values (e.g. a noisy Monte Carlo realisation), m.</summary>
    public GeodeticDataset WithValues(double[] values) => Copy(value: values);

    /// <summary>The same dataset with another relative weight.</summary>
    public GeodeticDataset WithWeight(double weight) => Copy(weight: weight);

    /// <summary>The same dataset with per-observation standard deviations (m), e.g. the square roots of a covariance's diagonal.</summary>
    public GeodeticDataset WithSigma(double[] sigma) => Copy(sigma: sigma);

    private GeodeticDataset Copy(double[]? value = null, Matrix<double>? covariance = null, bool keepCovariance = true, double? weight = null,
        double[]? sigma = null) =>
        new(Name, Kind, _east, _north, value ?? _value, _unitEast, _unitNorth, _unitUp, Provenance, Reference, weight ?? Weight,
            _elevation, NullIfEmpty(_longitude), NullIfEmpty(_latitude), sigma ?? NullIfEmpty(_sigma),
            keepCovariance ? Covariance : covariance, NullIfEmpty(_pointWeight), NullIfEmpty(_leafSize),
            _pixelCount.Length == 0 ? null : _pixelCount, _labels.Length == 0 ? null : _labels);

    private static double[]? NullIfEmpty(double[] a) => a.Length == 0 ? null : a;

    private double[] Required(double[] a, int n, string what)
    {
        if (a.Length != n) throw new ArgumentException($"dataset '{Name}': {what} has {a.Length} entries for {n} rows.");
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(a[i])) throw new ArgumentException($"dataset '{Name}': row {i + 1}: {what} is {a[i]}; a finite number is required.");
        return (double[])a.Clone();
    }

    private double[]? Optional(double[]? a, int n, string what) => a is null ? null : Required(a, n, what);
}
