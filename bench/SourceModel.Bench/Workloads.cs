using SourceModel.Okada;
using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Bench;

/// <summary>The fixed, seeded workloads shared by the BenchmarkDotNet suites and the throughput report.</summary>
public static class Workloads
{
    public const int Points = 100_000;

    /// <summary>Observation points spread over ±60 km around the sources (metres), surface.</summary>
    public static (double[] East, double[] North) SurfacePoints(int n, int seed = 1)
    {
        var rng = new Random(seed);
        var e = new double[n];
        var nn = new double[n];
        for (int i = 0; i < n; i++) { e[i] = rng.NextDouble() * 120e3 - 60e3; nn[i] = rng.NextDouble() * 120e3 - 60e3; }
        return (e, nn);
    }

    /// <summary>Internal points (Okada frame, metres) down to 20 km.</summary>
    public static (double[] X, double[] Y, double[] Z) InternalPoints(int n, int seed = 2)
    {
        var rng = new Random(seed);
        var x = new double[n]; var y = new double[n]; var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextDouble() * 60e3 - 30e3;
            y[i] = rng.NextDouble() * 60e3 - 30e3;
            z[i] = -rng.NextDouble() * 20e3;
        }
        return (x, y, z);
    }

    /// <summary>A thrust with oblique slip (two non-zero components, as a rake gives), the usual case.</summary>
    public static RectangularFault Fault { get; } = new(0, 0, 2000, 30e3, 15e3, 300, 35, FaultSlip.FromRake(70, 1.0));

    public static PointSourceFault PointSource { get; } = PointSourceFault.FromRectangle(Fault);

    /// <summary>DC3D arguments with 1, 2 or 3 non-zero dislocation components.</summary>
    public static Dc3dSource Dc3d(int components) => new(2.0 / 3.0, 10e3, 60, -10e3, 10e3, -8e3, 8e3,
        1.0, components > 1 ? 0.5 : 0.0, components > 2 ? 0.2 : 0.0);

    /// <summary>The Green's-matrix target case: 2,000 LOS points × 1,000 patches (40 × 25 on a 60 × 30 km plane).</summary>
    public static (RectangularFault[] Patches, double[] East, double[] North, (double[], double[], double[]) Los) Greens()
    {
        var plane = new RectangularFault(0, 0, 500, 60e3, 30e3, 300, 35, default);
        var patches = DiscretisedFault.Rectangle(plane, 40, 25).Patches.Select(p => p.Geometry).ToArray();
        var (e, n) = SurfacePoints(2000, 3);
        var los = (new double[2000], new double[2000], new double[2000]);
        for (int i = 0; i < 2000; i++)
        {
            var l = LosVector.FromIncidenceAndHeading(30 + 15 * (i % 7) / 6.0, i % 2 == 0 ? -10 : 190);
            los.Item1[i] = l.East; los.Item2[i] = l.North; los.Item3[i] = l.Up;
        }
        return (patches, e, n, los);
    }

    public static readonly ElasticMedium Medium = ElasticMedium.Default;
}
