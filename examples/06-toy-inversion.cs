// 06 — A toy inversion: find the fault with a particle swarm, then look at the misfit surface
//
// Question: given noisy LOS data, can we recover the fault that made them, and which parameters trade off?
// Physics:  step 1 of a geodetic source study. The misfit σ = sqrt(Σ (d − G(m))²/σ_d² / N) is non-linear in the
//           geometry m (position, depth, size, strike, dip) and has local minima, so a global search (particle swarm,
//           Kennedy & Eberhart 1995; constriction form, Clerc & Kennedy 2002) is followed by a local polish
//           (Nelder–Mead). The misfit surface in dip and depth shows the classic trade-off: a deeper fault can mimic a
//           shallower one with a different dip, so the valley is long and tilted, and noise moves the minimum along it.
// Try:      raise the noise from 5 mm to 20 mm and watch the valley widen; fix the rake; use one track only.
// Run:      dotnet run examples/06-toy-inversion.cs    (writes examples-output/06-toy-inversion.html)
#:property PublishAot=false
#:project ../src/Inversion/SourceModel.Inversion.csproj
#:project ../src/Reports/SourceModel.Reports.csproj
using System.Globalization;
using SourceModel.Inversion;
using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Randomness;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;
using SourceModel.Sampling;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const double noise = 0.005;
// The truth: a normal fault, 15 × 10 km, top at 2 km, strike 140°, dip 50°, rake −90°, 1 m of slip.
var truth = new RectangularFault(2_000, -1_000, 2_000, 15_000, 10_000, 140, 50, FaultSlip.FromRake(-90, 1.0));
var random = new RandomStream(2026);
var datasets = new List<GeodeticDataset>();
foreach (var (name, los) in new[] { ("ascending", LosVector.FromIncidenceAndHeading(39, -12)), ("descending", LosVector.FromIncidenceAndHeading(34, -168)) })
{
    // 200 random points per track within ±40 km.
    var e = Enumerable.Range(0, 200).Select(_ => -40_000 + 80_000 * random.NextDouble()).ToArray();
    var n = Enumerable.Range(0, 200).Select(_ => -40_000 + 80_000 * random.NextDouble()).ToArray();
    var u = SurfaceDisplacement.Compute([truth], [], ElasticMedium.Default, e, n);
    var d = Enumerable.Range(0, e.Length).Select(k => u.Los(k, los) + noise * random.NextGaussian()).ToArray();
    datasets.Add(new GeodeticDataset(name, DatasetKind.Los, e, n, d, Enumerable.Repeat(los.East, e.Length).ToArray(),
        Enumerable.Repeat(los.North, e.Length).ToArray(), Enumerable.Repeat(los.Up, e.Length).ToArray(),
        new ImportProvenance("example 06", "synthetic", [], e.Length), sigma: Enumerable.Repeat(noise, e.Length).ToArray()));
}
var layout = new SourceLayout([new SourceTemplate("fault", SourceKind.Rectangle)]);
var bounds = new Dictionary<string, ParameterSpec>
{
    ["fault.east"] = ParameterSpec.Free("", -15_000, 15_000), ["fault.north"] = ParameterSpec.Free("", -15_000, 15_000),
    ["fault.depth"] = ParameterSpec.Free("", 0, 8_000), ["fault.length"] = ParameterSpec.Free("", 5_000, 30_000),
    ["fault.width"] = ParameterSpec.Free("", 3_000, 20_000), ["fault.strike"] = ParameterSpec.Free("", 90, 190),
    ["fault.dip"] = ParameterSpec.Free("", 20, 80), ["fault.rake"] = ParameterSpec.Free("", -150, -30), ["fault.slip"] = ParameterSpec.Free("", 0.1, 3),
};
var problem = new GeometryProblem(layout, layout.Space(bounds), datasets.Select(d => DatasetTerm.Prepare(d, NuisanceModel.Offset)));
var result = GeometryInversion.Run(problem, new GeometrySearchOptions
{
    Seed = 7, Executor = new ExecutorOptions { MaxIterations = 250 }, Swarm = new ParticleSwarmOptions { SwarmSize = 40 },
});
double[] truthValues = [truth.East, truth.North, truth.TopDepth, truth.Length, truth.Width, truth.Strike, truth.Dip, -90, 1.0, 0];
var report = new Report("06 — A toy inversion with a particle swarm")
    .Metadata("data", $"2 × 200 LOS points, {noise * 1000} mm white noise, an offset per track")
    .Metadata("search", $"particle swarm, 40 particles × 250 iterations, then Nelder–Mead; {result.Evaluations} misfit evaluations")
    .Metadata("misfit", $"{result.Best.Cost:G4} (1 is the noise level: the model explains everything but the noise)");
var rows = new List<IReadOnlyList<string>>();
for (int i = 0; i < result.ParameterNames.Count; i++)
{
    if (!problem.Space.Specs[i].IsFree) continue;
    string name = result.ParameterNames[i];
    Console.WriteLine($"{name}.recovered = {result.Best.Parameters[i]:G6}");
    Console.WriteLine($"{name}.true = {truthValues[i]:G6}");
    rows.Add([name, result.Best.Parameters[i].ToString("G5"), truthValues[i].ToString("G5")]);
}
Console.WriteLine($"misfit = {result.Best.Cost:G5}");
report.Section("Recovered against true").Table(["parameter", "recovered", "true"], rows);

// The misfit surface in dip × depth, the other parameters held at the best model.
var scan = GridSearch.Run(problem, GridAxis.Linear("fault.dip", 30, 70, 41), GridAxis.Linear("fault.depth", 0, 6_000, 31), result.Best.Parameters);
var surface = Enumerable.Range(0, 31).Select(j => (IReadOnlyList<double>)Enumerable.Range(0, 41).Select(i => scan.Costs[i * 31 + j]).ToArray()).ToArray();
Console.WriteLine($"scan.best_dip = {scan.First.Values[scan.Minimum.I]:G4}");
Console.WriteLine($"scan.best_depth_m = {scan.Second!.Values[scan.Minimum.J]:G5}");
report.Section("Misfit surface: dip × depth (other parameters at the best model)")
    .Add(StandardFigures.FieldMap("scan", "misfit σ", scan.First.Values, scan.Second.Values.Select(v => v / 1000).ToArray(), surface, "misfit", "σ",
        ("dip", "deg"), ("top depth", "km"), depthDown: true, diverging: false));
Directory.CreateDirectory("examples-output");
report.Save(Path.Combine("examples-output", "06-toy-inversion.html"));
Console.WriteLine("report = examples-output/06-toy-inversion.html");
