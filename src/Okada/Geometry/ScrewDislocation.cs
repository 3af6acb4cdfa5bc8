namespace SourceModel.Okada.Geometry;

/// <summary>
/// The interseismic elastic screw dislocation of Savage &amp; Burford (1973): an infinitely long vertical
/// strike-slip fault, locked from the surface to depth D and slipping steadily at rate s below it. Optionally a
/// shallow section from the surface to depth d_c creeps at rate c.
/// </summary>
/// <remarks>
/// <para>Fault-parallel surface velocity at signed distance x from the trace (positive to the right of strike):</para>
/// <para>v(x) = (s/π)·atan(x/D) + c·[sgn(x)/2 − atan(x/d_c)/π],</para>
/// <para>the second term being a screw dislocation from the surface to d_c. v is the velocity along the strike
/// direction; s and c are left-lateral positive (right-lateral faults have negative rates), consistent with Okada's
/// DISL1: the model equals DC3D for a long vertical fault extending from depth D downward. Far from the fault
/// v → ±s/2. Units: v has the unit of s and c (e.g. m/yr); x, D and d_c share a length unit.</para>
/// <para>References: Savage, J. C. &amp; Burford, R. O. (1973), J. Geophys. Res. 78(5), 832–845. The creeping
/// section follows the superposition used in interseismic InSAR studies (e.g. Jolivet et al. 2009, Geophys. Res.
/// Lett. 36, L14303).</para>
/// </remarks>
/// <param name="SlipRate">Deep slip rate s, left-lateral positive (unit of velocity).</param>
/// <param name="LockingDepth">Locking depth D, &gt; 0 (length).</param>
/// <param name="CreepRate">Shallow creep rate c, left-lateral positive; 0 for none.</param>
/// <param name="CreepDepth">Depth d_c of the creeping section, in [0, D]; ignored when c = 0.</param>
public sealed record ScrewDislocation(double SlipRate, double LockingDepth, double CreepRate = 0.0, double CreepDepth = 0.0)
{
    /// <summary>Whether the parameters describe a dislocation (finite rates, D &gt; 0, with creep 0 &lt; d_c ≤ D): the test of
    /// <see cref="Validated"/> without the exception, for samplers that meet invalid proposals all the time.</summary>
    public bool IsValid => double.IsFinite(SlipRate) && LockingDepth > 0 && double.IsFinite(LockingDepth) && double.IsFinite(CreepRate)
        && CreepDepth >= 0 && (CreepRate == 0 || CreepDepth > 0 && CreepDepth <= LockingDepth);

    /// <summary>Validates; throws <see cref="ArgumentException"/> naming the parameter.</summary>
    public ScrewDislocation Validated()
    {
        ArgumentChecks.Finite(SlipRate, nameof(SlipRate));
        ArgumentChecks.Positive(LockingDepth, nameof(LockingDepth));
        ArgumentChecks.Finite(CreepRate, nameof(CreepRate));
        ArgumentChecks.NonNegative(CreepDepth, nameof(CreepDepth));
        if (CreepRate != 0 && !(CreepDepth > 0 && CreepDepth <= LockingDepth))
            throw new ArgumentException(FormattableString.Invariant(
                $"CreepDepth = {CreepDepth}: with creep, the creeping section must end between the surface and the locking depth (0 < d_c <= {LockingDepth})."),
                nameof(CreepDepth));
        return this;
    }

    /// <summary>Fault-parallel velocity at signed distance x (positive to the right of strike).</summary>
    public double FaultParallelVelocity(double x)
    {
        double v = SlipRate / Math.PI * Math.Atan(x / LockingDepth);
        if (CreepRate != 0)
            v += CreepRate * (0.5 * Math.Sign(x) - Math.Atan(x / CreepDepth) / Math.PI);
        return v;
    }
}

/// <summary>A screw dislocation placed on a straight trace in the local frame.</summary>
/// <param name="Model">Slip rate, locking depth (metres) and creep.</param>
/// <param name="East">Easting of a point on the trace, metres.</param>
/// <param name="North">Northing of that point, metres.</param>
/// <param name="Strike">Strike of the trace, degrees clockwise from north.</param>
public sealed record ScrewDislocationFault(ScrewDislocation Model, double East, double North, double Strike)
{
    /// <summary>Signed distance (metres) of a point from the trace, positive to the right of strike.</summary>
    public double Distance(double east, double north)
    {
        var (_, y) = FrameRotation.ToFault(Strike, east - East, north - North);
        return -y;
    }

    /// <summary>Horizontal surface velocity (east, north) at a point, in the unit of the slip rate.</summary>
    public (double East, double North) Velocity(double east, double north)
    {
        double v = Model.FaultParallelVelocity(Distance(east, north));
        return FrameRotation.ToEnu(Strike, v, 0.0);
    }
}
