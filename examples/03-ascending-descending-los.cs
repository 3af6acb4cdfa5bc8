// 03 — One earthquake, two satellite tracks: line-of-sight (LOS) displacement
//
// Question: why do an ascending and a descending track show the same earthquake so differently, and why is
//           strike-slip along the flight direction nearly invisible to InSAR?
// Physics:  a SAR satellite measures only the projection of the 3-D displacement u on its line of sight,
//           d_LOS = u · ê, with ê the unit vector from the ground to the satellite. For a right-looking satellite with
//           heading h (flight direction, clockwise from north) and incidence θ: ê = (−cos h sin θ, sin h sin θ, cos θ)
//           in (east, north, up). Polar orbits fly nearly north–south (h ≈ −12° ascending, −168° descending), so ê has
//           a large east and up part and only a small north part: motion along north is almost unseen.
// Try:      rotate the fault (strike 0 → 45 → 90) and watch the LOS signal grow; swap incidence 39° for 20° or 45°.
// Run:      dotnet run examples/03-ascending-descending-los.cs    (writes examples-output/03-ascending-descending-los.html)
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
var ascending = LosVector.FromIncidenceAndHeading(39, -12);
var descending = LosVector.FromIncidenceAndHeading(39, -168);
Console.WriteLine($"ascending.unit_vector = {ascending.East:F4},{ascending.North:F4},{ascending.Up:F4}");
Console.WriteLine($"descending.unit_vector = {descending.East:F4},{descending.North:F4},{descending.Up:F4}");

var axis = Enumerable.Range(0, 81).Select(i => -40_000.0 + 1_000 * i + 7).ToArray();
var east = axis.SelectMany(_ => axis).ToArray();
var north = axis.SelectMany(n => axis.Select(_ => n)).ToArray();
var report = new Report("03 — Ascending and descending line of sight")
    .Metadata("tracks", $"ascending: heading −12°, incidence 39°, ê = ({ascending.East:F3}, {ascending.North:F3}, {ascending.Up:F3}); " +
                        $"descending: heading −168°, incidence 39°, ê = ({descending.East:F3}, {descending.North:F3}, {descending.Up:F3}) (east, north, up, ground to satellite)")
    .Metadata("sign", "positive LOS = motion towards the satellite");

// Two long (300 km) vertical left-lateral strike-slip faults, top 0.5 km, 12 km wide, 1 m of slip, seen over their
// middle ±40 km where the motion is purely fault-parallel: one along the flight direction (strike 0°, north), one
// across it (strike 90°, east). There LOS / displacement is |ê · strike direction|: 0.13 against 0.62. And a 30 km
// thrust striking north, whose east–west motion the two tracks see with opposite signs.
(string Key, string Name, RectangularFault Fault)[] cases =
[
    ("strike_slip_north", "strike-slip along the flight direction (strike 0°)", new RectangularFault(0, 0, 500, 300_000, 12_000, 0, 90, FaultSlip.FromRake(0, 1))),
    ("strike_slip_east", "strike-slip across the flight direction (strike 90°)", new RectangularFault(0, 0, 500, 300_000, 12_000, 90, 90, FaultSlip.FromRake(0, 1))),
    ("thrust_north", "thrust striking north (dip 30°, hanging wall east)", new RectangularFault(0, 0, 500, 30_000, 12_000, 0, 30, FaultSlip.FromRake(90, 1))),
];
int id = 0;
foreach (var (key, name, fault) in cases)
{
    var u = SurfaceDisplacement.Compute([fault], [], ElasticMedium.Default, east, north);
    double full = Enumerable.Range(0, east.Length).Max(k => Math.Sqrt(u.East[k] * u.East[k] + u.North[k] * u.North[k] + u.Up[k] * u.Up[k]));
    Console.WriteLine($"{key}.max_displacement_m = {full:G5}");
    foreach (var (track, los) in new[] { ("ascending", ascending), ("descending", descending) })
    {
        var d = Enumerable.Range(0, east.Length).Select(k => u.Los(k, los)).ToArray();
        Console.WriteLine($"{key}.{track}.max_abs_los_m = {d.Max(Math.Abs):G5}");
        Console.WriteLine($"{key}.{track}.los_to_displacement = {d.Max(Math.Abs) / full:G4}");
        var rows = axis.Select((_, j) => (IReadOnlyList<double>)axis.Select((_, i) => d[j * axis.Length + i] * 100).ToArray()).ToArray();
        report.Section($"{name}: {track}")
            .Add(StandardFigures.FieldMap($"los-{++id}", $"{name}, {track} LOS", Km(axis), Km(axis), rows, "LOS", "cm", ("east", "km"), ("north", "km")));
    }
}
Directory.CreateDirectory("examples-output");
report.Save(Path.Combine("examples-output", "03-ascending-descending-los.html"));
Console.WriteLine("report = examples-output/03-ascending-descending-los.html");

static double[] Km(double[] metres) => metres.Select(v => v / 1000).ToArray();
