using System.Globalization;
using SourceModel.Coulomb;
using SourceModel.Coulomb.Resolution;
using SourceModel.Coulomb.Stress;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Bench;

/// <summary>
/// The Coulomb target: ΔCFS on a 200 × 200 grid at 4 depths (160,000 points) from a 250-patch slip model (a 50 × 20 km
/// plane in 25 × 10 patches of 2 × 2 km, slip tapering from 3 m, rake 70–110°), resolved on a specified receiver and on
/// optimally oriented planes. Cold (first call) and the median of 3 warm runs, wall clock.
/// </summary>
public static class CoulombTimings
{
    public static int Run()
    {
        var medium = ElasticMedium.Default;
        var patches = new List<RectangularFault>();
        double strike = 60, dip = 40;
        var (sd, cd) = Math.SinCos(dip * Math.PI / 180);
        var (ss, cs) = Math.SinCos(strike * Math.PI / 180);
        for (int j = 0; j < 10; j++)
            for (int i = 0; i < 25; i++)
            {
                double along = -25e3 + (i + 0.5) * 2e3, down = j * 2e3;
                double slip = 3 * Math.Exp(-Math.Pow((i - 12) / 8.0, 2) - Math.Pow((j - 4) / 4.0, 2));
                patches.Add(new RectangularFault(along * ss + down * cd * cs, along * cs - down * cd * ss, 1000 + down * sd, 2e3, 2e3,
                    strike, dip, FaultSlip.FromRake(70 + 4 * j, slip)));
            }
        var (e, n, d) = CoulombMaps.HorizontalGrid(-99.5e3, 99.5e3, -99.5e3, 99.5e3, 1e3, [5e3, 10e3, 15e3, 20e3]);
        Console.WriteLine($"# Coulomb timings, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores: {e.Length} points x {patches.Count} patches");
        Console.WriteLine();
        Console.WriteLine("| workload | target | cold (s) | warm median (s) | M DC3D evaluations/s |");
        Console.WriteLine("|---|---|---|---|---|");
        var specified = ReceiverSpec.Specified(new ReceiverPlane(60, 40, 90));
        var optimal = ReceiverSpec.Optimal(new RegionalStress([new PrincipalAxis(150, 0, 100e5, 0), new PrincipalAxis(60, 0, 30e5, 0), new PrincipalAxis(0, 90, 0, 0)]));
        // The same 250 patches as one plane slip model (shared corners), the way a step-2 slip model arrives.
        var plane = new RectangularFault(0, 0, 1000, 50e3, 20e3, strike, dip, default);
        var model = new PlaneSlipModel(plane, 25, 10, patches.Select(p => p.Slip).ToArray());
        foreach (var (name, spec) in new[] { ("specified receiver (strike 60, dip 40, rake 90)", specified), ("optimally oriented planes", optimal) })
        {
            var (cold, warm) = Time(() => CoulombMaps.AtPoints([], medium, 0.4, e, n, d, spec, [model]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| ΔCFS, 200 x 200 grid x 4 depths, 250-patch plane slip model, {name} | <= 10 s | {cold:F2} | {warm:F2} | {e.Length * (double)patches.Count / warm / 1e6:F2} |"));
        }
        var (c0, w0) = Time(() => CoulombMaps.AtPoints(patches, medium, 0.4, e, n, d, specified));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| the same given as 250 loose rectangles (tiling found automatically), specified receiver | | {c0:F2} | {w0:F2} | {e.Length * (double)patches.Count / w0 / 1e6:F2} |"));
        return 0;
    }

    private static (double Cold, double Warm) Time(Action a) => ColdWarm.Time(a, runs: 3);
}
