using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Grids;
using SourceModel.Sampling.Import;
using SourceModel.Sampling.Projection;
using SourceModel.Sampling.Quadtree;

namespace SourceModel.Cli.Commands;

/// <summary>`sourcemodel data quadtree GRID -o leaves.csv`: downsample a full-resolution LOS grid into quadtree leaves
/// written as a sourcemodel CSV. GRID is a grid file with its conventions given as options, or a YAML declaration
/// whose first <c>grids</c> entry is used.</summary>
internal static class DataQuadtree
{
    /// <summary>Conventions and settings from the command line (every convention must be stated).</summary>
    public sealed record Options(string? Units, string? Sign, string? Vector, string? Direction, string? Angles, string? AngleValues,
        string? Coordinates, string? Reference, string? Coherence, double CoherenceMin, double? Threshold, int MinSize, int MaxSize,
        double MaxNan, bool Median, bool Detrend, string? Model, double? ModelThreshold);

    public static void Run(string gridPath, string output, Options o, TextWriter stdout)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        GridDeclaration decl;
        QuadtreeOptions q;
        string ext = Path.GetExtension(gridPath).ToLowerInvariant();
        if (ext is ".yaml" or ".yml")
        {
            var config = DatasetConfig.Load(gridPath);
            if (config.Grids.Count == 0) throw new UserError($"{gridPath}: declares no 'grids'.");
            (decl, q) = config.Grids[0];
        }
        else
        {
            (decl, q) = FromOptions(gridPath, o);
        }
        InputFile.Check(decl.File, "a grid file");
        if (o.Model is { } modelPath)
        {
            // The model is a prediction on the same pixels, in the data's value unit and sign convention (held whole).
            GridLayout g;
            using (var data = GridImporter.Open(decl)) g = data.Layout;
            var model = GridImporter.ReadRaster(modelPath, g.Geographic);
            if (model.Nx != g.Nx || model.Ny != g.Ny)
                throw new UserError($"{modelPath}: the model grid is {model.Nx}x{model.Ny}; it must match the data grid ({g.Nx}x{g.Ny}) pixel for pixel.");
            double scale = (decl.Units ?? LengthUnit.Metre).ToMetres() * (decl.Sign == LosSign.AwayFromSatellite ? -1 : 1);
            q = q with
            {
                Model = RasterGrid.Of(g, model.Values.Select(v => v * scale).ToArray()),
                ModelThreshold = (o.ModelThreshold ?? throw new UserError("--model needs --model-threshold (value unit).")) * Math.Abs(scale),
            };
        }
        var grid = GridDownsampler.Downsample(decl, q);
        var leaves = grid.Leaves;
        var dataset = LeafDataset.From(grid, q);
        AtomicFile.Write(output, w => SourceModelCsv.Write(dataset, w, leaves.Select(l => l.Scatter).ToArray()));
        var sizes = dataset.LeafSize.ToArray();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{gridPath}: {grid.Header.Layout.Nx}x{grid.Header.Layout.Ny} pixels, {grid.Header.Provenance.RowsRead} valid → {leaves.Count} leaves " +
            $"({sizes.Min() / 1e3:0.###}-{sizes.Max() / 1e3:0.###} km) in {started.Elapsed.TotalSeconds:0.00} s; wrote {output}"));
    }

    private static (GridDeclaration, QuadtreeOptions) FromOptions(string path, Options o)
    {
        LengthUnit Unit(string? text, string option) =>
            text is null ? throw new UserError($"{option} is required: the unit of the grid values (m, cm or mm).")
            : LengthUnits.TryParse(text, out var u) ? u : throw new UserError($"{option} '{text}': expected m, cm or mm.");
        var units = Unit(o.Units, "--units");
        var sign = o.Sign switch
        {
            "toward_satellite" => LosSign.TowardSatellite,
            "away_from_satellite" => LosSign.AwayFromSatellite,
            null => throw new UserError("--sign is required: toward_satellite or away_from_satellite."),
            var s => throw new UserError($"--sign '{s}': expected toward_satellite or away_from_satellite."),
        };
        var decl = new GridDeclaration(Path.GetFileNameWithoutExtension(path), path) { Units = units, Sign = sign, CoherenceMinimum = o.CoherenceMin };
        if (o.Vector is not null)
        {
            var v = NumberFormat.TryParseList(o.Vector, 3) ?? throw new UserError($"--vector '{o.Vector}': expected three numbers E,N,U.");
            var dir = o.Direction switch
            {
                "ground_to_satellite" => VectorDirection.GroundToSatellite,
                "satellite_to_ground" => VectorDirection.SatelliteToGround,
                _ => throw new UserError("--vector needs --direction ground_to_satellite or satellite_to_ground."),
            };
            decl = decl with { ConstantVector = (v[0], v[1], v[2]), Vector = dir };
        }
        if (o.Angles is not null)
        {
            if (!LookAngles.TryParse(o.Angles, out var conv)) throw new UserError($"--angles '{o.Angles}': expected incidence-heading, kite-theta-phi, isce or sdm.");
            var a = o.AngleValues is null ? null : NumberFormat.TryParseList(o.AngleValues, 2);
            if (a is null) throw new UserError("--angles needs --angle-values A,B (degrees).");
            decl = decl with { Angles = conv, ConstantAngles = (a[0], a[1]) };
        }
        if (o.Coordinates is not null)
            decl = decl with
            {
                Coordinates = o.Coordinates switch
                {
                    "lonlat" => CoordinateDeclaration.Geographic,
                    "local-m" => new CoordinateDeclaration(CoordinateKind.Local, LengthUnit.Metre),
                    "local-km" => new CoordinateDeclaration(CoordinateKind.Local, LengthUnit.Kilometre),
                    var s => throw new UserError($"--coordinates '{s}': expected lonlat, local-m or local-km."),
                },
            };
        if (o.Reference is not null)
        {
            var r = NumberFormat.TryParseList(o.Reference, 2) ?? throw new UserError($"--reference '{o.Reference}': expected LON,LAT.");
            decl = decl with { Reference = new GeoReference(r[0], r[1]) };
        }
        if (o.Coherence is not null) decl = decl with { CoherenceFile = o.Coherence };
        double threshold = o.Threshold ?? throw new UserError("--threshold is required: the largest scatter accepted in a leaf (value unit).");
        var q = new QuadtreeOptions(threshold * units.ToMetres(), o.MinSize, o.MaxSize, o.MaxNan,
            o.Median ? LeafStatistic.Median : LeafStatistic.Mean, o.Detrend);
        q.Validate();
        return (decl, q);
    }
}
