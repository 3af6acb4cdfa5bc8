using SourceModel.Okada.Geometry;

namespace SourceModel.Inversion.Interseismic;

/// <summary>One of several parallel strike-slip faults crossed by a profile.</summary>
/// <param name="Name">Prefix of its parameters (e.g. main → main.slip_rate).</param>
/// <param name="Position">Its trace's distance across the profile from the profile's centre, m (0 for the fault the
/// profile was cut on; positive to the right of strike).</param>
public sealed record ParallelFault(string Name, double Position = 0);

/// <summary>
/// The interseismic LOS velocity along a profile: for every parallel fault f, the Savage–Burford screw dislocation
/// v_f(x − p_f − shift_f) = (s_f/π)·atan((x − p_f − shift_f)/D_f) plus optional shallow creep, each fault-parallel
/// (along the swath's strike, left-lateral positive) and projected on each point's unit vector, ê · ŝ; summed, plus an
/// offset and a linear trend across the profile. Parameters, in order, per fault: slip_rate (m/yr), locking_depth (m),
/// creep_rate (m/yr), creep_depth (m), shift (m); then offset (m/yr) and trend (m/yr per m).
/// </summary>
public sealed class ScrewProfileModel
{
    private static readonly string[] PerFault = ["slip_rate", "locking_depth", "creep_rate", "creep_depth", "shift"];

    /// <summary>A model of the given faults (at least one; names unique, without dots).</summary>
    public ScrewProfileModel(IReadOnlyList<ParallelFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        if (faults.Count == 0) throw new ArgumentException("an interseismic profile model needs at least one fault.");
        foreach (var f in faults)
            if (string.IsNullOrWhiteSpace(f.Name) || f.Name.Contains('.') || !double.IsFinite(f.Position))
                throw new ArgumentException($"fault '{f.Name}': give a name without dots and a finite position.");
        var dup = faults.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"fault name '{dup.Key}' is used twice.");
        Faults = [.. faults];
        ParameterNames = [.. Faults.SelectMany(f => PerFault.Select(p => $"{f.Name}.{p}")), "offset", "trend"];
    }

    /// <summary>The faults.</summary>
    public IReadOnlyList<ParallelFault> Faults { get; }

    /// <summary>Names of the full parameter vector.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Unit of a parameter name.</summary>
    public static string UnitOf(string name) => name[(name.LastIndexOf('.') + 1)..] switch
    {
        "slip_rate" or "creep_rate" or "offset" => "m/yr",
        "locking_depth" or "creep_depth" or "shift" => "m",
        "trend" => "m/yr per m",
        _ => "",
    };

    /// <summary>The tectonic part only (no offset or trend), LOS, at each point of the profile.</summary>
    public void Tectonic(ReadOnlySpan<double> full, Profile p, Span<double> los)
    {
        var (se, sn) = p.Swath.StrikeVector;
        los.Clear();
        for (int f = 0; f < Faults.Count; f++)
        {
            var q = full.Slice(5 * f, 5);
            var screw = new ScrewDislocation(q[0], q[1], q[2], q[3]);
            double at = Faults[f].Position + q[4];
            for (int i = 0; i < p.Count; i++)
                los[i] += screw.FaultParallelVelocity(p.Distance[i] - at) * (se * p.UnitEast[i] + sn * p.UnitNorth[i]);
        }
    }

    /// <summary>The full model (tectonic + offset + trend·x), LOS, at each point.</summary>
    public void Predict(ReadOnlySpan<double> full, Profile p, Span<double> los)
    {
        Tectonic(full, p, los);
        double offset = full[^2], trend = full[^1];
        for (int i = 0; i < p.Count; i++) los[i] += offset + trend * p.Distance[i];
    }

    /// <summary>Physical checks of a full vector (each fault a valid <see cref="ScrewDislocation"/>: locking depth > 0,
    /// with creep 0 &lt; creep depth ≤ locking depth); null if fine, else which fault is not.</summary>
    public string? Violation(ReadOnlySpan<double> full)
    {
        for (int f = 0; f < Faults.Count; f++)
            if (!new ScrewDislocation(full[5 * f], full[5 * f + 1], full[5 * f + 2], full[5 * f + 3]).IsValid)
                return $"fault {Faults[f].Name}: locking depth must be > 0 and, with creep, 0 < creep depth <= locking depth.";
        return null;
    }
}
