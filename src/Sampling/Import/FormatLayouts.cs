using SourceModel.Sampling.Conventions;

namespace SourceModel.Sampling.Import;

/// <summary>The fixed column layouts of the named formats, with the conventions each format's own documentation pins
/// down (and nothing more: what a format leaves open stays a declaration).</summary>
internal static class FormatLayouts
{
    /// <summary>Header names of this toolkit's point CSV, in order.</summary>
    public static readonly string[] SourceModelCsvHeader =
        ["east_m", "north_m", "lon", "lat", "elevation_m", "value_m", "unit_e", "unit_n", "unit_u", "leaf_size_m", "pixels", "scatter_m"];

    public static TableLayout For(DatasetDeclaration d) => d.Format switch
    {
        DataFormat.Delimited or DataFormat.Gnss => d.Layout
            ?? throw new ArgumentException($"dataset '{d.Name}': format '{d.Format.Name()}' needs a 'columns' layout."),
        DataFormat.BeatCsv => new TableLayout(',', true, new Dictionary<ColumnRole, int>(), new Dictionary<ColumnRole, string>
        {
            [ColumnRole.Longitude] = "lon", [ColumnRole.Latitude] = "lat", [ColumnRole.Value] = "los_m",
            [ColumnRole.AngleA] = "incidence_deg", [ColumnRole.AngleB] = "heading_deg",
            [ColumnRole.VectorEast] = "unit_e", [ColumnRole.VectorNorth] = "unit_n", [ColumnRole.VectorUp] = "unit_u",
        }),
        DataFormat.KiteCsv => new TableLayout(',', false, new Dictionary<ColumnRole, int>
        {
            [ColumnRole.Name] = 1, [ColumnRole.X] = 2, [ColumnRole.Y] = 3, [ColumnRole.AngleA] = 4, [ColumnRole.AngleB] = 5,
            [ColumnRole.Value] = (d.LeafValue ?? throw new ArgumentException(
                $"dataset '{d.Name}': a Kite export has mean and median leaf values; declare 'leaf_value: mean' or 'median'.")) == Quadtree.LeafStatistic.Median ? 7 : 6,
            [ColumnRole.Weight] = 8,
        }, null, 8),
        DataFormat.Lltnde => TableLayout.Whitespace(8, (ColumnRole.Longitude, 1), (ColumnRole.Latitude, 2), (ColumnRole.Elevation, 3),
            (ColumnRole.VectorEast, 4), (ColumnRole.VectorNorth, 5), (ColumnRole.VectorUp, 6), (ColumnRole.Value, 7), (ColumnRole.Weight, 8)),
        DataFormat.Lldet => TableLayout.Whitespace(9, (ColumnRole.Longitude, 1), (ColumnRole.Latitude, 2), (ColumnRole.GnssEast, 3),
            (ColumnRole.GnssNorth, 4), (ColumnRole.GnssUp, 5), (ColumnRole.SigmaEast, 6), (ColumnRole.SigmaNorth, 7), (ColumnRole.SigmaUp, 8),
            (ColumnRole.Elevation, 9)),
        DataFormat.Okinv => TableLayout.Whitespace(7, (ColumnRole.X, 1), (ColumnRole.Y, 2), (ColumnRole.Value, 3),
            (ColumnRole.VectorEast, 4), (ColumnRole.VectorNorth, 5), (ColumnRole.VectorUp, 6), (ColumnRole.Name, 7)),
        DataFormat.Sdm => TableLayout.Whitespace(4, (ColumnRole.Latitude, 1), (ColumnRole.Longitude, 2), (ColumnRole.Value, 3), (ColumnRole.Sigma, 4)),
        DataFormat.SourceModelCsv => new TableLayout(',', true, new Dictionary<ColumnRole, int>(), new Dictionary<ColumnRole, string>
        {
            [ColumnRole.X] = "east_m", [ColumnRole.Y] = "north_m", [ColumnRole.Elevation] = "elevation_m", [ColumnRole.Value] = "value_m",
            [ColumnRole.VectorEast] = "unit_e", [ColumnRole.VectorNorth] = "unit_n", [ColumnRole.VectorUp] = "unit_u",
            [ColumnRole.LeafSize] = "leaf_size_m", [ColumnRole.PixelCount] = "pixels",
        }, SourceModelCsvHeader.Length),
        _ => throw new ArgumentException($"format '{d.Format.Name()}' is not a delimited table."),
    };

    /// <summary>Coordinates the format fixes (null when they must be declared).</summary>
    public static CoordinateDeclaration? FixedCoordinates(DataFormat f) => f switch
    {
        DataFormat.BeatCsv or DataFormat.Lltnde or DataFormat.Lldet or DataFormat.Sdm or DataFormat.Gtdef
            => CoordinateDeclaration.Geographic,
        DataFormat.SourceModelCsv => new CoordinateDeclaration(CoordinateKind.Local),
        _ => null,
    };

    /// <summary>The value unit a format's header or specification states, if any (a declaration must agree with it).</summary>
    public static LengthUnit? StatedUnit(DataFormat f) => f switch
    {
        DataFormat.BeatCsv or DataFormat.SourceModelCsv => LengthUnit.Metre,
        _ => null,
    };

    /// <summary>Angle convention the format fixes for its angle columns.</summary>
    public static LookAngleConvention? FixedAngles(DataFormat f) => f switch
    {
        DataFormat.BeatCsv => LookAngleConvention.IncidenceHeading,
        DataFormat.KiteCsv => LookAngleConvention.KiteThetaPhi,
        _ => null,
    };

    /// <summary>Formats whose angle columns are in radians (converted to degrees on import).</summary>
    public static bool AnglesInRadians(DataFormat f) => f == DataFormat.KiteCsv;

    /// <summary>The kind of data a format holds when the declaration does not say.</summary>
    public static DatasetKind NaturalKind(DataFormat f, TableLayout layout) => f switch
    {
        DataFormat.Lldet => DatasetKind.Gnss3,
        DataFormat.Gnss => layout.Has(ColumnRole.GnssEast) && layout.Has(ColumnRole.GnssNorth) && layout.Has(ColumnRole.GnssUp)
            ? DatasetKind.Gnss3 : DatasetKind.GnssComponent,
        _ => DatasetKind.Los,
    };
}
