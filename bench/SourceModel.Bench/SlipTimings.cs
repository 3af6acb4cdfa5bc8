using System.Diagnostics;
using System.Globalization;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Slip;
using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling;

namespace SourceModel.Bench;

/// <summary>
/// The step-2 target: 2,000 LOS data (two tracks of 1,000) × 1,000 patches (a 100 × 40 km thrust, dip 20°, in 40 × 25
/// patches of 2.5 × 1.6 km) × 2 rake-window components, an L-curve of 20 smoothing weights, Green's matrix included;
/// wall clock of each stage.
/// </summary>
public static class SlipTimings
{
    public static int Run()
    {
        var plane = new RectangularFault(0, 0, 1_000, 100_000, 40_000, 280, 20, default);
        var fault = DiscretisedFault.Rectangle(plane, 40, 25);
        var truth = fault.Patches.Select(p => p.Geometry with
        {
            Slip = FaultSlip.FromRake(95, 2 * Math.Exp(-Math.Pow((p.AlongStrike - 20) / 9.0, 2) - Math.Pow((p.DownDip - 8) / 6.0, 2))),
        }).ToList();
        var random = new SourceModel.Inversion.Randomness.RandomStream(5);
        var terms = new List<DatasetTerm>();
        foreach (var (name, los) in new[] { ("asc", LosVector.FromIncidenceAndHeading(39, -12)), ("dsc", LosVector.FromIncidenceAndHeading(34, -168)) })
        {
            var e = Enumerable.Range(0, 1000).Select(_ => -90_000 + 180_000 * random.NextDouble()).ToArray();
            var n = Enumerable.Range(0, 1000).Select(_ => -90_000 + 180_000 * random.NextDouble()).ToArray();
            var f = SurfaceDisplacement.Compute(truth, [], ElasticMedium.Default, e, n);
            var v = Enumerable.Range(0, 1000).Select(k => f.Los(k, los) + 0.003 * random.NextGaussian()).ToArray();
            terms.Add(DatasetTerm.Prepare(new GeodeticDataset(name, DatasetKind.Los, e, n, v, Enumerable.Repeat(los.East, 1000).ToArray(),
                Enumerable.Repeat(los.North, 1000).ToArray(), Enumerable.Repeat(los.Up, 1000).ToArray(), new ImportProvenance("bench", "bench", [], 1000),
                sigma: Enumerable.Repeat(0.003, 1000).ToArray()), NuisanceModel.Offset));
        }
        Console.WriteLine($"# Slip timings, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, dense algebra: {SourceModel.Sampling.Noise.NativeBlas.Description}: 2000 data x {fault.Patches.Count} patches x 2");
        var clock = Stopwatch.StartNew();
        var system = SlipSystem.Build(fault, terms, SlipBasis.Window(45, 135, 20));
        double build = clock.Elapsed.TotalSeconds;
        var weights = SlipInversion.DefaultWeights(system, 20);
        var curve = SlipInversion.LCurve(system, weights);
        double total = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| system (Green's, whitening, GᵀG, HᵀH) | | {build:F1} s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| L-curve, 20 weights, exact solver, Green's included | <= 20 s | {total:F1} s (corner {curve.Corner + 1}, Mw {curve.Chosen.MomentMagnitude:F3}, all converged: {curve.Solutions.All(s => s.Converged)}) |"));
        foreach (var s in curve.Solutions)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  alpha {s.Alpha:G4}: {s.Iterations} it, converged {s.Converged}, misfit {s.Misfit:G5}, roughness {s.Roughness:G4}"));
        return 0;
    }
}
