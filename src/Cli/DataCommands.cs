using System.CommandLine;
using SourceModel.Cli.Commands;
using SourceModel.Cli.Infrastructure;

namespace SourceModel.Cli;

/// <summary>The `sourcemodel data …` commands: inspect, quadtree, covariance.</summary>
internal static class DataCommands
{
    public static Command Build(TextWriter stdout, string[] args)
    {
        var data = new Command("data", "Geodetic data front end: import with declared conventions, quadtree downsampling, noise covariance.");
        data.Subcommands.Add(Inspect(stdout, args));
        data.Subcommands.Add(Quadtree(stdout));
        data.Subcommands.Add(Covariance(stdout, args));
        return data;
    }

    private static readonly Func<Option<string?>> HtmlOption = () => new Option<string?>("--html") { Description = "Also write a self-contained HTML view (plotly.js inlined; opens offline)." };

    private static Command Inspect(TextWriter stdout, string[] args)
    {
        var files = new Argument<string[]>("FILE") { Description = "Dataset declaration files (YAML; see examples/data and docs/formats.md) or sourcemodel CSV files.", Arity = ArgumentArity.OneOrMore };
        var html = HtmlOption();
        var cmd = new Command("inspect", "Import declared datasets and print points, extent, value range, vectors, noise model and the conventions applied.") { files, html };
        cmd.SetAction(r =>
        {
            DataInspect.Run(r.GetValue(files)!, stdout, r.GetValue(html), args);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Quadtree(TextWriter stdout)
    {
        var grid = new Argument<string>("GRID") { Description = "GMT netCDF grid (classic or 64-bit offset), x y z text, or a YAML declaration with a 'grids' entry." };
        var output = new Option<string>("--out", "-o") { Description = "Leaves CSV to write (sourcemodel-csv: local metres, m toward the satellite).", Required = true };
        var units = new Option<string?>("--units") { Description = "Unit of the grid values: m, cm or mm." };
        var sign = new Option<string?>("--sign") { Description = "toward_satellite or away_from_satellite." };
        var vector = new Option<string?>("--vector") { Description = "Constant unit vector E,N,U (with --direction)." };
        var direction = new Option<string?>("--direction") { Description = "Direction of --vector: ground_to_satellite or satellite_to_ground." };
        var angles = new Option<string?>("--angles") { Description = "Angle convention: incidence-heading, kite-theta-phi, isce or sdm (with --angle-values)." };
        var angleValues = new Option<string?>("--angle-values") { Description = "The two look angles A,B in degrees under --angles." };
        var coordinates = new Option<string?>("--coordinates") { Description = "lonlat, local-m or local-km (x y z text must say; netCDF states it)." };
        var reference = new Option<string?>("--reference") { Description = "Local frame origin LON,LAT (default: grid centre)." };
        var coherence = new Option<string?>("--coherence") { Description = "Coherence grid with the same layout; pixels below --coherence-min are masked." };
        var coherenceMin = new Option<double>("--coherence-min") { Description = "Smallest coherence kept.", DefaultValueFactory = _ => 0.3 };
        var threshold = new Option<double?>("--threshold") { Description = "Largest scatter accepted in a leaf, in the value unit." };
        var minSize = new Option<int>("--min-size") { Description = "Smallest leaf side, pixels.", DefaultValueFactory = _ => 4 };
        var maxSize = new Option<int>("--max-size") { Description = "Largest leaf side, pixels.", DefaultValueFactory = _ => 256 };
        var maxNan = new Option<double>("--max-nan") { Description = "Largest fraction of no-data pixels in a leaf.", DefaultValueFactory = _ => 0.5 };
        var median = new Option<bool>("--median") { Description = "Leaf value is the median (default: mean)." };
        var detrend = new Option<bool>("--detrend") { Description = "Measure scatter about a fitted plane instead of the mean." };
        var model = new Option<string?>("--model") { Description = "Model prediction grid (same layout, value unit): refine where it varies." };
        var modelThreshold = new Option<double?>("--model-threshold") { Description = "Largest model scatter accepted in a leaf (value unit)." };
        var cmd = new Command("quadtree", "Downsample a LOS grid into quadtree leaves (Jónsson et al. 2002).")
            { grid, output, units, sign, vector, direction, angles, angleValues, coordinates, reference, coherence, coherenceMin, threshold, minSize, maxSize, maxNan, median, detrend, model, modelThreshold };
        cmd.SetAction(r =>
        {
            var o = new DataQuadtree.Options(r.GetValue(units), r.GetValue(sign), r.GetValue(vector), r.GetValue(direction), r.GetValue(angles),
                r.GetValue(angleValues), r.GetValue(coordinates), r.GetValue(reference), r.GetValue(coherence), r.GetValue(coherenceMin),
                r.GetValue(threshold), r.GetValue(minSize), r.GetValue(maxSize), r.GetValue(maxNan), r.GetValue(median), r.GetValue(detrend),
                r.GetValue(model), r.GetValue(modelThreshold));
            DataQuadtree.Run(r.GetValue(grid)!, r.GetValue(output)!, o, stdout);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Covariance(TextWriter stdout, string[] args)
    {
        var html = HtmlOption();
        var file = new Argument<string>("FILE") { Description = "A YAML dataset declaration (first dataset, or --dataset) or a sourcemodel leaves CSV." };
        var dataset = new Option<string?>("--dataset") { Description = "Name of the dataset in the YAML file." };
        var family = new Option<string>("--family") { Description = "exponential or exponential-cosine.", DefaultValueFactory = _ => "exponential" };
        var bin = new Option<double?>("--bin") { Description = "Distance bin width, m (default: max distance / 25)." };
        var maxDistance = new Option<double?>("--max-distance") { Description = "Largest pair distance, m (default: half the data extent)." };
        var exclude = new Option<string?>("--exclude-circle") { Description = "EAST,NORTH,RADIUS (m): leave out the deforming area, keep the far field." };
        var subSamples = new Option<int>("--subsamples") { Description = "Points per leaf side when averaging the model over leaves.", DefaultValueFactory = _ => 3 };
        var pairs = new Option<long>("--pairs") { Description = "Use all pairs up to this many, else a random sample of this many.", DefaultValueFactory = _ => 4_000_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the pair sample.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out", "-o") { Description = "Write the full covariance matrix (m², CSV, dataset row order)." };
        var detrend = new Option<bool>("--detrend") { Description = "Remove the best-fitting plane (orbital ramp) before the variogram." };
        var cmd = new Command("covariance", "Empirical semivariogram, fitted noise model and the full data covariance.")
            { file, dataset, family, bin, maxDistance, exclude, subSamples, pairs, seed, output, detrend, html };
        cmd.SetAction(r =>
        {
            var o = new DataCovariance.Options(r.GetValue(dataset), r.GetValue(family)!, r.GetValue(bin), r.GetValue(maxDistance),
                r.GetValue(exclude), r.GetValue(subSamples), r.GetValue(pairs), r.GetValue(seed), r.GetValue(output), r.GetValue(detrend), r.GetValue(html), args);
            DataCovariance.Run(r.GetValue(file)!, o, stdout);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
