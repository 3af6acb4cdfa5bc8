using SourceModel.Cli.Infrastructure;
using SourceModel.Sampling;
using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Grids;
using SourceModel.Sampling.Import;
using SourceModel.Sampling.Noise;
using SourceModel.Sampling.Projection;
using SourceModel.Sampling.Quadtree;

namespace SourceModel.Cli.Commands;

/// <summary>
/// Dataset declarations in YAML (docs/formats.md, examples/data/*.yaml): a shared <c>reference</c>, a list of point
/// <c>datasets</c> and a list of full-resolution <c>grids</c> (each with its <c>quadtree</c> settings). Relative paths are
/// resolved from the YAML file's folder. Every key is checked; errors give file, line and key.
/// </summary>
internal sealed record DatasetConfig(string Path, GeoReference? Reference, IReadOnlyList<DatasetDeclaration> Datasets,
    IReadOnlyList<(GridDeclaration Grid, QuadtreeOptions Quadtree)> Grids)
{
    /// <summary>Declared noise models by dataset name (the <c>noise</c> key): the data covariance is built from them
    /// on import (leaf sizes taken into account), for datasets that carry none of their own.</summary>
    public IReadOnlyDictionary<string, CovarianceModel> Noise { get; init; } = new Dictionary<string, CovarianceModel>();

    /// <summary>Every file the declarations read (data, covariance, coherence, vector grids), for content hashing.</summary>
    public IEnumerable<string> Files() =>
        Datasets.SelectMany(d => new[] { d.File, d.CovarianceFile })
            .Concat(Grids.SelectMany(g => new[] { g.Grid.File, g.Grid.CoherenceFile, g.Grid.VectorGrids?.East, g.Grid.VectorGrids?.North, g.Grid.VectorGrids?.Up }))
            .OfType<string>();

    /// <summary>Refuses declarations that read a file from inside the output folder <paramref name="output"/>: the
    /// run would overwrite or replace what it reads (e.g. an input kept in RUN/1-data/).</summary>
    public void RefuseInputsInside(string output, string config)
    {
        if (Files().FirstOrDefault(f => RunFolder.Contains(output, f)) is { } inside)
            throw new UserError($"{config}: the input {inside} lies inside the output folder {System.IO.Path.GetFullPath(output)}, which the run writes; " +
                                "move the input elsewhere or choose another output folder.");
    }

    public static DatasetConfig Load(string path)
    {
        var root = YamlDocument.Load(path).Root;
        var config = Parse(root, path);
        root.RejectUnknownKeys();
        return config;
    }

    /// <summary>Reads <c>reference</c>, <c>datasets</c> and <c>grids</c> from a configuration that may hold other keys
    /// too (the caller rejects unknown keys once it has read its own).</summary>
    public static DatasetConfig Parse(YamlMap root, string path)
    {
        var reference = root.Map("reference") is { } r ? ParseReference(r) : null;
        var noise = new Dictionary<string, CovarianceModel>();
        var datasets = root.List("datasets").Select(m => Dataset(m, reference, noise)).ToList();
        var grids = root.List("grids").Select(m => Grid(m, reference, noise)).ToList();
        if (datasets.Count + grids.Count == 0) throw root.ErrorHere("declare at least one entry under 'datasets' or 'grids'.");
        var names = datasets.Select(d => d.Name).Concat(grids.Select(g => g.Grid.Name)).ToList();
        var dup = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw root.ErrorHere($"dataset name '{dup.Key}' is used twice; names must be unique.");
        return new DatasetConfig(path, reference, datasets, grids) { Noise = noise };
    }

    /// <summary>Imports every point dataset and downsamples every grid, all in one local frame: the declared reference,
    /// or else the reference the first dataset gets (its mean position), applied to the rest. A downsampled grid comes
    /// with its leaves' scatter and a preview of the full-resolution grid it came from (masked), for the data report; grids
    /// are read a band of rows at a time, never whole.</summary>
    public IReadOnlyList<(GeodeticDataset Data, IReadOnlyList<double>? Scatter, GridPreview? Grid)> ImportAll()
    {
        foreach (string file in Files()) InputFile.Check(file, "a data file");
        var result = new List<(GeodeticDataset, IReadOnlyList<double>?, GridPreview?)>();
        var shared = Reference;
        foreach (var d in Datasets)
        {
            var data = WithNoise(DatasetImporter.Import(d with { Reference = d.Reference ?? shared }));
            shared ??= data.Reference;
            result.Add((data, null, null));
        }
        foreach (var (g, q) in Grids)
        {
            var grid = GridDownsampler.Downsample(g with { Reference = g.Reference ?? shared }, q);
            shared ??= grid.Header.Reference;
            result.Add((WithNoise(LeafDataset.From(grid, q)), grid.Leaves.Select(l => l.Scatter).ToArray(), grid.Preview));
        }
        return result;
    }

    /// <summary>The dataset with the covariance of its declared noise model (and the sigmas on its diagonal).</summary>
    private GeodeticDataset WithNoise(GeodeticDataset d)
    {
        if (!Noise.TryGetValue(d.Name, out var model)) return d;
        MemoryBudget.CheckCovariance(Path, d.Name, d.Count);
        var covariance = LeafCovariance.Build(d, model);
        return d.WithCovariance(covariance).WithSigma(Enumerable.Range(0, d.Count).Select(i => Math.Sqrt(covariance[i, i])).ToArray());
    }

    /// <summary>The <c>noise</c> key: the covariance function of the data noise (exponential: sigma_m, range_m, and an
    /// optional nugget_m of uncorrelated noise).</summary>
    private static void NoiseKey(YamlMap m, string name, Dictionary<string, CovarianceModel> noise)
    {
        if (m.Map("noise") is not { } n) return;
        if (m.Has("covariance")) throw m.ErrorAt("noise", "give either a covariance file or a noise model, not both.");
        string model = n.Text("model", "exponential");
        if (model != "exponential") throw n.ErrorAt("model", $"'{model}': expected exponential.");
        double sigma = n.Number("sigma_m"), range = n.Number("range_m"), nugget = n.Number("nugget_m", 0);
        n.RejectUnknownKeys();
        try { noise[name] = new ExponentialCovariance(sigma * sigma, range, nugget * nugget); }
        catch (ArgumentException e) { throw n.ErrorHere(UserError.Reason(e)); }
    }

    private static string File(YamlMap m, string key, bool required = true)
    {
        string text = m.Text(key, "");
        if (text.Length == 0)
        {
            if (required) throw m.ErrorAt(key, "missing; the path of the file is required.");
            return "";
        }
        string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(m.Folder, text));
        // A relative path is relative to the configuration's own folder, wherever the command runs from; say so, since
        // a configuration copied elsewhere is the usual way to meet this.
        if (!System.IO.File.Exists(full))
            throw m.ErrorAt(key, System.IO.Path.IsPathRooted(text)
                ? $"file not found: {full}."
                : $"file not found: '{text}' resolved against the configuration's folder {m.Folder} is {full}; relative paths are relative to the configuration file, so copy the data beside a copied configuration or give absolute paths.");
        return full;
    }

    private static DatasetDeclaration Dataset(YamlMap m, GeoReference? shared, Dictionary<string, CovarianceModel> noise)
    {
        string name = m.Text("name", "");
        if (name.Length == 0) throw m.ErrorAt("name", "missing; every dataset needs a name.");
        string file = File(m, "file");
        var format = Enum<DataFormat>(m, "format", DataFormats.TryParse, DataFormats.All) ?? throw m.ErrorAt("format", $"missing; one of {string.Join(", ", DataFormats.All)}.");
        var look = Look(m);
        var lines = m.Map("lines") is { } l ? LineRange(l) : (null, null);
        var d = new DatasetDeclaration(name, file, format)
        {
            Kind = m.Choice("kind", Kinds),
            Units = Unit(m, "units"),
            SigmaUnits = Unit(m, "sigma_units"),
            Sign = look.Sign,
            Vector = look.Vector,
            Angles = look.Angles,
            ConstantAngles = look.ConstantAngles,
            ConstantVector = look.ConstantVector,
            ConstantSigma = m.Has("sigma") ? m.Number("sigma") : null,
            Coordinates = m.Map("coordinates") is { } c ? Coordinates(c) : null,
            Reference = m.Map("reference") is { } r ? ParseReference(r) : shared,
            Weight = m.Number("weight", 1.0),
            Duplicates = m.Choice("duplicates", DuplicatePolicies) ?? DuplicatePolicy.Error,
            CovarianceFile = File(m, "covariance", required: false) is { Length: > 0 } cf ? cf : null,
            CovarianceUnits = Unit(m, "covariance_units"),
            FirstLine = lines.First,
            LastLine = lines.Last,
            LeafValue = m.Choice("leaf_value", LeafStatistics),
            Layout = Layout(m),
        };
        NoiseKey(m, name, noise);
        SignAgreesWithFormat(m, d);
        m.RejectUnknownKeys();
        return d;
    }

    private static (GridDeclaration Grid, QuadtreeOptions Quadtree) Grid(YamlMap m, GeoReference? shared, Dictionary<string, CovarianceModel> noise)
    {
        string name = m.Text("name", "");
        if (name.Length == 0) throw m.ErrorAt("name", "missing; every grid needs a name.");
        var look = Look(m);
        var g = new GridDeclaration(name, File(m, "file"))
        {
            Units = Unit(m, "units"),
            Sign = look.Sign,
            Vector = look.Vector,
            Angles = look.Angles,
            ConstantAngles = look.ConstantAngles,
            ConstantVector = look.ConstantVector,
            VectorGrids = m.Map("vector_grids") is { } vg ? (File(vg, "east"), File(vg, "north"), File(vg, "up")) : null,
            CoherenceFile = File(m, "coherence", required: false) is { Length: > 0 } cf ? cf : null,
            CoherenceMinimum = m.Number("coherence_min", 0.3),
            Coordinates = m.Map("coordinates") is { } c ? Coordinates(c) : null,
            Reference = m.Map("reference") is { } r ? ParseReference(r) : shared,
            Variable = m.Text("variable", "") is { Length: > 0 } vn ? vn : null,
        };
        var q = m.Map("quadtree") is { } qm ? Quadtree(qm, g.Units ?? LengthUnit.Metre) : throw m.ErrorAt("quadtree", "missing; a grid needs quadtree settings (at least 'threshold').");
        NoiseKey(m, name, noise);
        m.RejectUnknownKeys();
        return (g, q);
    }

    /// <summary>Refuses, at the key, a LOS sign or vector direction the file's format already fixes otherwise, and a
    /// LOS sign on GNSS formats (which store displacement components, not ranges).</summary>
    private static void SignAgreesWithFormat(YamlMap m, DatasetDeclaration d)
    {
        if (d.Format == DataFormat.SourceModelCsv)
        {
            if (d.Sign is LosSign.AwayFromSatellite)
                throw m.ErrorAt("sign", "away_from_satellite contradicts the sourcemodel-csv format, whose LOS values are positive toward the satellite; remove 'sign' or declare toward_satellite.");
            if (d.Vector is VectorDirection.SatelliteToGround)
                throw m.ErrorAt("vector", "satellite_to_ground contradicts the sourcemodel-csv format, whose vectors point from the ground to the satellite.");
        }
        if (d.Format is DataFormat.Gnss or DataFormat.Lldet && d.Sign is not null)
            throw m.ErrorAt("sign", $"a LOS sign contradicts the {d.Format.Name()} format, which holds GNSS displacement components.");
    }

    /// <summary>The look-geometry keys shared by point datasets and grids.</summary>
    private sealed record LookKeys(LosSign? Sign, VectorDirection? Vector, LookAngleConvention? Angles,
        (double A, double B)? ConstantAngles, (double East, double North, double Up)? ConstantVector);

    private static LookKeys Look(YamlMap m) => new(
        m.Choice("sign", Signs),
        m.Choice("vector", Directions),
        Enum<LookAngleConvention>(m, "angles", LookAngles.TryParse, ["incidence-heading", "kite-theta-phi", "isce", "sdm"]),
        m.NumberList("constant_angles", 2) is { } a ? (a[0], a[1]) : null,
        m.NumberList("constant_vector", 3) is { } v ? (v[0], v[1], v[2]) : null);

    /// <summary>Quadtree settings; the threshold is in the grid's declared unit.</summary>
    public static QuadtreeOptions Quadtree(YamlMap q, LengthUnit unit)
    {
        var o = new QuadtreeOptions(
            Threshold: q.Number("threshold") * unit.ToMetres(),
            MinSize: q.Integer("min_size", 4),
            MaxSize: q.Integer("max_size", 256),
            MaxNanFraction: q.Number("max_nan_fraction", 0.5),
            Statistic: q.Choice("statistic", LeafStatistics) ?? LeafStatistic.Mean,
            Detrend: q.Flag("detrend", false));
        q.RejectUnknownKeys();
        try { o.Validate(); }
        catch (ArgumentException e) { throw q.ErrorHere(UserError.Reason(e)); }
        return o;
    }

    private static GeoReference ParseReference(YamlMap r)
    {
        double lon = r.Number("lon"), lat = r.Number("lat");
        var kind = r.Text("projection", "transverse-mercator") switch
        {
            "transverse-mercator" or "tm" => ProjectionKind.TransverseMercator,
            "utm" => ProjectionKind.Utm,
            var s => throw r.ErrorAt("projection", $"'{s}': expected transverse-mercator or utm."),
        };
        int zone = r.Integer("zone", 0);
        r.RejectUnknownKeys();
        var reference = new GeoReference(lon, lat, kind, zone);
        try { _ = new LocalProjection(reference); }
        catch (ArgumentException e) { throw r.ErrorHere(UserError.Reason(e)); }
        return reference;
    }

    private static CoordinateDeclaration Coordinates(YamlMap c)
    {
        var kind = c.Text("system", "") switch
        {
            "lonlat" => CoordinateKind.Geographic,
            "utm" => CoordinateKind.Utm,
            "local" => CoordinateKind.Local,
            var s => throw c.ErrorAt("system", $"'{s}': expected lonlat, utm or local."),
        };
        var unit = Unit(c, "unit") ?? LengthUnit.Metre;
        int zone = c.Integer("zone", 0);
        bool north = c.Text("hemisphere", "north") switch
        {
            "north" => true,
            "south" => false,
            var s => throw c.ErrorAt("hemisphere", $"'{s}': expected north or south."),
        };
        if (kind == CoordinateKind.Utm && zone is < 1 or > 60) throw c.ErrorAt("zone", "a UTM zone 1..60 is required for utm coordinates.");
        if (kind != CoordinateKind.Geographic && unit is not (LengthUnit.Metre or LengthUnit.Kilometre))
            throw c.ErrorAt("unit", "projected coordinates are in m or km.");
        c.RejectUnknownKeys();
        return new CoordinateDeclaration(kind, unit, zone, north);
    }

    private static (int? First, int? Last) LineRange(YamlMap l)
    {
        int first = l.Integer("first", 1), last = l.Integer("last", int.MaxValue);
        l.RejectUnknownKeys();
        if (first < 1 || last < first) throw l.ErrorHere($"expected 1 <= first <= last, got first {first}, last {last}.");
        return (first, last == int.MaxValue ? null : last);
    }

    private static TableLayout? Layout(YamlMap m)
    {
        var cols = m.Map("columns");
        char? delimiter = m.Text("delimiter", "whitespace") switch
        {
            "whitespace" => null,
            "comma" => ',',
            "tab" => '\t',
            "semicolon" => ';',
            var s => throw m.ErrorAt("delimiter", $"'{s}': expected whitespace, comma, tab or semicolon."),
        };
        bool header = m.Flag("header", false);
        if (cols is null) return null;
        var byIndex = new Dictionary<ColumnRole, int>();
        var byHeader = new Dictionary<ColumnRole, string>();
        foreach (var key in cols.Keys())
        {
            if (!ColumnRoles.TryParse(key, out var role))
                throw cols.ErrorAt(key, $"unknown column role; expected one of {string.Join(", ", ColumnRoles.Names)}.");
            var (text, number) = cols.NameOrNumber(key);
            if (number is { } n)
            {
                if (n < 1) throw cols.ErrorAt(key, "column numbers start at 1.");
                byIndex[role] = n;
            }
            else
            {
                if (!header) throw cols.ErrorAt(key, $"'{text}' is a header name, but 'header: true' is not set.");
                byHeader[role] = text;
            }
        }
        return new TableLayout(delimiter, header, byIndex, byHeader.Count > 0 ? byHeader : null);
    }

    private delegate bool Parser<T>(string text, out T value);

    private static T? Enum<T>(YamlMap m, string key, Parser<T> parse, IEnumerable<string> names) where T : struct
    {
        string text = m.Text(key, "");
        if (text.Length == 0) return null;
        if (parse(text, out var v)) return v;
        throw m.ErrorAt(key, $"'{text}': expected one of {string.Join(", ", names)}.");
    }

    private static LengthUnit? Unit(YamlMap m, string key) =>
        Enum<LengthUnit>(m, key, LengthUnits.TryParse, ["m", "cm", "mm", "km"]);

    private static readonly (string, DatasetKind)[] Kinds =
        [("los", DatasetKind.Los), ("gnss-component", DatasetKind.GnssComponent), ("gnss3", DatasetKind.Gnss3), ("azimuth-offset", DatasetKind.AzimuthOffset)];

    private static readonly (string, LosSign)[] Signs =
        [("toward_satellite", LosSign.TowardSatellite), ("away_from_satellite", LosSign.AwayFromSatellite)];

    private static readonly (string, VectorDirection)[] Directions =
        [("ground_to_satellite", VectorDirection.GroundToSatellite), ("satellite_to_ground", VectorDirection.SatelliteToGround)];

    private static readonly (string, DuplicatePolicy)[] DuplicatePolicies =
        [("error", DuplicatePolicy.Error), ("drop_identical", DuplicatePolicy.DropIdentical), ("keep", DuplicatePolicy.Keep)];

    private static readonly (string, LeafStatistic)[] LeafStatistics = [("mean", LeafStatistic.Mean), ("median", LeafStatistic.Median)];
}
