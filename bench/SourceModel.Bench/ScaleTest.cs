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
/// Issue 22's scale test: a synthetic megathrust — 400 × 100 km, strike north, dipping 12° east, top 3 km deep, cut
/// into 200 × 50 patches of 2 km (10,000 patches, 20,000 rake-window coefficients) — under two InSAR tracks of 10,000
/// leaves each on land (east of a coast 60 km from the trench, out to 400 km), twice as dense within 150 km of the
/// coast, 1 cm white noise and an offset per track; two slip asperities (rake 90°, 20 and 12 m). One fixed-weight
/// solve on the matrix-free path (α = factor × the equal-trace weight), with wall time per stage and the process's peak
/// resident memory. <c>-- scale [--along 200] [--down 50] [--leaves 20000] [--factor 10] [--dense]</c>; <c>--dense</c>
/// also solves on the dense path and compares (small sizes only).
/// </summary>
public static class ScaleTest
{
    public static int Run(string[] args)
    {
        int along = BenchArguments.Integer(args, "--along", 200), down = BenchArguments.Integer(args, "--down", 50);
        int leaves = BenchArguments.Integer(args, "--leaves", 20_000);
        double factor = double.Parse(BenchArguments.Text(args, "--factor") ?? "10", CultureInfo.InvariantCulture);
        bool dense = args.Contains("--dense");
        var inv = CultureInfo.InvariantCulture;
        var plane = new RectangularFault(0, 0, 3_000, 400_000, 100_000, 0, 12, default);
        // The plane's reference point is the centre of its top edge; it dips east, so the trench is the line east = 0.
        var fault = DiscretisedFault.Rectangle(plane, along, down);
        var truth = fault.Patches.Select(p =>
        {
            double u = (p.AlongStrike + 0.5) / along, v = (p.DownDip + 0.5) / down;
            double slip = 20 * Math.Exp(-Math.Pow((u - 0.55) / 0.12, 2) - Math.Pow((v - 0.35) / 0.2, 2))
                          + 12 * Math.Exp(-Math.Pow((u - 0.25) / 0.08, 2) - Math.Pow((v - 0.5) / 0.15, 2));
            return p.Geometry with { Slip = FaultSlip.FromRake(90, slip) };
        }).ToList();
        var medium = ElasticMedium.Default;
        double trueMoment = truth.Sum(p => medium.ShearModulus * p.Area * p.Slip.Magnitude);
        var random = new SourceModel.Inversion.Randomness.RandomStream(11);
        var terms = new List<DatasetTerm>();
        var clock = Stopwatch.StartNew();
        foreach (var (name, los, offset) in new[] { ("asc", LosVector.FromIncidenceAndHeading(39, -12), 0.02), ("dsc", LosVector.FromIncidenceAndHeading(34, -168), -0.03) })
        {
            int count = leaves / 2;
            var e = new double[count];
            var n = new double[count];
            for (int k = 0; k < count; k++)
            {
                // Half the leaves within 150 km of the coast, half anywhere on land: a quadtree's density near the rupture.
                e[k] = 60_000 + (k % 2 == 0 ? 150_000 : 340_000) * random.NextDouble();
                n[k] = -300_000 + 600_000 * random.NextDouble();
            }
            var f = SurfaceDisplacement.Compute(truth, [], medium, e, n);
            var value = Enumerable.Range(0, count).Select(k => f.Los(k, los) + offset + 0.01 * random.NextGaussian()).ToArray();
            terms.Add(DatasetTerm.Prepare(new GeodeticDataset(name, DatasetKind.Los, e, n, value, Enumerable.Repeat(los.East, count).ToArray(),
                Enumerable.Repeat(los.North, count).ToArray(), Enumerable.Repeat(los.Up, count).ToArray(), new ImportProvenance("bench", "bench", [], count),
                sigma: Enumerable.Repeat(0.01, count).ToArray()), NuisanceModel.Offset));
        }
        double synthetic = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"# Step-2 scale test, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {GeometryReliability.CpuFlags()}");
        Console.WriteLine(string.Create(inv, $"# {fault.Patches.Count:N0} patches ({2 * fault.Patches.Count:N0} unknowns + 2 offsets) × {leaves:N0} LOS leaves; true Mw {SourceSet.MomentMagnitude(trueMoment):F3}; synthetic data {synthetic:F1} s"));
        var basis = SlipBasis.Window(45, 135, 60);
        clock.Restart();
        var system = SlipSystem.Build(fault, terms, basis, algebra: SlipAlgebra.MatrixFree);
        double build = clock.Elapsed.TotalSeconds;
        double alpha = factor * SlipInversion.DefaultWeights(system, 7)[2];   // weights[2] of 7 over six decades = the equal-trace α
        clock.Restart();
        var solution = SlipInversion.Solve(system, alpha);
        double solve = clock.Elapsed.TotalSeconds;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(inv, $"| stage | wall |"));
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(inv, $"| system: Green's matrix ({system.Rows:N0} × {system.Columns:N0}, single precision, {4.0 * system.Rows * system.Columns / 1e9:F2} GB), Gᵀd, HᵀH | {build:F1} s |"));
        Console.WriteLine(string.Create(inv, $"| fixed-weight solve, α = {alpha:G4} ({factor} × the equal-trace weight): {solution.Iterations} products, converged {solution.Converged}, KKT {solution.KktViolation:E2} | {solve:F1} s |"));
        Console.WriteLine(string.Create(inv, $"| total (build + solve) | {build + solve:F1} s |"));
        Console.WriteLine(string.Create(inv, $"peak resident memory {peak / 1e9:F2} GB; Mw {solution.MomentMagnitude:F3} (truth {SourceSet.MomentMagnitude(trueMoment):F3}), misfit χ² {solution.Misfit:G5} for {system.Rows:N0} data, roughness {solution.Roughness:G4}"));
        if (dense)
        {
            clock.Restart();
            var denseSystem = SlipSystem.Build(fault, terms, basis);
            var exact = SlipInversion.Solve(denseSystem, alpha);
            Console.WriteLine(string.Create(inv, $"dense path: {clock.Elapsed.TotalSeconds:F1} s, objective {exact.Objective:R} against {solution.Objective:R} (relative {(solution.Objective - exact.Objective) / exact.Objective:E2}), Mw {exact.MomentMagnitude:F4} against {solution.MomentMagnitude:F4}, peak slip {exact.PeakPatch.Magnitude:F3} m against {solution.PeakPatch.Magnitude:F3} m"));
        }
        return 0;
    }
}
