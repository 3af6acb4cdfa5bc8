// 05 — When is a point source good enough?
//
// Question: a 10 × 10 km fault and a point source of the same moment at its centroid: how far away, or how deep,
//           must we be before the two look the same at the surface?
// Physics:  the point source (Okada 1992 DC3D0) is the first term of a multipole expansion of the finite
//           rectangle; the next terms scale as (fault size / distance)². Near a shallow fault the finite size
//           dominates (the displacement follows the slip distribution); once the centroid depth is a few times the
//           fault dimension, the surface cannot tell the two apart — which is why small or deep earthquakes
//           constrain only the centroid and moment (and the mechanism), not the size.
// Try:      make the fault longer (30 km) at the same depth, or switch to a strike-slip mechanism.
// Run:      dotnet run examples/05-point-versus-finite.cs    (writes examples-output/05-point-versus-finite.html)
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
const double size = 10_000;
var axis = Enumerable.Range(0, 121).Select(i => -60_000.0 + 1_000 * i + 3).ToArray();
var east = axis.SelectMany(_ => axis).ToArray();
var north = axis.SelectMany(n => axis.Select(_ => n)).ToArray();
var medium = ElasticMedium.Default;
double[] centroidDepths = [4_000, 6_000, 10_000, 20_000, 40_000];   // the top edge reaches 0.5 km at 4 km
var report = new Report("05 — Point source versus finite rectangle")
    .Metadata("fault", "10 × 10 km, strike 0°, dip 45°, rake 90°, 1 m of slip; the point source has the same potency (slip × area) at the centroid")
    .Metadata("measure", "relative difference = RMS of the difference of the 3-D displacement over a 120 × 120 km grid / RMS of the rectangle's");
var ratio = new List<double>();
var difference = new List<double>();
var profiles = new List<(string, IReadOnlyList<double>, IReadOnlyList<double>)>();
foreach (double depth in centroidDepths)
{
    // Top edge placed so that the centroid is at `depth` under the origin's meridian (dip 45°, width 10 km).
    double top = depth - size / 2 * Math.Sin(Math.PI / 4);
    var rectangle = new RectangularFault(-size / 2 * Math.Cos(Math.PI / 4), 0, top, size, size, 0, 45, FaultSlip.FromRake(90, 1.0));
    var point = PointSourceFault.FromRectangle(rectangle);
    var a = SurfaceDisplacement.Compute([rectangle], [], medium, east, north);
    var b = SurfaceDisplacement.Compute([], [point], medium, east, north);
    double num = 0, den = 0;
    for (int k = 0; k < east.Length; k++)
    {
        double de = a.East[k] - b.East[k], dn = a.North[k] - b.North[k], du = a.Up[k] - b.Up[k];
        num += de * de + dn * dn + du * du;
        den += a.East[k] * a.East[k] + a.North[k] * a.North[k] + a.Up[k] * a.Up[k];
    }
    double relative = Math.Sqrt(num / den);
    Console.WriteLine($"depth_{depth / 1000:0}km.centroid_depth_over_size = {depth / size:G3}");
    Console.WriteLine($"depth_{depth / 1000:0}km.relative_difference = {relative:G4}");
    ratio.Add(depth / size);
    difference.Add(relative);
    int row = Array.FindIndex(axis, v => v > 0);
    profiles.Add(($"rectangle, centroid {depth / 1000:0} km", Km(axis), axis.Select((_, i) => a.Up[row * axis.Length + i] * 100).ToArray()));
    profiles.Add(($"point, centroid {depth / 1000:0} km", Km(axis), axis.Select((_, i) => b.Up[row * axis.Length + i] * 100).ToArray()));
}
report.Section("How the difference falls with depth")
    .Add(StandardFigures.Lines("difference", "relative difference, point vs rectangle", ("centroid depth / fault size", "–"), ("relative RMS difference", "–"),
        ("10 × 10 km thrust", ratio, difference)))
    .Add(StandardFigures.Lines("profiles", "uplift along east through the centroid", ("east", "km"), ("uplift", "cm"), [.. profiles]));
Directory.CreateDirectory("examples-output");
report.Save(Path.Combine("examples-output", "05-point-versus-finite.html"));
Console.WriteLine("report = examples-output/05-point-versus-finite.html");

static double[] Km(double[] metres) => metres.Select(v => v / 1000).ToArray();
