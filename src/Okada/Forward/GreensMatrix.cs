using SourceModel.Okada.Geometry;
using SourceModel.Okada.Kernels;
using SourceModel.Okada.Mechanics;
using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Forward;

/// <summary>
/// The Green's matrix G of surface observations × (patch, slip component): G[i, j] is the displacement (metres)
/// at observation i due to 1 m of slip component j. Rows are LOS values (one per point, positive toward the
/// satellite) when LOS vectors are given, else three blocks: all east, all north, all up. Column j = patch·C + c
/// for the c-th of the C requested components. Stored column-major in one array, so it can be handed to a dense
/// linear-algebra library without copying (e.g. MathNet's DenseMatrix storage).
/// </summary>
public sealed class GreensMatrix
{
    private GreensMatrix(int rows, int patches, IReadOnlyList<SlipComponent> components, bool isLos, double[]? storage = null)
    {
        Rows = rows;
        PatchCount = patches;
        Components = components;
        IsLos = isLos;
        Columns = patches * components.Count;
        int length = checked(rows * Columns);
        ColumnMajor = storage is not null && storage.Length == length ? storage : GC.AllocateUninitializedArray<double>(length);
    }

    /// <summary>Number of observation rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns: patches × components.</summary>
    public int Columns { get; }

    /// <summary>Number of patches.</summary>
    public int PatchCount { get; }

    /// <summary>The slip components, in column order within each patch.</summary>
    public IReadOnlyList<SlipComponent> Components { get; }

    /// <summary>True when rows are LOS values, false for east/north/up blocks.</summary>
    public bool IsLos { get; }

    /// <summary>The values, column-major: element (i, j) at [j·Rows + i]. Metres per metre of slip.</summary>
    public double[] ColumnMajor { get; }

    /// <summary>Element (row, column).</summary>
    public double this[int row, int column] => ColumnMajor[column * Rows + row];

    /// <summary>The column of a patch's component.</summary>
    public int Column(int patch, int componentIndex) => patch * Components.Count + componentIndex;

    /// <summary>d = G·s for a slip vector in column order (metres), written to <paramref name="result"/>.</summary>
    public void Multiply(ReadOnlySpan<double> slip, Span<double> result)
    {
        if (slip.Length != Columns) throw new ArgumentException($"Slip has {slip.Length} entries; the matrix has {Columns} columns.", nameof(slip));
        if (result.Length != Rows) throw new ArgumentException($"Result has {result.Length} entries; the matrix has {Rows} rows.", nameof(result));
        result.Clear();
        for (int j = 0; j < Columns; j++)
        {
            double s = slip[j];
            if (s == 0) continue;
            var col = ColumnMajor.AsSpan(j * Rows, Rows);
            for (int i = 0; i < Rows; i++) result[i] += s * col[i];
        }
    }

    /// <summary>
    /// Builds G for patches (their geometry; their own slip is ignored) at surface points (east, north in metres),
    /// projected on per-point LOS unit vectors when <paramref name="los"/> is given (arrays east, north, up).
    /// Parallel over patches; vectorised over points.
    /// </summary>
    public static GreensMatrix Build(IReadOnlyList<RectangularFault> patches, ElasticMedium medium,
        double[] east, double[] north, (double[] East, double[] North, double[] Up)? los,
        IReadOnlyList<SlipComponent> components) =>
        Build(patches, medium, east, north, los, components, KernelPath.Auto, parallel: true);

    /// <summary>As <see cref="Build(IReadOnlyList{RectangularFault}, ElasticMedium, double[], double[], ValueTuple{double[], double[], double[]}?, IReadOnlyList{SlipComponent})"/>,
    /// written into the storage of <paramref name="reuse"/> when it has the same shape (that matrix is overwritten):
    /// a large fault's Green's columns are computed block by block, and one buffer for all the blocks keeps them out of
    /// the large-object heap, which is collected rarely and would otherwise hold every block until the process peaks.</summary>
    public static GreensMatrix Build(IReadOnlyList<RectangularFault> patches, ElasticMedium medium,
        double[] east, double[] north, (double[] East, double[] North, double[] Up)? los,
        IReadOnlyList<SlipComponent> components, GreensMatrix? reuse) =>
        Build(patches, medium, east, north, los, components, KernelPath.Auto, parallel: true, reuse?.ColumnMajor);

    internal static GreensMatrix Build(IReadOnlyList<RectangularFault> patches, ElasticMedium medium,
        double[] east, double[] north, (double[] East, double[] North, double[] Up)? los,
        IReadOnlyList<SlipComponent> components, KernelPath path, bool parallel, double[]? storage = null)
    {
        ArgumentNullException.ThrowIfNull(patches);
        ArgumentNullException.ThrowIfNull(medium);
        ArgumentNullException.ThrowIfNull(east);
        ArgumentNullException.ThrowIfNull(north);
        ArgumentNullException.ThrowIfNull(components);
        medium.Validated();
        if (components.Count == 0 || components.Distinct().Count() != components.Count)
            throw new ArgumentException("Give one or more distinct slip components.", nameof(components));
        int n = east.Length;
        if (north.Length != n) throw new ArgumentException($"east and north differ in length ({n}, {north.Length}).", nameof(north));
        if (los is { } l && (l.East.Length != n || l.North.Length != n || l.Up.Length != n))
            throw new ArgumentException("Every point needs a LOS vector (east, north, up arrays of the points' length).", nameof(los));
        ArgumentChecks.FiniteAll(east, "east");
        ArgumentChecks.FiniteAll(north, "north");

        var g = new GreensMatrix(los is null ? 3 * n : n, patches.Count, components.ToArray(), los is not null, storage);
        var order = new int[3];
        bool[] want = new bool[3];
        for (int c = 0; c < components.Count; c++) { want[(int)components[c]] = true; order[(int)components[c]] = c; }

        void OnePatch(int p)
        {
            var frame = patches[p].ToOkadaFrame(medium);
            var job = new PatchColumns(frame, east, north, los, g, p, order, want);
            BatchRunner.RunRange(job, 0, n, path);
        }
        if (parallel && patches.Count > 1 && Environment.ProcessorCount > 1) Parallel.For(0, patches.Count, BatchRunner.CoreBound, OnePatch);
        else for (int p = 0; p < patches.Count; p++) OnePatch(p);
        return g;
    }

    /// <summary>Writes the requested columns of one patch for a register of points.</summary>
    private readonly struct PatchColumns : ILaneJob
    {
        private readonly Dc3dSource _s;
        private readonly KernelConstants _k;
        private readonly LaneRotation _rotation;
        private readonly double[] _east, _north;
        private readonly (double[] East, double[] North, double[] Up)? _los;
        private readonly GreensMatrix _g;
        private readonly int _strikeCol, _dipCol, _openCol;
        private readonly bool _wantOpening;

        public PatchColumns(OkadaFrame frame, double[] east, double[] north,
            (double[] East, double[] North, double[] Up)? los, GreensMatrix g, int patch, int[] order, bool[] want)
        {
            _s = frame.Source;
            _k = new KernelConstants(frame.Source.Alpha, frame.Source.Dip);
            _rotation = new LaneRotation(frame.OriginEast, frame.OriginNorth, frame.Strike);
            _east = east; _north = north; _los = los; _g = g;
            _strikeCol = want[0] ? g.Column(patch, order[0]) : -1;
            _dipCol = want[1] ? g.Column(patch, order[1]) : -1;
            _openCol = want[2] ? g.Column(patch, order[2]) : -1;
            _wantOpening = want[2];
        }

        public void Run<V>(int i) where V : struct, ILanes<V>
        {
            _rotation.ToFault(V.Load(_east, i), V.Load(_north, i), out V x, out V y);
            SurfaceDisplacementKernel.Unit3<V> strike, dip, open;
            if (_wantOpening) SurfaceDisplacementKernel.Evaluate<V, On>(_s, _k, x, y, out strike, out dip, out open, out _);
            else SurfaceDisplacementKernel.Evaluate<V, Off>(_s, _k, x, y, out strike, out dip, out open, out _);
            if (_strikeCol >= 0) Write(strike, _strikeCol, i);
            if (_dipCol >= 0) Write(dip, _dipCol, i);
            if (_openCol >= 0) Write(open, _openCol, i);
        }

        private void Write<V>(in SurfaceDisplacementKernel.Unit3<V> u, int column, int i) where V : struct, ILanes<V>
        {
            _rotation.ToEnu(u.X, u.Y, out V ue, out V un);
            var values = _g.ColumnMajor.AsSpan(column * _g.Rows, _g.Rows);
            if (_los is { } l)
            {
                V d = ue * V.Load(l.East, i) + un * V.Load(l.North, i) + u.Z * V.Load(l.Up, i);
                V.Store(d, values, i);
            }
            else
            {
                int n = _east.Length;
                V.Store(ue, values, i);
                V.Store(un, values, n + i);
                V.Store(u.Z, values, 2 * n + i);
            }
        }
    }
}
