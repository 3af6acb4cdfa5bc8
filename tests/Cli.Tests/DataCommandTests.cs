using System.Globalization;

namespace SourceModel.Cli.Tests;

/// <summary>`sourcemodel data inspect | quadtree | covariance` end to end, on the shipped example declarations and on
/// files the tests write; bad input gives one line naming file, line/key and what was expected, and exit code 1.</summary>
public sealed class DataCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Example(string name) => Path.Combine(SharedData.RepositoryRoot, "examples", "data", name);

    [ExampleDatasetFact("laquila-2009-envisat-quadtree-beat")]
    public void Inspect_laquila_example_needs_shared_datasets() =>
        AssertInspect("laquila.yaml", ("laquila_asc", 205, "covariance 205x205"), ("laquila_dsc", 214, "covariance 214x214"));

    [ExampleDatasetFact("elazig-2020-s1asc-quadtree-kite")]
    public void Inspect_elazig_example_needs_shared_datasets() => AssertInspect("elazig.yaml", ("elazig_asc", 194, "none"));

    [ExampleDatasetFact("ridgecrest-2019-insar-subsampled")]
    public void Inspect_ridgecrest_example_needs_shared_datasets() =>
        AssertInspect("ridgecrest.yaml", ("t64_asc", 1959, "none"), ("t71_des", 2008, "none"), ("alos2_t65_asc", 1940, "none"), ("alos2_t66_asc", 1976, "none"));

    [ExampleDatasetFact("nepal-2015-gorkha-insar-gnss")]
    public void Inspect_nepal_example_needs_shared_datasets() =>
        AssertInspect("nepal.yaml", ("asc", 1705, "none"), ("des_t047", 610, "none"), ("des_t048", 1960, "none"), ("gnss", 30, "sigma"));

    [ExampleDatasetFact("maule-2010-insar-gnss")]
    public void Inspect_maule_example_needs_shared_datasets() =>
        AssertInspect("maule.yaml", ("asc", 820, "none"), ("des", 1112, "none"), ("gnss", 39, "sigma"));

    [ExampleDatasetFact("illapel-2015-insar-gnss-gtdef")]
    public void Inspect_illapel_example_needs_shared_datasets() =>
        AssertInspect("illapel.yaml", ("gnss", 42, "sigma"), ("s1_des", 1247, "sigma"), ("s1_des_quadtree_cm", 126, "sigma"));

    [ExampleDatasetFact("tohoku-2011-gnss-sdm")]
    public void Inspect_tohoku_example_needs_shared_datasets() =>
        AssertInspect("tohoku.yaml", ("east", 633, "sigma 10-10 mm"), ("north", 633, "sigma"), ("up", 633, "sigma"));

    [ExampleDatasetFact("kos-2017-gnss-insar")]
    public void Inspect_kos_example_needs_shared_datasets() =>
        AssertInspect("kos.yaml", ("gnss_horizontal", 56, "none"), ("gnss_vertical", 28, "none"), ("s1_asc_fringes", 75, "none"), ("s1_des_fringes", 94, "none"));

    [ExampleDatasetFact("parkfield-2004-gnss")]
    public void Inspect_parkfield_example_needs_shared_datasets() => AssertInspect("parkfield.yaml", ("gnss", 42, "none"));

    private void AssertInspect(string example, params (string Name, int Points, string Noise)[] expected)
    {
        var (code, output, err) = _cli.Run("data", "inspect", Example(example));
        Assert.True(code == 0, err);
        foreach (var (name, points, noise) in expected)
        {
            var row = output.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
            Assert.NotNull(row);
            Assert.Contains($" {points} ", row);
            Assert.Contains(noise, row);
        }
    }

    [Fact]
    public void Unknown_keys_and_bad_values_in_a_declaration_give_file_line_and_key()
    {
        var data = _cli.Write("a.lltnde", "13.30 42.30 100 -0.60 -0.10 0.7937 12.5 1\n");
        var yaml = _cli.Write("d.yaml", $"datasets:\n  - name: a\n    file: a.lltnde\n    format: lltnde\n    units: cm\n    sign: towards\n");
        var (code, _, err) = _cli.Run("data", "inspect", yaml);
        Assert.Equal(1, code);
        Assert.Contains($"{yaml}:6: datasets[0].sign: 'towards': expected one of toward_satellite, away_from_satellite.", err);
        File.WriteAllText(yaml, "datasets:\n  - name: a\n    file: a.lltnde\n    format: lltnde\n    unit: cm\n");
        (code, _, err) = _cli.Run("data", "inspect", yaml);
        Assert.Equal(1, code);
        Assert.Contains(":5: datasets[0].unit: unknown key", err);
        // A declaration that leaves the sign open is refused by the importer, naming the data file.
        File.WriteAllText(yaml, "datasets:\n  - name: a\n    file: a.lltnde\n    format: lltnde\n    units: cm\n    vector: ground_to_satellite\n");
        (code, _, err) = _cli.Run("data", "inspect", yaml);
        Assert.Equal(1, code);
        Assert.Contains($"{data}: dataset 'a': declare 'sign'", err);
        Assert.DoesNotContain("   at ", err);
    }

    /// <summary>A 200×150 local grid in mm: a smooth bump (the "deformation") plus a step, written as x y z text.</summary>
    private string SyntheticGrid()
    {
        var sb = new System.Text.StringBuilder();
        for (int j = 0; j < 150; j++)
            for (int i = 0; i < 200; i++)
            {
                double x = i * 100.0, y = j * 100.0;
                double z = 50 * Math.Exp(-((x - 8000) * (x - 8000) + (y - 7000) * (y - 7000)) / (2 * 1500.0 * 1500.0));
                string v = i > 180 && j > 130 ? "NaN" : z.ToString("R", CultureInfo.InvariantCulture);
                sb.Append(CultureInfo.InvariantCulture, $"{x} {y} {v}\n");
            }
        return _cli.Write("grid.xyz", sb.ToString());
    }

    [Fact]
    public void Quadtree_of_a_text_grid_writes_leaves_that_read_back_and_a_covariance()
    {
        var grid = SyntheticGrid();
        var leaves = _cli.PathOf("leaves.csv");
        var (code, output, err) = _cli.Run("data", "quadtree", grid, "-o", leaves, "--units", "mm", "--sign", "toward_satellite",
            "--vector", "-0.6,-0.1,0.794", "--direction", "ground_to_satellite", "--coordinates", "local-m", "--threshold", "0.5",
            "--min-size", "4", "--max-size", "64");
        Assert.True(code == 0, err);
        Assert.Contains("leaves", output);
        var lines = File.ReadAllLines(leaves);
        Assert.StartsWith("# sourcemodel-csv 1; reference none", lines[0]);
        Assert.Equal("east_m,north_m,lon,lat,elevation_m,value_m,unit_e,unit_n,unit_u,leaf_size_m,pixels,scatter_m", lines[1]);
        int leafCount = lines.Length - 2;
        Assert.InRange(leafCount, 20, 2000);
        // Small leaves over the bump, big ones far from it.
        var rows = lines.Skip(2).Select(l => l.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        double nearSize = rows.Where(r => Math.Abs(r[0] - 8000) < 1500 && Math.Abs(r[1] - 7000) < 1500).Min(r => r[9]);
        double farSize = rows.Where(r => r[0] > 14000 && r[1] < 4000).Max(r => r[9]);
        Assert.True(nearSize < farSize, $"leaf sizes: {nearSize} m near the bump, {farSize} m far away");
        Assert.All(rows, r => Assert.True(r[5] >= -1e-12 && r[5] <= 0.0501));   // mm → m

        // The leaves file states its own conventions, so it can be inspected without a declaration.
        (code, output, err) = _cli.Run("data", "inspect", leaves);
        Assert.True(code == 0, err);
        Assert.Contains($" {leafCount} ", output);
        Assert.Contains("37.5..37.5", output);   // incidence of the declared vector: acos(0.794/|v|) = 37.455°

        var cov = _cli.PathOf("cov.csv");
        (code, output, err) = _cli.Run("data", "covariance", leaves, "--exclude-circle", "8000,7000,4000", "-o", cov);
        Assert.True(code == 0, err);
        Assert.Contains("fit: exponential", output);
        Assert.Equal(leafCount, File.ReadAllLines(cov).Length);
    }

    [Fact]
    public void A_grid_declared_in_yaml_is_downsampled_by_inspect_and_by_quadtree_alike()
    {
        SyntheticGrid();
        var yaml = _cli.Write("grids.yaml",
            "grids:\n  - name: bump\n    file: grid.xyz\n    units: mm\n    sign: toward_satellite\n" +
            "    angles: incidence-heading\n    constant_angles: [39, 349]\n    coordinates: {system: local, unit: m}\n" +
            "    quadtree: {threshold: 0.5, min_size: 4, max_size: 64, statistic: median}\n");
        var (code, output, err) = _cli.Run("data", "inspect", yaml);
        Assert.True(code == 0, err);
        var row = output.Split('\n').First(l => l.StartsWith("bump ", StringComparison.Ordinal));
        Assert.Contains("39.0..39.0", row);
        Assert.Contains("quadtree: threshold 0.0005 m", output);
        var leaves = _cli.PathOf("leaves.csv");
        (code, output, err) = _cli.Run("data", "quadtree", yaml, "-o", leaves);
        Assert.True(code == 0, err);
        int inspected = int.Parse(row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);
        Assert.Equal(inspected, File.ReadAllLines(leaves).Length - 2);
        // A quadtree key that is not known is reported with its line.
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("statistic: median", "statistics: median"));
        (code, _, err) = _cli.Run("data", "inspect", yaml);
        Assert.Equal(1, code);
        Assert.Contains("grids[0].quadtree.statistics: unknown key", err);
    }

    [Fact]
    public void Inspect_and_covariance_write_html_views_with_filled_leaves_and_the_fitted_variogram()
    {
        var grid = SyntheticGrid();
        var leaves = _cli.PathOf("leaves.csv");
        var (code, _, err) = _cli.Run("data", "quadtree", grid, "-o", leaves, "--units", "mm", "--sign", "toward_satellite",
            "--vector", "0,0,1", "--direction", "ground_to_satellite", "--coordinates", "local-m", "--threshold", "0.5");
        Assert.True(code == 0, err);
        var html = _cli.PathOf("inspect.html");
        (code, _, err) = _cli.Run("data", "inspect", leaves, "--html", html);
        Assert.True(code == 0, err);
        var text = File.ReadAllText(html);
        Assert.Contains("\"fill\":\"toself\"", text);                          // leaves filled over their true extent
        Assert.Contains("LOS (cm)", text);
        var cov = _cli.PathOf("variogram.html");
        (code, _, err) = _cli.Run("data", "covariance", leaves, "--detrend", "--html", cov);
        Assert.True(code == 0, err);
        Assert.Contains("fitted model", File.ReadAllText(cov));
        Assert.Contains("semivariance (mm²)", File.ReadAllText(cov));
        if (Reports.Html.PngExport.Chromium is null) return;   // rendering: ChromiumFact tests elsewhere say why they skip
        foreach (var (page, figure) in new[] { (html, "dataset-1"), (cov, "variogram") })
        {
            var (dom, console, _) = Reports.Tests.HeadlessChromium.Render(page, page + ".png");
            Assert.True(console.Count == 0, string.Join("\n", console));
            Reports.Tests.HeadlessChromium.AssertEveryFigureDrawn(dom, [figure]);
            Assert.True(new FileInfo(page + ".png").Length > 20_000, "a screenshot with content");
        }
    }

    [Fact]
    public void A_model_prediction_refines_the_quadtree_where_the_model_varies()
    {
        var model = SyntheticGrid();                                    // the bump, as a "preliminary model" (mm)
        var flat = _cli.Write("flat.xyz", string.Join("", File.ReadAllLines(model).Select(l =>
        {
            var f = l.Split(' ');
            return $"{f[0]} {f[1]} {(f[2] == "NaN" ? "NaN" : "0")}\n";
        })));
        string[] common = ["--units", "mm", "--sign", "toward_satellite", "--vector", "0,0,1", "--direction", "ground_to_satellite",
            "--coordinates", "local-m", "--threshold", "0.5", "--min-size", "4", "--max-size", "64"];
        var plain = _cli.PathOf("plain.csv");
        var refined = _cli.PathOf("refined.csv");
        var (code, _, err) = _cli.Run(["data", "quadtree", flat, "-o", plain, .. common]);
        Assert.True(code == 0, err);
        (code, _, err) = _cli.Run(["data", "quadtree", flat, "-o", refined, "--model", model, "--model-threshold", "0.5", .. common]);
        Assert.True(code == 0, err);
        Assert.True(File.ReadAllLines(refined).Length > 2 * File.ReadAllLines(plain).Length, "more leaves where the model varies");
        (code, _, err) = _cli.Run(["data", "quadtree", flat, "-o", refined, "--model", _cli.Write("small.xyz", "0 0 1\n100 0 1\n0 100 1\n100 100 1\n"), "--model-threshold", "0.5", .. common]);
        Assert.Equal(1, code);
        Assert.Contains("pixel for pixel", err);
    }

    [Fact]
    public void Quadtree_refuses_missing_conventions_and_all_nan_grids_without_writing()
    {
        var grid = SyntheticGrid();
        var leaves = _cli.PathOf("leaves.csv");
        var (code, _, err) = _cli.Run("data", "quadtree", grid, "-o", leaves, "--units", "mm", "--threshold", "1", "--coordinates", "local-m",
            "--vector", "0,0,1", "--direction", "ground_to_satellite");
        Assert.Equal(1, code);
        Assert.Contains("--sign is required", err);
        var nan = _cli.Write("nan.xyz", "0 0 NaN\n1 0 NaN\n0 1 NaN\n1 1 NaN\n");
        (code, _, err) = _cli.Run("data", "quadtree", nan, "-o", leaves, "--units", "mm", "--sign", "toward_satellite", "--threshold", "1",
            "--coordinates", "local-m", "--vector", "0,0,1", "--direction", "ground_to_satellite");
        Assert.Equal(1, code);
        Assert.Contains("every value of the grid is NaN", err);
        Assert.False(File.Exists(leaves));
        Assert.Empty(Directory.GetFiles(_cli.Folder, "*.tmp"));
    }
}
