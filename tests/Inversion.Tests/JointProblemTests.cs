using SourceModel.Inversion.Parameters;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling;

namespace SourceModel.Inversion.Tests;

/// <summary>Several sources and several kinds of data in one misfit.</summary>
public sealed class JointProblemTests
{
    private static readonly RectangularFault Main = new(0, 0, 1_000, 30_000, 12_000, 90, 80, FaultSlip.FromRake(180, 2.0));
    private static readonly PointSourceFault Aftershock = new(25_000, 8_000, 6_000, 45, 60, 0, 3e7);

    /// <summary>GNSS east/north/up of a few stations as one observation per row, unit vectors along the axes.</summary>
    private static GeodeticDataset Gnss()
    {
        double[] se = [-20_000, 5_000, 18_000, 30_000, -8_000], sn = [10_000, -15_000, 22_000, -5_000, -30_000];
        var f = SurfaceDisplacement.Compute([Main], [Aftershock], ElasticMedium.Default, se, sn);
        var e = new List<double>(); var n = new List<double>(); var v = new List<double>();
        var ue = new List<double>(); var un = new List<double>(); var uu = new List<double>();
        for (int s = 0; s < se.Length; s++)
            foreach (var (value, a, b, c) in new[] { (f.East[s], 1.0, 0.0, 0.0), (f.North[s], 0, 1, 0), (f.Up[s], 0, 0, 1) })
            {
                e.Add(se[s]); n.Add(sn[s]); v.Add(value); ue.Add(a); un.Add(b); uu.Add(c);
            }
        return new GeodeticDataset("gnss", DatasetKind.GnssComponent, [.. e], [.. n], [.. v], [.. ue], [.. un], [.. uu],
            new ImportProvenance("test", "test", [], e.Count), weight: 0.8, sigma: Enumerable.Repeat(0.002, e.Count).ToArray());
    }

    [Fact]
    public void A_rectangle_and_a_point_source_fit_los_and_gnss_exactly_at_the_truth_and_their_moments_add()
    {
        var layout = new SourceLayout([new SourceTemplate("main", SourceKind.Rectangle), new SourceTemplate("after", SourceKind.Point, SlipForm.Components)]);
        Assert.Equal(17, layout.ParameterNames.Count);
        Assert.Equal("after.dip_potency", layout.ParameterNames[^1]);
        var truth = new Dictionary<string, double>
        {
            ["main.east"] = 0, ["main.north"] = 0, ["main.depth"] = 1_000, ["main.length"] = 30_000, ["main.width"] = 12_000, ["main.strike"] = 90,
            ["main.dip"] = 80, ["main.rake"] = 180, ["main.slip"] = 2.0,
            ["after.east"] = 25_000, ["after.north"] = 8_000, ["after.depth"] = 6_000, ["after.strike"] = 45, ["after.dip"] = 60,
            ["after.strike_potency"] = 0, ["after.dip_potency"] = 3e7,
        };
        var specs = truth.ToDictionary(kv => kv.Key, kv => ParameterSpec.FixedAt("", kv.Value));
        specs["main.slip"] = ParameterSpec.Free("", 0, 5);
        specs["after.dip_potency"] = ParameterSpec.Free("", 0, 1e8);
        var los = TestProblems.Los("los", Main, LosVector.FromIncidenceAndHeading(35, -10), side: 10, spacing: 6_000);
        var field = SurfaceDisplacement.Compute([], [Aftershock], ElasticMedium.Default, los.East.ToArray(), los.North.ToArray());
        los = los.WithValues(los.Value.ToArray().Select((v, i) => v + field.Los(i, LosVector.FromIncidenceAndHeading(35, -10))).ToArray());
        var problem = new GeometryProblem(layout, layout.Space(specs), [DatasetTerm.Prepare(los), DatasetTerm.Prepare(Gnss())]);
        var full = layout.ParameterNames.Select(n => truth.GetValueOrDefault(n)).ToArray();
        Assert.InRange(problem.CostOfFull(full), 0, 1e-10);
        var fit = GeometryFit.Of(problem, full);
        double expected = 30e9 * (30_000 * 12_000 * 2.0 + 3e7);
        Assert.InRange(fit.Moment, expected * (1 - 1e-12), expected * (1 + 1e-12));
        Assert.Equal(0.8, fit.Datasets[1].Weight);
        // Halving the aftershock's potency misfits only where it is seen; the cost is then positive.
        full[^1] = 1.5e7;
        Assert.True(problem.CostOfFull(full) > 0.1);
    }
}
