using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Okada.Tests;

public class DiscretisationTests
{
    private static readonly RectangularFault Jiashi = new(0, 0, 0, 50e3, 20e3, 270, 40, FaultSlip.FromRake(90, 1));

    [Fact]
    public void Jiashi_plane_cut_into_25_by_10_patches_of_2_km()
    {
        var d = DiscretisedFault.Rectangle(Jiashi, 25, 10);
        Assert.Equal(250, d.Patches.Count);
        Assert.All(d.Patches, p => Assert.Equal(4e6, p.Area, 1e-3));
        Assert.Equal(Jiashi.Area, d.Area, 1e-3);
        // Interior patches have 4 neighbours, edge patches 3, corner patches 2.
        var counts = d.Neighbours.Select(n => n.Length).ToArray();
        Assert.Equal(4, counts.Count(c => c == 2));
        Assert.Equal(2 * (23 + 8), counts.Count(c => c == 3));
        Assert.Equal(23 * 8, counts.Count(c => c == 4));
        // Neighbours are the patches left/right along strike and above/below down dip.
        var p = d.Patches.Single(q => q.AlongStrike == 5 && q.DownDip == 3);
        var expected = new[] { (4, 3), (6, 3), (5, 2), (5, 4) }
            .Select(t => d.Patches.Single(q => q.AlongStrike == t.Item1 && q.DownDip == t.Item2).Index).Order();
        Assert.Equal(expected, d.Neighbours[p.Index]);
    }

    [Fact]
    public void Patches_reproduce_the_whole_fault_displacement()
    {
        var d = DiscretisedFault.Rectangle(Jiashi, 5, 4);
        var east = new[] { 3e3, -12e3, 30e3 };
        var north = new[] { -8e3, 5e3, 22e3 };
        var whole = SurfaceDisplacement.Compute([Jiashi], [], ElasticMedium.Default, east, north);
        var parts = SurfaceDisplacement.Compute(d.Patches.Select(p => p.Geometry).ToArray(), [], ElasticMedium.Default, east, north);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(whole.East[i], parts.East[i], 1e-10);
            Assert.Equal(whole.North[i], parts.North[i], 1e-10);
            Assert.Equal(whole.Up[i], parts.Up[i], 1e-10);
        }
    }

    [Fact]
    public void Listric_ramp_and_flat_segments_connect_and_neighbour_across_the_bend()
    {
        var ramp = new RectangularFault(0, 0, 0, 20e3, 10e3, 0, 45, FaultSlip.FromRake(90, 1));
        var segments = FaultSegment.Listric(ramp, 4, [(15e3, 10.0, 3)], topDownDip: 2);
        var d = DiscretisedFault.Segments(segments);
        Assert.Equal(2, d.SegmentCount);
        Assert.Equal(4 * 2 + 4 * 3, d.Patches.Count);
        var flat = segments[1].Fault;
        Assert.Equal(ramp.BottomDepth, flat.TopDepth, 1e-6);
        Assert.Equal(ramp.East + 10e3 * Math.Cos(Math.PI / 4), flat.East, 1e-6);
        // Each bottom-row ramp patch touches exactly one top-row flat patch.
        foreach (var p in d.Patches.Where(p => p.Segment == 0 && p.DownDip == 1))
        {
            var across = d.Neighbours[p.Index].Select(i => d.Patches[i]).Where(q => q.Segment == 1).ToArray();
            Assert.Single(across);
            Assert.Equal(0, across[0].DownDip);
            Assert.Equal(p.AlongStrike, across[0].AlongStrike);
        }
    }

    [Fact]
    public void A_branch_meeting_the_main_fault_neighbours_the_patches_it_touches()
    {
        // Main fault: vertical, strikes north, 20 km long, 10 km deep, 4 × 2 patches (5 km × 5 km).
        var main = new RectangularFault(0, 0, 0, 20e3, 10e3, 0, 90, new FaultSlip(1, 0));
        // Branch: vertical, strikes east from the main fault's trace at north = 2.5 km, 3 × 4 patches of 2.5 km.
        var branch = new RectangularFault(3.75e3, 2.5e3, 0, 7.5e3, 10e3, 90, 90, new FaultSlip(1, 0));
        var d = DiscretisedFault.Segments([new FaultSegment(main, 4, 2), new FaultSegment(branch, 3, 4)]);
        // The branch's first column (AlongStrike 0) touches the main fault along x = 0 between 0 and 10 km depth,
        // inside main-fault column 2 (north 0..5 km): its 4 patches each neighbour one of main's 2 patches there.
        var touching = d.Patches.Where(p => p.Segment == 1 && p.AlongStrike == 0).ToArray();
        Assert.Equal(4, touching.Length);
        foreach (var p in touching)
        {
            var across = d.Neighbours[p.Index].Select(i => d.Patches[i]).Where(q => q.Segment == 0).ToArray();
            Assert.Single(across);
            Assert.Equal(2, across[0].AlongStrike);
        }
    }

    [Fact]
    public void Zero_patch_count_is_rejected_with_the_segment_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => DiscretisedFault.Rectangle(Jiashi, 0, 10));
        Assert.Contains("Segment 0", ex.Message);
    }
}
