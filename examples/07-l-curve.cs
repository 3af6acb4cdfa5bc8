// 07 — Distributed slip: the L-curve, and what over- and under-smoothing look like
//
// Question: with more unknown slips than the data can resolve, how much smoothing is right?
// Physics:  step 2 solves min ‖W(Gs − d)‖² + α²‖Hs‖² with s ≥ 0 in a rake window (as in R. Wang's SDM),
//           G the Okada Green's functions of each patch, H the Laplacian of the slip. Little smoothing (small α) fits
//           the noise with rough, oscillating slip; much smoothing smears slip and leaves signal unexplained. Plotted
//           log roughness against log misfit over α, the solutions trace an "L" (Hansen 1992); its corner — the
//           point of largest curvature — balances the two.
// Try:      double the noise; make the patches smaller (more unknowns); move the slip asperity deeper.
// Run:      dotnet run examples/07-l-curve.cs    (writes examples-output/07-l-curve.html)
#:property PublishAot=false
#:project ../src/Inversion/SourceModel.Inversion.csproj
#:project ../src/Reports/SourceModel.Reports.csproj
using System.Globalization;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Randomness;
using SourceModel.Inversion.Slip;
using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;
using SourceModel.Sampling;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const double noise = 0.005;
// A 40 × 20 km thrust dipping 25°, top at 1 km, cut into 20 × 10 patches of 2 km; the true slip is a smooth
// asperity (up to 2 m, rake 90°) centred 16 km along strike and 6 km down dip.
var plane = new RectangularFault(0, 0, 1_000, 40_000, 20_000, 0, 25, default);
var fault = DiscretisedFault.Rectangle(plane, 20, 10);
double TrueSlip(FaultPatch p)
{
    double x = (p.AlongStrike + 0.5) * 2_000 - 16_000, y = (p.DownDip + 0.5) * 2_000 - 6_000;
    return 2.0 * Math.Exp(-(x * x + y * y) / (2 * 5_000.0 * 5_000.0));
}
var patches = fault.Patches.Select(p => p.Geometry with { Slip = FaultSlip.FromRake(90, TrueSlip(p)) }).ToList();
var random = new RandomStream(7);
var terms = new List<DatasetTerm>();
foreach (var (name, los) in new[] { ("ascending", LosVector.FromIncidenceAndHeading(39, -12)), ("descending", LosVector.FromIncidenceAndHeading(34, -168)) })
{
    var e = Enumerable.Range(0, 600).Select(_ => -40_000 + 100_000 * random.NextDouble()).ToArray();
    var n = Enumerable.Range(0, 600).Select(_ => -50_000 + 100_000 * random.NextDouble()).ToArray();
    var u = SurfaceDisplacement.Compute(patches, [], ElasticMedium.Default, e, n);
    var d = Enumerable.Range(0, e.Length).Select(k => u.Los(k, los) + noise * random.NextGaussian()).ToArray();
    terms.Add(DatasetTerm.Prepare(new GeodeticDataset(name, DatasetKind.Los, e, n, d, Enumerable.Repeat(los.East, e.Length).ToArray(),
        Enumerable.Repeat(los.North, e.Length).ToArray(), Enumerable.Repeat(los.Up, e.Length).ToArray(),
        new ImportProvenance("example 07", "synthetic", [], e.Length), sigma: Enumerable.Repeat(noise, e.Length).ToArray())));
}
var system = SlipSystem.Build(fault, terms, SlipBasis.Window(45, 135, 10));
var curve = SlipInversion.LCurve(system, SlipInversion.DefaultWeights(system, 16));
var solutions = curve.Solutions;
double trueMoment = patches.Sum(p => p.Moment(ElasticMedium.Default));
Console.WriteLine($"true.mw = {2.0 / 3.0 * (Math.Log10(trueMoment) - 9.1):G5}");
for (int k = 0; k < solutions.Count; k++)
{
    Console.WriteLine($"weight_{k + 1}.alpha = {solutions[k].Alpha:G4}");
    Console.WriteLine($"weight_{k + 1}.misfit = {solutions[k].Misfit:G6}");
    Console.WriteLine($"weight_{k + 1}.roughness = {solutions[k].Roughness:G6}");
}
Console.WriteLine($"weights = {solutions.Count}");
// With whitened data the misfit is χ²: a model that explains all but the noise has χ² ≈ the number of data.
Console.WriteLine($"data_count = {terms.Sum(t => t.Count)}");
Console.WriteLine($"corner.index = {curve.Corner + 1}");
Console.WriteLine($"corner.alpha = {curve.Chosen.Alpha:G4}");
Console.WriteLine($"corner.peak_slip_m = {curve.Chosen.PeakPatch.Magnitude:G4}");
Console.WriteLine($"corner.mw = {curve.Chosen.MomentMagnitude:G5}");
double error = Math.Sqrt(curve.Chosen.Patches.Sum(p => Math.Pow(p.Magnitude - TrueSlip(fault.Patches[p.Index]), 2)) / fault.Patches.Count);
Console.WriteLine($"corner.rms_slip_error_m = {error:G4}");

var report = new Report("07 — Distributed slip and the L-curve")
    .Metadata("fault", "40 × 20 km, dip 25°, 20 × 10 patches of 2 km; true slip a 2 m Gaussian asperity, rake 90°")
    .Metadata("data", $"2 × 600 LOS points, {noise * 1000} mm noise; rake window 45°–135°, slip ≤ 10 m; 16 weights");
report.Section("The L-curve")
    .Add(StandardFigures.LCurve("lcurve", "misfit against roughness", solutions.Select(s => s.Roughness).ToArray(), solutions.Select(s => s.Misfit).ToArray(),
        solutions.Select(s => s.Alpha).ToArray(), curve.Corner, ("roughness ‖Hs‖²", "m²"), ("misfit χ²", "–"), logLog: true));
void Slip(string id, string title, SlipSolution s) => report.Add(StandardFigures.SlipPatches(id, title, 20, 10, 2, 2,
    fault.Patches.OrderBy(p => p.DownDip).ThenBy(p => p.AlongStrike).Select(p => s.Patches[p.Index].StrikeSlip).ToArray(),
    fault.Patches.OrderBy(p => p.DownDip).ThenBy(p => p.AlongStrike).Select(p => s.Patches[p.Index].DipSlip).ToArray(),
    new PlaneView(plane.Strike, plane.Dip, plane.TopDepth / 1000)));
report.Section("Three solutions");
Slip("under", $"under-smoothed (α = {solutions[1].Alpha:G3}): rough, fits the noise", solutions[1]);
Slip("corner", $"corner (α = {curve.Chosen.Alpha:G3})", curve.Chosen);
Slip("over", $"over-smoothed (α = {solutions[^2].Alpha:G3}): smeared, misses signal", solutions[^2]);
Directory.CreateDirectory("examples-output");
report.Save(Path.Combine("examples-output", "07-l-curve.html"));
Console.WriteLine("report = examples-output/07-l-curve.html");
