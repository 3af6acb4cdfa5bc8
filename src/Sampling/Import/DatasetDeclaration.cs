using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Projection;

namespace SourceModel.Sampling.Import;

/// <summary>
/// Everything needed to turn one file into a <see cref="GeodeticDataset"/> with no guessing: the format, and each
/// convention the format leaves open, stated explicitly. <see cref="DatasetImporter"/> rejects a declaration that
/// omits a convention the file needs or that contradicts what the file shows.
/// </summary>
/// <param name="Name">Dataset name.</param>
/// <param name="File">Path of the data file.</param>
/// <param name="Format">File format.</param>
public sealed record DatasetDeclaration(string Name, string File, DataFormat Format)
{
    /// <summary>What the observations are; null = the format's natural kind (LOS, or GNSS for GNSS formats).</summary>
    public DatasetKind? Kind { get; init; }

    /// <summary>Unit of the observed values (required: m, cm or mm).</summary>
    public LengthUnit? Units { get; init; }

    /// <summary>Unit of sigmas; null = same as <see cref="Units"/>.</summary>
    public LengthUnit? SigmaUnits { get; init; }

    /// <summary>Meaning of a positive LOS value (required for LOS data).</summary>
    public LosSign? Sign { get; init; }

    /// <summary>Direction of unit vectors stored in the file (required when the file has vector columns).</summary>
    public VectorDirection? Vector { get; init; }

    /// <summary>Convention of look angles in the file or in <see cref="ConstantAngles"/>.</summary>
    public LookAngleConvention? Angles { get; init; }

    /// <summary>One pair of look angles (degrees) for every row, under <see cref="Angles"/>.</summary>
    public (double A, double B)? ConstantAngles { get; init; }

    /// <summary>One unit vector (east, north, up) for every row, in the declared <see cref="Vector"/> direction.</summary>
    public (double East, double North, double Up)? ConstantVector { get; init; }

    /// <summary>One sigma for every row, in <see cref="SigmaUnits"/>.</summary>
    public double? ConstantSigma { get; init; }

    /// <summary>Coordinate system of the file (formats with lon/lat columns fix it).</summary>
    public CoordinateDeclaration? Coordinates { get; init; }

    /// <summary>Local frame origin; null = the mean position of the data (recorded in the provenance).</summary>
    public GeoReference? Reference { get; init; }

    /// <summary>Relative weight of the dataset.</summary>
    public double Weight { get; init; } = 1.0;

    /// <summary>Duplicate handling.</summary>
    public DuplicatePolicy Duplicates { get; init; } = DuplicatePolicy.Error;

    /// <summary>Square covariance matrix file (CSV or whitespace), rows in data order.</summary>
    public string? CovarianceFile { get; init; }

    /// <summary>Unit of the covariance file's entries (m → m², cm → cm², mm → mm²); null = m².</summary>
    public LengthUnit? CovarianceUnits { get; init; }

    /// <summary>First physical line (1-based) holding this dataset's rows.</summary>
    public int? FirstLine { get; init; }

    /// <summary>Last physical line (1-based, inclusive).</summary>
    public int? LastLine { get; init; }

    /// <summary>Which leaf value of a Kite export to use (it writes both mean and median).</summary>
    public Quadtree.LeafStatistic? LeafValue { get; init; }

    /// <summary>Column layout for the generic formats (<see cref="DataFormat.Delimited"/>, <see cref="DataFormat.Gnss"/>).</summary>
    public TableLayout? Layout { get; init; }
}
