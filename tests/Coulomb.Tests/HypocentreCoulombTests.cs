using SourceModel.Coulomb.Resolution;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using Xunit.Abstractions;

namespace SourceModel.Coulomb.Tests;

/// <summary>ΔCFS at aftershock hypocentres on both nodal planes, and the share brought closer to failure.</summary>
public sealed class HypocentreCoulombTests(ITestOutputHelper output)
{
    private static readonly ElasticMedium Medium = ElasticMedium.Default;

    /// <summary>A right-lateral strike-slip fault striking north: 20 km long, 10 km deep, 1 m of slip.</summary>
    private static readonly RectangularFault Source = new(0, 0, 0, 20_000, 10_000, 0, 90, FaultSlip.FromRake(180, 1));

    /// <summary>Aligned right-lateral receivers (strike 0°, dip 90°, rake 180°) and their auxiliary planes (strike 90°,
    /// dip 90°, rake 0°: left-lateral on east–west planes).</summary>
    private static readonly (ReceiverPlane, ReceiverPlane) Aligned = (new ReceiverPlane(0, 90, 180), new ReceiverPlane(90, 90, 0));

    [Fact]
    public void Aligned_strike_slip_receivers_are_loaded_beyond_the_tips_and_unloaded_beside_the_fault()
    {
        // The textbook pattern (King, Stein & Lin 1994, fig. 2): lobes of increased ΔCFS off both ends of the rupture
        // along strike, stress shadows on both sides of it. Hypocentres at 5 km depth.
        var receivers = new[]
        {
            new HypocentreReceiver(0, 18_000, 5_000, Aligned),     // north of the northern tip: loaded
            new HypocentreReceiver(0, -18_000, 5_000, Aligned),    // south of the southern tip: loaded
            new HypocentreReceiver(8_000, 0, 5_000, Aligned),      // beside the middle: shadow
            new HypocentreReceiver(-8_000, 0, 5_000, Aligned),     // beside the middle: shadow
            new HypocentreReceiver(0, 22_000, 5_000, null),        // no mechanism: the fallback plane, loaded
        };
        var fallback = ReceiverSpec.Specified(new ReceiverPlane(0, 90, 180));
        foreach (double friction in new[] { 0.0, 0.4 })
        {
            var stresses = HypocentreCoulomb.Compute([Source], Medium, friction, receivers, fallback);
            foreach (var s in stresses)
                output.WriteLine($"μ' {friction}: ({s.Receiver.East / 1e3}, {s.Receiver.North / 1e3}) km: plane 1 {s.First.Coulomb / 1e5:F3} bar, plane 2 {(s.Second?.Coulomb ?? double.NaN) / 1e5:F3} bar");
            Assert.True(stresses[0].FirstPositive && stresses[1].FirstPositive && stresses[4].FirstPositive);
            Assert.False(stresses[2].FirstPositive || stresses[3].FirstPositive);
            Assert.Null(stresses[4].Second);
            Assert.Equal(new ReceiverPlane(0, 90, 180), stresses[4].FirstPlane);
            // Without friction only shear counts, and the conjugate planes see the same shear: the two planes agree.
            if (friction == 0)
                foreach (var s in stresses.Take(4))
                    Assert.Equal(s.First.Coulomb, s.Second!.Value.Coulomb, Math.Abs(s.First.Coulomb) * 1e-9);
            var shares = HypocentreCoulomb.Fractions(stresses);
            Assert.Equal(5, shares.Events);
            Assert.Equal(3.0 / 5, shares.FirstPlane, 12);
            Assert.Equal(2.0 / 4, shares.SecondPlane, 12);
        }
    }

    [Fact]
    public void A_nodal_plane_with_an_impossible_dip_is_refused()
    {
        var bad = new HypocentreReceiver(0, 18_000, 5_000, (new ReceiverPlane(0, 120, 180), new ReceiverPlane(90, 90, 0)));
        Assert.Throws<ArgumentException>(() => HypocentreCoulomb.Compute([Source], Medium, 0.4, [bad], ReceiverSpec.Specified(new ReceiverPlane(0, 90, 180))));
    }
}
