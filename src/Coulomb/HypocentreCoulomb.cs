using SourceModel.Coulomb.Resolution;
using SourceModel.Coulomb.Stress;
using SourceModel.Okada;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb;

/// <summary>An aftershock as a receiver: its hypocentre (local metres, depth positive down) and the two nodal planes of
/// its focal mechanism, or none when the catalogue gives no mechanism.</summary>
/// <param name="Mechanism">Both nodal planes (strike, dip, rake in degrees), or null.</param>
public sealed record HypocentreReceiver(double East, double North, double Depth, (ReceiverPlane First, ReceiverPlane Second)? Mechanism);

/// <summary>ΔCFS at one hypocentre: on each nodal plane, or on the fallback receiver (a specified or optimally oriented
/// plane) when the event has no mechanism (then <see cref="First"/> holds it and <see cref="Second"/> is null).</summary>
public sealed record HypocentreStress(HypocentreReceiver Receiver, ReceiverPlane FirstPlane, ResolvedStress First, ReceiverPlane? SecondPlane,
    ResolvedStress? Second, OkadaStatus Status)
{
    /// <summary>ΔCFS on the first plane (or the fallback) is positive.</summary>
    public bool FirstPositive => Status == OkadaStatus.Normal && First.Coulomb > 0;

    /// <summary>ΔCFS on the second nodal plane is positive (false without a mechanism).</summary>
    public bool SecondPositive => Status == OkadaStatus.Normal && Second is { Coulomb: > 0 };
}

/// <summary>The standard test of a Coulomb study: the share of aftershocks brought closer to failure.</summary>
/// <param name="Events">Hypocentres with a regular stress (not on a source edge).</param>
/// <param name="FirstPlane">Share with ΔCFS &gt; 0 on the first nodal plane (or the fallback receiver).</param>
/// <param name="SecondPlane">Share, among events with a mechanism, with ΔCFS &gt; 0 on the second nodal plane.</param>
/// <param name="Either">Share positive on at least one nodal plane (the fallback for events without one).</param>
/// <param name="Both">Share positive on both nodal planes (the fallback for events without one).</param>
public sealed record AftershockFractions(int Events, double FirstPlane, double SecondPlane, double Either, double Both);

/// <summary>ΔCFS at aftershock hypocentres on the nodal planes of their focal mechanisms.</summary>
public static class HypocentreCoulomb
{
    /// <summary>ΔCFS of <paramref name="sources"/> at every receiver: on both nodal planes when it has a mechanism, else
    /// on <paramref name="fallback"/>.</summary>
    public static HypocentreStress[] Compute(IReadOnlyList<RectangularFault> sources, ElasticMedium medium, double friction,
        IReadOnlyList<HypocentreReceiver> receivers, ReceiverSpec fallback)
    {
        ArgumentNullException.ThrowIfNull(receivers);
        ArgumentNullException.ThrowIfNull(fallback);
        CoulombStress.CheckFriction(friction);
        foreach (var r in receivers)
            if (r.Mechanism is var (a, b)) { a.Validated(); b.Validated(); }
        var result = new HypocentreStress[receivers.Count];
        // Events without a mechanism: the fallback receiver, through the same path as the maps (optimal planes included).
        var bare = Enumerable.Range(0, receivers.Count).Where(i => receivers[i].Mechanism is null).ToArray();
        if (bare.Length > 0)
        {
            var atFallback = CoulombMaps.AtPoints(sources, medium, friction, bare.Select(i => receivers[i].East).ToArray(),
                bare.Select(i => receivers[i].North).ToArray(), bare.Select(i => receivers[i].Depth).ToArray(), fallback);
            for (int k = 0; k < bare.Length; k++)
                result[bare[k]] = new HypocentreStress(receivers[bare[k]], atFallback[k].Plane, atFallback[k].Stress, null, null, atFallback[k].Status);
        }
        var located = Enumerable.Range(0, receivers.Count).Where(i => receivers[i].Mechanism is not null).ToArray();
        var field = HalfSpaceStress.Compute(sources, medium, located.Select(i => receivers[i].East).ToArray(),
            located.Select(i => receivers[i].North).ToArray(), located.Select(i => receivers[i].Depth).ToArray());
        for (int k = 0; k < located.Length; k++)
        {
            int i = located[k];
            var r = receivers[i];
            var (first, second) = r.Mechanism!.Value;
            if (field.Status[k] != OkadaStatus.Normal)
            {
                var nan = new ResolvedStress(double.NaN, double.NaN, double.NaN, double.NaN, friction);
                result[i] = new HypocentreStress(r, first, nan with { Rake = first.Rake }, second, nan with { Rake = second.Rake }, field.Status[k]);
                continue;
            }
            result[i] = new HypocentreStress(r, first, CoulombStress.Resolve(field[k], first, friction), second,
                CoulombStress.Resolve(field[k], second, friction), OkadaStatus.Normal);
        }
        return result;
    }

    /// <summary>The shares of regular events brought closer to failure.</summary>
    public static AftershockFractions Fractions(IReadOnlyList<HypocentreStress> stresses)
    {
        var regular = stresses.Where(s => s.Status == OkadaStatus.Normal).ToList();
        var withMechanism = regular.Where(s => s.Second is not null).ToList();
        double Share(IEnumerable<HypocentreStress> set, Func<HypocentreStress, bool> test, int count) => count == 0 ? double.NaN : (double)set.Count(test) / count;
        return new AftershockFractions(regular.Count,
            Share(regular, s => s.FirstPositive, regular.Count),
            Share(withMechanism, s => s.SecondPositive, withMechanism.Count),
            Share(regular, s => s.FirstPositive || s.SecondPositive, regular.Count),
            Share(regular, s => s.FirstPositive && (s.Second is null || s.SecondPositive), regular.Count));
    }
}
