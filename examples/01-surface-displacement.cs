// 01 — Surface displacement of the four elementary faults (Okada 1985)
//
// Question: what does the ground do above a strike-slip, a thrust, a normal fault and an opening crack?
// Physics:  a rectangular dislocation in an elastic half-space (Okada 1985, "Surface deformation due to shear and
//           tensile faults in a half-space", BSSA 75, 1135–1154). Displacement is linear in slip; its pattern depends
//           only on the geometry and on the slip direction (rake) or opening.
// Try:      change the rake of the thrust (90) to 45 and see the pattern rotate into a mix of the first two; set the
//           top depth to 0 and see the discontinuity at the trace; change ν (Poisson's ratio) — almost nothing moves.
// Run:      dotnet run examples/01-surface-displacement.cs    (writes examples-output/01-surface-displacement.html)
#:property PublishAot=false
#:project ../src/Okada/SourceModel.Okada.csproj
#:project ../src/Reports/SourceModel.Reports.csproj
using System.Globalization;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var medium = new ElasticMedium(30e9, 0.25);
// Every fault strikes north (strike 0°), is 20 km long and 10 km wide, its top-edge centre at the origin, 1 km deep.
// For a dipping fault the hanging wall is east of the trace (dip direction = strike + 90°).
(string Name, RectangularFault Fault)[] faults =
[
    ("strike-slip (left-lateral, vertical)", new RectangularFault(0, 0, 1_000, 20_000, 10_000, 0, 90, FaultSlip.FromRake(0, 1.0))),
    ("thrust (dip 30°, rake 90°)", new RectangularFault(0, 0, 1_000, 20_000, 10_000, 0, 30, FaultSlip.FromRake(90, 1.0))),
    ("normal (dip 60°, rake −90°)", new RectangularFault(0, 0, 1_000, 20_000, 10_000, 0, 60, FaultSlip.FromRake(-90, 1.0))),
    ("tensile (vertical dyke opening 1 m)", new RectangularFault(0, 0, 1_000, 20_000, 10_000, 0, 90, new FaultSlip(0, 0, 1.0))),
];

// A 101 × 101 grid, 1 km spacing, ±50 km.
var axis = Enumerable.Range(0, 101).Select(i => -50_000.0 + 1_000 * i).ToArray();
var east = axis.SelectMany(_ => axis).ToArray();
var north = axis.SelectMany(n => axis.Select(_ => n)).ToArray();
int At(double e, double n) => (int)Math.Round((n + 50_000) / 1_000) * 101 + (int)Math.Round((e + 50_000) / 1_000);

var report = new Report("01 — Surface displacement of the four elementary faults (Okada 1985)")
    .Metadata("faults", "20 km long, 10 km wide, top 1 km deep at the origin, striking north; 1 m of slip or opening")
    .Metadata("medium", "μ = 30 GPa, ν = 0.25");
int id = 0;
foreach (var (name, fault) in faults)
{
    var u = SurfaceDisplacement.Compute([fault], [], medium, east, north);
    var uz = u.Up.ToArray();
    string key = name.Split(' ')[0];
    double maxUp = uz.Max(), minUp = uz.Min();
    Console.WriteLine($"{key}.max_uplift_m = {maxUp:G6}");
    Console.WriteLine($"{key}.max_subsidence_m = {-minUp:G6}");
    Console.WriteLine($"{key}.max_horizontal_m = {Enumerable.Range(0, uz.Length).Max(k => Math.Sqrt(u.East[k] * u.East[k] + u.North[k] * u.North[k])):G6}");
    // Where the largest uplift is, east of the trace (hanging wall) or west (footwall).
    int top = Array.IndexOf(uz, maxUp);
    Console.WriteLine($"{key}.max_uplift_east_km = {east[top] / 1000:G4}");
    if (key == "strike-slip")
    {
        // The four-lobed pattern: uz is odd in east and odd in north about the fault's centre, the origin (the
        // vertical fault runs from north −10 to +10 km under the line east = 0).
        double odd = 0;
        foreach (double e in axis) foreach (double n in axis) odd = Math.Max(odd, Math.Abs(uz[At(e, n)] + uz[At(-e, n)]));
        Console.WriteLine($"strike-slip.uz_east_antisymmetry = {odd / maxUp:G3}");
        odd = 0;
        foreach (double e in axis) foreach (double n in axis) odd = Math.Max(odd, Math.Abs(uz[At(e, n)] + uz[At(e, -n)]));
        Console.WriteLine($"strike-slip.uz_north_antisymmetry = {odd / maxUp:G3}");
    }
    var rows = axis.Select((_, j) => (IReadOnlyList<double>)axis.Select((_, i) => uz[j * 101 + i] * 100).ToArray()).ToArray();
    var outline = Outline(fault);
    report.Section(name)
        .Add(StandardFigures.FieldMap($"uz-{++id}", $"{name}: vertical displacement", Km(axis), Km(axis),
            rows, "up", "cm", ("east", "km"), ("north", "km"), outlines: outline))
        .Add(StandardFigures.Lines($"profile-{id}", $"{name}: profile across strike at north = 5 km", ("east", "km"), ("displacement", "cm"),
            ("up", Km(axis), axis.Select(e => uz[At(e, 5_000)] * 100).ToArray()),
            ("east", Km(axis), axis.Select(e => u.East[At(e, 5_000)] * 100).ToArray()),
            ("north", Km(axis), axis.Select(e => u.North[At(e, 5_000)] * 100).ToArray())));
}
Directory.CreateDirectory("examples-output");
report.Save(Path.Combine("examples-output", "01-surface-displacement.html"));
Console.WriteLine("report = examples-output/01-surface-displacement.html");

static double[] Km(double[] metres) => metres.Select(v => v / 1000).ToArray();

// The fault's outline projected on the surface (solid) and its top edge (red), in km.
static IReadOnlyList<Polyline> Outline(RectangularFault f)
{
    var c = f.Corners();
    return
    [
        new Polyline("fault", c.Select(p => p.East / 1000).Append(c[0].East / 1000).ToArray(), c.Select(p => p.North / 1000).Append(c[0].North / 1000).ToArray()),
        new Polyline("top edge", [c[0].East / 1000, c[1].East / 1000], [c[0].North / 1000, c[1].North / 1000], "red"),
    ];
}
