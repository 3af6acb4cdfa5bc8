using SourceModel.Okada.Geometry;
using SourceModel.Okada.Kernels;
using SourceModel.Okada.Mechanics;
using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Forward;

/// <summary>
/// Surface displacement (east, north, up) from rectangles and point sources in the local frame, through the
/// free-surface closed forms (Okada 1985 as part B of Okada 1992). Vectorised over points and parallel over
/// chunks of points.
/// </summary>
public static class SurfaceDisplacement
{
    /// <summary>Displacement at points (east, north in metres) from all sources, summed.</summary>
    public static SurfaceField Compute(IReadOnlyList<RectangularFault> faults, IReadOnlyList<PointSourceFault> points,
        ElasticMedium medium, double[] east, double[] north)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(medium);
        ArgumentNullException.ThrowIfNull(east);
        ArgumentNullException.ThrowIfNull(north);
        medium.Validated();
        if (east.Length != north.Length)
            throw new ArgumentException($"east and north must have the same length (got {east.Length} and {north.Length}).", nameof(north));
        ArgumentChecks.FiniteAll(east, "east");
        ArgumentChecks.FiniteAll(north, "north");
        var field = new SurfaceField(east.Length);
        foreach (var f in faults) Add(f, medium, east, north, field, KernelPath.Auto, parallel: true);
        foreach (var p in points) Add(p, medium, east, north, field, KernelPath.Auto, parallel: true);
        return field;
    }

    /// <summary>
    /// Adds the displacement of one rectangle, projected on each point's unit vector (LOS: ground to satellite; GNSS: a
    /// component axis), to <paramref name="projected"/>, on the calling thread and without allocating: the building block
    /// of a cost function that is itself evaluated in parallel over models (a particle swarm). Returns the number of
    /// points that lie on a surface-breaking edge (singular; they receive no contribution).
    /// </summary>
    /// <param name="fault">Source (not re-validated: records are validated on construction).</param>
    /// <param name="medium">Elastic medium.</param>
    /// <param name="east">Point east, m.</param>
    /// <param name="north">Point north, m.</param>
    /// <param name="unitEast">Unit vector east component per point.</param>
    /// <param name="unitNorth">Unit vector north component per point.</param>
    /// <param name="unitUp">Unit vector up component per point.</param>
    /// <param name="projected">Accumulator, m (per metre of slip unit of the source).</param>
    public static int AddProjected(RectangularFault fault, ElasticMedium medium, double[] east, double[] north,
        double[] unitEast, double[] unitNorth, double[] unitUp, double[] projected)
    {
        var frame = fault.ToOkadaFrame(medium);
        var singular = new int[1];
        BatchRunner.RunRange(new RectangleJob<ProjectedSink>(frame, east, north, new ProjectedSink(unitEast, unitNorth, unitUp, projected, singular)),
            0, east.Length, KernelPath.Auto);
        return singular[0];
    }

    /// <summary>
    /// Adds the projected displacement of 1 m of strike slip (left-lateral) and of 1 m of dip slip (reverse) of a
    /// rectangle — its own slip is ignored — to two accumulators, from one kernel pass: the columns a variable-projection
    /// misfit needs to solve the slip of a uniform rectangle linearly (on the calling thread, allocating nothing but the
    /// frame). Returns the number of singular points (which receive no contribution).
    /// </summary>
    /// <param name="fault">Geometry of the source.</param>
    /// <param name="medium">Elastic medium.</param>
    /// <param name="east">Point east, m.</param>
    /// <param name="north">Point north, m.</param>
    /// <param name="unitEast">Unit vector east component per point.</param>
    /// <param name="unitNorth">Unit vector north component per point.</param>
    /// <param name="unitUp">Unit vector up component per point.</param>
    /// <param name="strikeSlip">Accumulator for the strike-slip response, m per m of slip.</param>
    /// <param name="dipSlip">Accumulator for the dip-slip response, m per m of slip.</param>
    public static int AddProjectedComponents(RectangularFault fault, ElasticMedium medium, double[] east, double[] north,
        double[] unitEast, double[] unitNorth, double[] unitUp, double[] strikeSlip, double[] dipSlip)
    {
        var frame = (fault with { Slip = new FaultSlip(1, 1) }).ToOkadaFrame(medium);
        var singular = new int[1];
        BatchRunner.RunRange(new ComponentJob(frame, east, north, unitEast, unitNorth, unitUp, strikeSlip, dipSlip, singular),
            0, east.Length, KernelPath.Auto);
        return singular[0];
    }

    /// <summary>As <see cref="AddProjected(RectangularFault, ElasticMedium, double[], double[], double[], double[], double[], double[])"/>
    /// for a point source (DC3D0 at the surface).</summary>
    public static int AddProjected(PointSourceFault source, ElasticMedium medium, double[] east, double[] north,
        double[] unitEast, double[] unitNorth, double[] unitUp, double[] projected)
    {
        var s = source.ToOkada(medium);
        var singular = new int[1];
        BatchRunner.RunRange(new PointJob<ProjectedSink>(s, source.East, source.North, source.Strike, east, north,
            new ProjectedSink(unitEast, unitNorth, unitUp, projected, singular)), 0, east.Length, KernelPath.Auto);
        return singular[0];
    }

    internal static void Add(RectangularFault fault, ElasticMedium medium, double[] east, double[] north,
        SurfaceField field, KernelPath path, bool parallel)
    {
        var frame = fault.ToOkadaFrame(medium);
        BatchRunner.Run(new RectangleJob<FieldSink>(frame, east, north, new FieldSink(field)), east.Length, path, parallel);
    }

    internal static void Add(PointSourceFault source, ElasticMedium medium, double[] east, double[] north,
        SurfaceField field, KernelPath path, bool parallel)
    {
        source.Validated();
        var s = source.ToOkada(medium);
        BatchRunner.Run(new PointJob<FieldSink>(s, source.East, source.North, source.Strike, east, north, new FieldSink(field)),
            east.Length, path, parallel);
    }

    /// <summary>Adds a register of fault-frame displacements to the field in east/north/up; marks singular lanes.</summary>
    private static void AddToField<V>(in LaneRotation r, in Gradient12<V> u, V singular, SurfaceField f, int i)
        where V : struct, ILanes<V>
    {
        r.ToEnu(u.Ux, u.Uy, out V ue, out V un);
        V.Store(V.Load(f.East, i) + ue, f.East, i);
        V.Store(V.Load(f.North, i) + un, f.North, i);
        V.Store(V.Load(f.Up, i) + u.Uz, f.Up, i);
        if (V.Any(singular))
            for (int lane = 0; lane < V.Count; lane++)
                if (BitConverter.DoubleToInt64Bits(V.Lane(singular, lane)) != 0) f.Status[i + lane] = OkadaStatus.Singular;
    }

    /// <summary>Fault-frame surface displacement of a rectangle at a register of points (slip components summed).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Gradient12<V> Rectangle<V>(in Dc3dSource s, in KernelConstants k, V x, V y, out V singular)
        where V : struct, ILanes<V>
    {
        SurfaceDisplacementKernel.Unit3<V> strike, dip, open;
        if (s.Disl3 != 0) SurfaceDisplacementKernel.Evaluate<V, On>(s, k, x, y, out strike, out dip, out open, out singular);
        else SurfaceDisplacementKernel.Evaluate<V, Off>(s, k, x, y, out strike, out dip, out open, out singular);
        var u = default(Gradient12<V>);
        u.Ux = strike.X * s.Disl1 + dip.X * s.Disl2;
        u.Uy = strike.Y * s.Disl1 + dip.Y * s.Disl2;
        u.Uz = strike.Z * s.Disl1 + dip.Z * s.Disl2;
        if (s.Disl3 != 0)
        {
            u.Ux += open.X * s.Disl3;
            u.Uy += open.Y * s.Disl3;
            u.Uz += open.Z * s.Disl3;
        }
        return u;
    }

    /// <summary>Adds u·v of a register of points to the accumulator; counts singular lanes.</summary>
    private static void AddProjectedLanes<V>(in LaneRotation r, in Gradient12<V> u, V singular, double[] ue, double[] un,
        double[] uu, double[] projected, int[] singularCount, int i) where V : struct, ILanes<V>
    {
        r.ToEnu(u.Ux, u.Uy, out V e, out V n);
        V p = e * V.Load(ue, i) + n * V.Load(un, i) + u.Uz * V.Load(uu, i);
        if (V.Any(singular))
        {
            for (int lane = 0; lane < V.Count; lane++)
                if (BitConverter.DoubleToInt64Bits(V.Lane(singular, lane)) != 0) singularCount[0]++;
            p = V.Select(singular, V.Broadcast(0.0), p);
        }
        V.Store(V.Load(projected, i) + p, projected, i);
    }

    /// <summary>Where a register of fault-frame displacements goes: an east/north/up field, or a projection on unit vectors.</summary>
    private interface ISink
    {
        void Add<V>(in LaneRotation r, in Gradient12<V> u, V singular, int i) where V : struct, ILanes<V>;
    }

    private readonly struct FieldSink(SurfaceField field) : ISink
    {
        public void Add<V>(in LaneRotation r, in Gradient12<V> u, V singular, int i) where V : struct, ILanes<V> =>
            AddToField(r, u, singular, field, i);
    }

    private readonly struct ProjectedSink(double[] ue, double[] un, double[] uu, double[] projected, int[] singularCount) : ISink
    {
        public void Add<V>(in LaneRotation r, in Gradient12<V> u, V singular, int i) where V : struct, ILanes<V> =>
            AddProjectedLanes(r, u, singular, ue, un, uu, projected, singularCount, i);
    }

    // Generic over a struct sink, so the JIT specialises each combination and the kernel stays inlined.
    private readonly struct RectangleJob<TSink>(OkadaFrame frame, double[] east, double[] north, TSink sink) : ILaneJob
        where TSink : struct, ISink
    {
        private readonly Dc3dSource _s = frame.Source;
        private readonly KernelConstants _k = new(frame.Source.Alpha, frame.Source.Dip);
        private readonly LaneRotation _r = new(frame.OriginEast, frame.OriginNorth, frame.Strike);

        public void Run<V>(int i) where V : struct, ILanes<V>
        {
            _r.ToFault(V.Load(east, i), V.Load(north, i), out V x, out V y);
            var u = Rectangle(_s, _k, x, y, out V singular);
            sink.Add(_r, u, singular, i);
        }
    }

    /// <summary>Unit strike- and dip-slip responses of a rectangle, each projected on the points' unit vectors.</summary>
    private readonly struct ComponentJob(OkadaFrame frame, double[] east, double[] north, double[] ue, double[] un, double[] uu,
        double[] strikeOut, double[] dipOut, int[] singularCount) : ILaneJob
    {
        private readonly Dc3dSource _s = frame.Source;
        private readonly KernelConstants _k = new(frame.Source.Alpha, frame.Source.Dip);
        private readonly LaneRotation _r = new(frame.OriginEast, frame.OriginNorth, frame.Strike);

        public void Run<V>(int i) where V : struct, ILanes<V>
        {
            _r.ToFault(V.Load(east, i), V.Load(north, i), out V x, out V y);
            SurfaceDisplacementKernel.Evaluate<V, Off>(_s, _k, x, y, out var strike, out var dip, out _, out V singular);
            Project(strike, singular, strikeOut, i);
            Project(dip, singular, dipOut, i);
            if (V.Any(singular))
                for (int lane = 0; lane < V.Count; lane++)
                    if (BitConverter.DoubleToInt64Bits(V.Lane(singular, lane)) != 0) singularCount[0]++;
        }

        private void Project<V>(in SurfaceDisplacementKernel.Unit3<V> u, V singular, double[] output, int i) where V : struct, ILanes<V>
        {
            _r.ToEnu(u.X, u.Y, out V e, out V n);
            V p = e * V.Load(ue, i) + n * V.Load(un, i) + u.Z * V.Load(uu, i);
            p = V.Select(singular, V.Broadcast(0.0), p);
            V.Store(V.Load(output, i) + p, output, i);
        }
    }

    private readonly struct PointJob<TSink>(Dc3d0Source source, double e0, double n0, double strike,
        double[] east, double[] north, TSink sink) : ILaneJob where TSink : struct, ISink
    {
        private readonly Dc3d0Source _s = source;
        private readonly KernelConstants _k = new(source.Alpha, source.Dip);
        private readonly DislocationWeights _w = new(source.Pot1, source.Pot2, source.Pot3, source.Pot4);
        private readonly LaneRotation _r = new(e0, n0, strike);

        public void Run<V>(int i) where V : struct, ILanes<V>
        {
            _r.ToFault(V.Load(east, i), V.Load(north, i), out V x, out V y);
            var u = SurfacePointKernel.Evaluate<V, Off>(_s, _k, _w, x, y, out V singular);
            sink.Add(_r, u, singular, i);
        }
    }
}
