// 08 — Coulomb stress lobes: where an earthquake brings neighbouring faults closer to failure
//
// Question: after a strike-slip earthquake, which nearby faults are loaded and which are relieved, and how do the
//           receiver's orientation and friction change the picture?
// Physics:  the Coulomb failure stress change on a receiver plane slipping in direction r is
//               ΔCFS = Δτ_r + μ' Δσ_n
//           (King, Stein & Lin 1994, BSSA 84, 935–953), Δτ_r the shear stress change in the rake direction, Δσ_n the
//           normal stress change (positive = unclamping) and μ' the effective friction. Receivers parallel to a
//           right-lateral source are loaded in lobes off the fault tips and relieved ("stress shadows") broadside;
//           friction weights the unclamped and clamped quadrants; thrust receivers see a different pattern.
//           ΔCFS is linear in μ' at each point, which the printed numbers check.
// Try:      rotate the receivers (strike 30°), set friction 0 or 0.8, or make the source a thrust.
// Run:      dotnet run examples/08-coulomb-lobes.cs    (writes examples-output/08-coulomb-lobes.html)
#:property PublishAot=false
#:project ../src/Coulomb/SourceModel.Coulomb.csproj
#:project ../src/Reports/SourceModel.Reports.csproj
using System.Globalization;
using SourceModel.Coulomb;
using SourceModel.Coulomb.Resolution;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// A vertical right-lateral fault striking north, 30 km long (north −15 to +15 km), from the surface to 15 km, 1 m of slip.
var source = new RectangularFault(0, 0, 0, 30_000, 15_000, 0, 90, FaultSlip.FromRake(180, 1.0));
var medium = ElasticMedium.Default;
const double depth = 7_500;
var (east, north, depths) = CoulombMaps.HorizontalGrid(-60_000, 60_000, -60_000, 60_000, 1_500, [depth]);
var axis = Enumerable.Range(0, 81).Select(i => -60.0 + 1.5 * i).ToArray();
(string Key, string Name, ReceiverPlane Plane, double Friction)[] receivers =
[
    ("parallel_mu04", "right-lateral receivers parallel to the source, μ' = 0.4", new ReceiverPlane(0, 90, 180), 0.4),
    ("parallel_mu0", "the same, μ' = 0 (shear stress change only)", new ReceiverPlane(0, 90, 180), 0.0),
    ("parallel_mu08", "the same, μ' = 0.8", new ReceiverPlane(0, 90, 180), 0.8),
    ("thrust_mu04", "thrust receivers striking north, dip 30°, rake 90°, μ' = 0.4", new ReceiverPlane(0, 30, 90), 0.4),
];
var report = new Report("08 — Coulomb stress lobes")
    .Metadata("source", "vertical right-lateral fault striking north, 30 km long, 0–15 km deep, 1 m of slip; μ = 30 GPa, ν = 0.25")
    .Metadata("map", "ΔCFS = Δτ + μ'Δσn at 7.5 km depth, every 1.5 km over ±60 km");
int At(double e, double n) => (int)Math.Round((n + 60_000) / 1_500) * 81 + (int)Math.Round((e + 60_000) / 1_500);
var values = new Dictionary<string, double[]>();
foreach (var (key, name, plane, friction) in receivers)
{
    var points = CoulombMaps.AtPoints([source], medium, friction, east, north, depths, ReceiverSpec.Specified(plane));
    var cfs = points.Select(p => p.Stress.Coulomb / 1e5).ToArray();   // bar
    values[key] = cfs;
    Console.WriteLine($"{key}.beyond_north_tip_bar = {cfs[At(0, 22_500)]:G5}");
    Console.WriteLine($"{key}.beyond_south_tip_bar = {cfs[At(0, -22_500)]:G5}");
    Console.WriteLine($"{key}.broadside_east_bar = {cfs[At(12_000, 0)]:G5}");
    Console.WriteLine($"{key}.broadside_west_bar = {cfs[At(-12_000, 0)]:G5}");
    Console.WriteLine($"{key}.off_tip_northeast_bar = {cfs[At(9_000, 21_000)]:G5}");
    var rows = axis.Select((_, j) => (IReadOnlyList<double>)axis.Select((_, i) => Math.Clamp(cfs[j * 81 + i], -5, 5)).ToArray()).ToArray();
    report.Section(name).Add(StandardFigures.FieldMap($"cfs-{key}", $"ΔCFS at 7.5 km: {name} (clipped at ±5 bar)", axis, axis, rows, "ΔCFS", "bar",
        ("east", "km"), ("north", "km"), outlines: [new Polyline("source", [0, 0], [-15, 15], "black")]));
}
// Linearity in friction: ΔCFS(0.4) is the mean of ΔCFS(0) and ΔCFS(0.8) everywhere.
double worst = 0;
for (int k = 0; k < east.Length; k++)
    if (double.IsFinite(values["parallel_mu04"][k]))
        worst = Math.Max(worst, Math.Abs(values["parallel_mu04"][k] - 0.5 * (values["parallel_mu0"][k] + values["parallel_mu08"][k])));
Console.WriteLine($"friction_linearity.max_deviation_bar = {worst:G3}");
Directory.CreateDirectory("examples-output");
report.Save(Path.Combine("examples-output", "08-coulomb-lobes.html"));
Console.WriteLine("report = examples-output/08-coulomb-lobes.html");
