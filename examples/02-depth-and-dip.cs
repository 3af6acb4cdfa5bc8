// 02 — Depth and dip: a buried versus a surface-breaking thrust, and the uplift of the hanging wall
//
// Question: why does a thrust lift the ground above its hanging wall, and how do burial depth and dip shape that?
// Physics:  the same Okada (1985) rectangle as in 01. Reverse slip on a plane dipping under the hanging wall pushes
//           that block up and over the footwall; the uplift peaks above the up-dip edge of the slip. Burying the top
//           edge smooths and widens the bulge (displacement decays with distance from the slip, ~1/r² for a buried
//           source); a surface rupture makes uz jump across the trace by the vertical slip, sin(dip) × slip. A steeper
//           dip puts more of the slip into vertical motion but also takes it deeper, broadening the bulge.
// Try:      change the dips (15, 30, 45, 60) or the burial depth (5 km), or give the slip a strike-slip part.
// Run:      dotnet run examples/02-depth-and-dip.cs    (writes examples-output/02-depth-and-dip.html)
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
var medium = ElasticMedium.Default;
// A profile across strike through the middle of a long (100 km) thrust striking north: hanging wall to the east.
// The points sit 1 m off the trace so no point lies exactly on the surface rupture.
var x = Enumerable.Range(0, 601).Select(i => -30_000.0 + 100 * i + 1).ToArray();
var y = new double[x.Length];
double[] Uplift(double topDepth, double dip)
{
    var f = new RectangularFault(0, 0, topDepth, 100_000, 15_000, 0, dip, FaultSlip.FromRake(90, 1.0));
    return SurfaceDisplacement.Compute([f], [], medium, x, y).Up;
}

var report = new Report("02 — Depth and dip of a thrust")
    .Metadata("fault", "100 km long (a 2-D section through its middle), 15 km wide, striking north, 1 m of reverse slip; hanging wall to the east")
    .Metadata("medium", "μ = 30 GPa, ν = 0.25");

var surface = Uplift(0, 30);
var buried = Uplift(5_000, 30);
int trace = Array.FindIndex(x, v => v > 0);
Console.WriteLine($"surface.jump_at_trace_m = {surface[trace] - surface[trace - 1]:G6}");
Console.WriteLine($"surface.vertical_slip_m = {Math.Sin(30 * Math.PI / 180):G6}");
foreach (var (name, u) in new[] { ("surface", surface), ("buried", buried) })
{
    int peak = Array.IndexOf(u, u.Max());
    Console.WriteLine($"{name}.max_uplift_m = {u.Max():G6}");
    Console.WriteLine($"{name}.max_uplift_east_km = {x[peak] / 1000:G4}");
    Console.WriteLine($"{name}.hanging_wall_mean_uplift_m = {Enumerable.Range(0, x.Length).Where(i => x[i] > 0 && x[i] < 15_000).Average(i => u[i]):G6}");
    Console.WriteLine($"{name}.footwall_mean_uplift_m = {Enumerable.Range(0, x.Length).Where(i => x[i] < 0 && x[i] > -15_000).Average(i => u[i]):G6}");
}
report.Section("Buried or surface-breaking (dip 30°)")
    .Paragraph("The surface rupture makes uz jump at the trace by the vertical component of slip; burial at 5 km turns the step into a smooth, wider bulge over the hanging wall.")
    .Add(StandardFigures.Lines("burial", "uplift across strike", ("east (hanging wall > 0)", "km"), ("uplift", "cm"),
        ("surface-breaking", Km(x), Cm(surface)), ("top at 5 km", Km(x), Cm(buried))));

double[] dips = [15, 30, 45, 60];
var curves = dips.Select(d => (Dip: d, Up: Uplift(2_000, d))).ToList();
foreach (var (dip, u) in curves)
{
    int peak = Array.IndexOf(u, u.Max());
    Console.WriteLine($"dip_{dip}.max_uplift_m = {u.Max():G6}");
    Console.WriteLine($"dip_{dip}.max_uplift_east_km = {x[peak] / 1000:G4}");
    // Width of the bulge: the stretch where the uplift exceeds half its maximum.
    var above = Enumerable.Range(0, x.Length).Where(i => u[i] > 0.5 * u.Max()).ToArray();
    Console.WriteLine($"dip_{dip}.bulge_width_km = {(x[above[^1]] - x[above[0]]) / 1000:G4}");
}
report.Section("Dip (top at 2 km)")
    .Paragraph("The vertical part of the slip, sin(dip) × slip, grows with dip, but a steeper plane also carries its slip deeper, where it spreads out at the surface: the peak moves farther onto the hanging wall and the bulge broadens, and the largest uplift comes at an intermediate dip.")
    .Add(StandardFigures.Lines("dips", "uplift across strike for four dips", ("east (hanging wall > 0)", "km"), ("uplift", "cm"),
        curves.Select(c => ($"dip {c.Dip}°", (IReadOnlyList<double>)Km(x), (IReadOnlyList<double>)Cm(c.Up))).ToArray()));
Directory.CreateDirectory("examples-output");
report.Save(Path.Combine("examples-output", "02-depth-and-dip.html"));
Console.WriteLine("report = examples-output/02-depth-and-dip.html");

static double[] Km(double[] metres) => metres.Select(v => v / 1000).ToArray();
static double[] Cm(double[] metres) => metres.Select(v => v * 100).ToArray();
