using SourceModel.Inversion.Problem;
using SourceModel.Okada.Discretisation;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Inversion.Slip;

/// <summary>What the smoothing term penalises.</summary>
public enum RoughnessTarget
{
    /// <summary>The Laplacian of slip (each of strike-slip and dip-slip).</summary>
    Slip,

    /// <summary>The Laplacian of the shear stress drop on the patches (SDM's alternative): τ = K·s with K the
    /// patch-to-patch shear-traction kernel from the Okada derivatives.</summary>
    StressDrop,
}

/// <summary>
/// The step-2 linear problem, assembled once: the whitened Green's matrix W·G (two basis coefficients per patch, then
/// each dataset's nuisance columns), the whitened data, the roughness operator, the bounds, and the normal-equation
/// pieces GᵀG (packed), Gᵀd and HᵀH (sparse for the slip Laplacian) from which any smoothing weight α gives
/// F(x) = ‖W(Gx − d)‖² + α²‖Hx‖² in O(columns²) without forming N = GᵀG + α²HᵀH.
/// </summary>
public sealed class SlipSystem
{
    private readonly GreensColumns _g;     // whitened and weighted; double (dense path) or single (matrix-free)
    private readonly double[] _b;          // whitened, weighted data
    private readonly PackedSymmetric? _gtg; // null on the matrix-free path
    private readonly double[] _gtb;
    private readonly ISymmetricMatrix _hth;
    private readonly Lazy<int> _roughnessRank;
    private readonly Lazy<DataSpaceSpectrum?> _spectrum;
    private readonly IReadOnlyList<(int Column, double Value)[]> _laplacian;
    private readonly double[]? _stressKernel;   // 2P × 2P row-major (strike, dip traction per patch) per unit physical slip

    private SlipSystem(DiscretisedFault fault, IReadOnlyList<DatasetTerm> data, ElasticMedium medium, SlipBasis basis,
        SmoothingBoundary boundary, RoughnessTarget target, GreensColumns g, double[] b, int rows, int columns,
        IReadOnlyList<(int, double)[]> laplacian, double[]? stressKernel, IReadOnlyList<(int Dataset, int Column)> nuisance, bool fixBlind,
        SlipSystem? sameMatrix = null)
    {
        Fault = fault; Data = data; Medium = medium; Basis = basis; Boundary = boundary; Target = target;
        _g = g; _b = b; Rows = rows; Columns = columns; _laplacian = laplacian; _stressKernel = stressKernel;
        NuisanceColumns = nuisance;
        _gtg = sameMatrix is not null ? sameMatrix._gtg : g.Dense is { } dense ? PackedSymmetric.Gram(dense, rows, columns) : null;
        Workspace = sameMatrix?.Workspace ?? new Workspace(g.IsSingle ? 0 : (long)columns * columns);
        _gtb = new double[columns];
        g.MultiplyTransposed(b, _gtb);
        DataNorm = b.Sum(v => v * v);
        _hth = sameMatrix?._hth ?? RoughnessNormal();
        var (lo, hi) = basis.Bounds;
        Lower = Enumerable.Range(0, columns).Select(j => j < 2 * PatchCount ? lo : double.NegativeInfinity).ToArray();
        Upper = Enumerable.Range(0, columns).Select(j => j < 2 * PatchCount ? hi : double.PositiveInfinity).ToArray();
        // A column no datum sees cannot be solved for without smoothing: zero to round-off against the best-seen column,
        // or absolutely negligible — a metre of slip changing the weighted χ² (or, unwhitened, Σ prediction² in m²) by
        // less than 1e-6, i.e. predictions of a thousandth of the noise summed over all the data.
        double seen = Enumerable.Range(0, 2 * PatchCount).Select(GramDiagonal).DefaultIfEmpty(0).Max();
        BlindColumns = Enumerable.Range(0, 2 * PatchCount).Where(j => GramDiagonal(j) <= Math.Max(1e-24 * seen, 1e-6)).ToArray();
        BlindPatches = Enumerable.Range(0, PatchCount).Where(q => BlindColumns.Contains(2 * q) && BlindColumns.Contains(2 * q + 1)).ToArray();
        if (fixBlind)
            foreach (int j in BlindColumns) Lower[j] = Upper[j] = 0;
        BlindFixed = fixBlind && BlindColumns.Count > 0;
        _roughnessRank = new Lazy<int>(() => SmoothingCriteria.RoughnessRank(this, VariableColumns()));
        _spectrum = sameMatrix?._spectrum ?? new Lazy<DataSpaceSpectrum?>(() => DataSpaceSpectrum.TryBuild(this));
        if (BlindPatches.Count == PatchCount)
            throw new ArgumentException($"no datum sees any of the {PatchCount} patches (a metre of slip on any of them changes the misfit by less than 1e-6): " +
                                        "check the fault's position against the data (the same local frame and reference?).");
    }

    /// <summary>The discretised fault.</summary>
    public DiscretisedFault Fault { get; }

    /// <summary>The datasets (whitening, weights, nuisance models).</summary>
    public IReadOnlyList<DatasetTerm> Data { get; }

    /// <summary>Elastic medium.</summary>
    public ElasticMedium Medium { get; }

    /// <summary>Slip parameterisation and bounds.</summary>
    public SlipBasis Basis { get; }

    /// <summary>Smoothing boundary rule.</summary>
    public SmoothingBoundary Boundary { get; }

    /// <summary>Smoothing target.</summary>
    public RoughnessTarget Target { get; }

    /// <summary>Number of patches P.</summary>
    public int PatchCount => Fault.Patches.Count;

    /// <summary>Observations.</summary>
    public int Rows { get; }

    /// <summary>Unknowns: 2P basis coefficients, then the nuisance coefficients.</summary>
    public int Columns { get; }

    /// <summary>(dataset index, column) of every nuisance unknown.</summary>
    public IReadOnlyList<(int Dataset, int Column)> NuisanceColumns { get; }

    /// <summary>Lower bound of each unknown (−∞ for nuisance terms).</summary>
    public double[] Lower { get; }

    /// <summary>Upper bound of each unknown.</summary>
    public double[] Upper { get; }

    /// <summary>‖W d‖² (weighted).</summary>
    public double DataNorm { get; }

    /// <summary>Basis coefficients that no datum sees (Green's columns zero to round-off: ‖column‖² ≤ 1e-24 of the
    /// best-seen one).</summary>
    public IReadOnlyList<int> BlindColumns { get; }

    /// <summary>Patches both of whose coefficients are blind.</summary>
    public IReadOnlyList<int> BlindPatches { get; }

    /// <summary>True when blind coefficients were held at zero (the stated fix); false when they were left to the
    /// smoothing (an unsmoothed solve is then singular and says so).</summary>
    public bool BlindFixed { get; }

    /// <summary>True when the system keeps the Green's matrix in single precision and no Gram matrix: solved by
    /// products only (<see cref="GradientProjectionCG"/>), for problems whose dense normal equations do not fit.</summary>
    public bool IsMatrixFree => _g.IsSingle;

    /// <summary>GᵀG (whitened, weighted), packed; not kept on the matrix-free path.</summary>
    internal ISymmetricMatrix GramData => _gtg ?? throw new InvalidOperationException("the matrix-free slip system keeps no Gram matrix.");

    /// <summary>(GᵀG)_jj.</summary>
    internal double GramDiagonal(int j) => _gtg?.At(j, j) ?? _g.ColumnNormSquared(j);

    /// <summary>Gᵀd.</summary>
    internal double[] GramRhs => _gtb;

    /// <summary>HᵀH: sparse for the slip Laplacian, packed for the stress-drop target.</summary>
    internal ISymmetricMatrix GramRoughness => _hth;

    /// <summary>N(α) = GᵀG + α²HᵀH as an operator over the stored parts.</summary>
    internal NormalMatrix Normal(double alpha) => new(GramData, _hth, alpha * alpha);

    /// <summary>N(α) applied through the Green's matrix (G̃ᵀ(G̃x) + α²HᵀHx), for the matrix-free path.</summary>
    internal MatrixFreeNormal MatrixFree(double alpha) => new(_g, _hth, alpha * alpha);

    /// <summary>Scratch arrays for factorisations, shared by the systems of <see cref="WithObserved"/>.</summary>
    internal Workspace Workspace { get; }

    /// <summary>Unknowns not held fixed (lower bound below upper bound), increasing.</summary>
    internal int[] VariableColumns() => Enumerable.Range(0, Columns).Where(j => Lower[j] < Upper[j]).ToArray();

    /// <summary>The whitened, weighted Green's matrix (column-major Rows × Columns); the dense path only.</summary>
    internal double[] Greens => _g.Dense ?? throw new InvalidOperationException("the matrix-free slip system keeps its Green's matrix in single precision only.");

    /// <summary>The data-space spectrum for ABIC and GCV (null when that form does not apply), computed once.</summary>
    internal DataSpaceSpectrum? Spectrum => _spectrum.Value;

    /// <summary>Rank of HᵀH on the variable slip coefficients (the k of ABIC's α^(2k) term), computed once.</summary>
    internal int RoughnessRank => _roughnessRank.Value;

    /// <summary>Assembles the system. Datasets must share one local frame (checked as in step 1).</summary>
    /// <param name="fixBlindAtZero">Hold coefficients no datum sees at zero (reported in <see cref="BlindColumns"/>);
    /// otherwise only the smoothing determines them.</param>
    /// <param name="algebra">Dense normal equations (exact active-set solvers, ABIC/GCV, resolution) or the matrix-free
    /// path for problems too large for them (<see cref="SlipAlgebra"/>).</param>
    public static SlipSystem Build(DiscretisedFault fault, IReadOnlyList<DatasetTerm> data, SlipBasis basis,
        SmoothingBoundary boundary = SmoothingBoundary.FreeSurface, RoughnessTarget target = RoughnessTarget.Slip, ElasticMedium? medium = null,
        bool fixBlindAtZero = false, SlipAlgebra algebra = SlipAlgebra.Dense)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(basis);
        medium = (medium ?? ElasticMedium.Default).Validated();
        if (data.Count == 0) throw new ArgumentException("a slip inversion needs at least one dataset.");
        for (int k = 1; k < data.Count; k++)
            if (!Equals(data[k].Data.Reference, data[0].Data.Reference))
                throw new ArgumentException($"datasets '{data[0].Name}' and '{data[k].Name}' are in different local frames; import them with one shared reference.");
        if (data.Any(t => t.Whitening == WhiteningMode.None) && data.Any(t => t.Whitening != WhiteningMode.None))
            throw new ArgumentException("some datasets are whitened and some are not: give every dataset a noise model or set whitening: none for all.");
        int p = fault.Patches.Count, rows = data.Sum(t => t.Count);
        var nuisance = new List<(int, int)>();
        int columns = 2 * p;
        for (int k = 0; k < data.Count; k++)
            foreach (var _ in Problem.NuisanceColumns.Names(data[k].Nuisance)) nuisance.Add((k, columns++));
        if (algebra == SlipAlgebra.MatrixFree && target == RoughnessTarget.StressDrop)
            throw new ArgumentException("the matrix-free path smooths slip only (the stress-drop roughness is a dense matrix); use smoothing: slip.");
        var g = algebra == SlipAlgebra.MatrixFree ? GreensColumns.Single(rows, columns) : GreensColumns.Double(rows, columns);
        var b = new double[rows];
        var geometry = fault.Patches.Select(q => q.Geometry).ToArray();
        int row0 = 0, nuisanceColumn = 2 * p;
        var d0 = basis.Direction(0);
        var d1 = basis.Direction(1);
        for (int k = 0; k < data.Count; k++)
        {
            var t = data[k];
            int n = t.Count;
            // Patches in blocks, so that the unwhitened Green's columns in flight stay a few MB whatever the fault's size;
            // the blocks share their buffers.
            GreensMatrix? greens = null;
            var block = Enumerable.Range(0, 2 * Math.Min(p, GreensBlock)).Select(_ => new double[n]).ToArray();
            for (int q0 = 0; q0 < p; q0 += GreensBlock)
            {
                int q1 = Math.Min(p, q0 + GreensBlock);
                greens = GreensMatrix.Build(geometry[q0..q1], medium, t.East, t.North, (t.UnitEast, t.UnitNorth, t.UnitUp), [SlipComponent.StrikeSlip, SlipComponent.DipSlip], greens);
                int count = 2 * (q1 - q0);
                for (int q = q0; q < q1; q++)
                {
                    var ss = greens.ColumnMajor.AsSpan(greens.Column(q - q0, 0) * n, n);
                    var ds = greens.ColumnMajor.AsSpan(greens.Column(q - q0, 1) * n, n);
                    var (a, c) = (block[2 * (q - q0)], block[2 * (q - q0) + 1]);
                    for (int i = 0; i < n; i++)
                    {
                        a[i] = d0.StrikeSlip * ss[i] + d0.DipSlip * ds[i];
                        c[i] = d1.StrikeSlip * ss[i] + d1.DipSlip * ds[i];
                    }
                }
                t.WhitenMany(block, count);
                for (int j = 0; j < count; j++) g.Set(2 * q0 + j, row0, block[j].AsSpan(0, n), t.Weight);
            }
            int m = NuisanceCount(t);
            var nuisanceOfDataset = new double[m][];
            for (int c = 0; c < m; c++)
            {
                var col = new double[n];
                for (int i = 0; i < n; i++) col[i] = Problem.NuisanceColumns.Value(c, t.East[i], t.North[i], t.CentreEast, t.CentreNorth);
                nuisanceOfDataset[c] = col;
            }
            t.WhitenMany(nuisanceOfDataset, m);
            for (int c = 0; c < m; c++, nuisanceColumn++)
                g.Set(nuisanceColumn, row0, nuisanceOfDataset[c], t.Weight);
            var whitenedData = (double[])t.Observed.Clone();
            t.Whiten(whitenedData);
            for (int i = 0; i < n; i++) b[row0 + i] = t.Weight * whitenedData[i];
            row0 += n;
        }
        var laplacian = Smoothing.Laplacian(fault, boundary);
        var kernel = target == RoughnessTarget.StressDrop ? StressKernel.Build(fault, medium) : null;
        return new SlipSystem(fault, data, medium, basis, boundary, target, g, b, rows, columns, laplacian, kernel, nuisance, fixBlindAtZero);
    }

    /// <summary>Patches whose Green's columns are computed and whitened together.</summary>
    private const int GreensBlock = 128;

    private static int NuisanceCount(DatasetTerm t) => Problem.NuisanceColumns.Names(t.Nuisance).Count;

    /// <summary>The same system for other observed values at the same points (e.g. a Monte Carlo realisation): the
    /// Green's matrix, its Gram matrix and the smoothing are shared; only the data side is whitened and formed again.</summary>
    /// <param name="values">New observed values, one array per dataset in <see cref="Data"/>'s order (m).</param>
    public SlipSystem WithObserved(IReadOnlyList<double[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Data.Count) throw new ArgumentException($"give values for all {Data.Count} datasets, got {values.Count}.");
        var data = Data.Select((t, k) => t.WithValues(values[k])).ToArray();
        var b = new double[Rows];
        int row0 = 0;
        foreach (var t in data)
        {
            for (int i = 0; i < t.Count; i++) b[row0 + i] = t.Weight * t.WhitenedObserved[i];
            row0 += t.Count;
        }
        return new SlipSystem(Fault, data, Medium, Basis, Boundary, Target, _g, b, Rows, Columns, _laplacian, _stressKernel, NuisanceColumns, BlindFixed, this);
    }

    /// <summary>The same system with other whitened, weighted data <paramref name="b"/> (length <see cref="Rows"/>), for
    /// synthetic recovery tests: everything but Gᵀd and ‖d‖² is shared.</summary>
    internal SlipSystem WithWhitenedData(double[] b)
    {
        if (b.Length != Rows) throw new ArgumentException($"expected {Rows} data, got {b.Length}.");
        return new SlipSystem(Fault, Data, Medium, Basis, Boundary, Target, _g, b, Rows, Columns, _laplacian, _stressKernel, NuisanceColumns, BlindFixed, this);
    }

    /// <summary>G·x: the whitened, weighted predictions of unknowns <paramref name="x"/>.</summary>
    internal double[] Predict(ReadOnlySpan<double> x)
    {
        var r = new double[Rows];
        _g.Multiply(x.ToArray(), r);
        return r;
    }

    /// <summary>Lets go of the solvers' scratch arrays (the factor storage, n² doubles) once no more solves follow; a
    /// later solve allocates them again.</summary>
    public void ReleaseScratch() => Workspace.Clear();

    /// <summary>Physical slip of every patch (strike-slip, dip-slip interleaved, m) from the unknowns.</summary>
    public double[] PhysicalSlip(ReadOnlySpan<double> x)
    {
        var s = new double[2 * PatchCount];
        for (int q = 0; q < PatchCount; q++) (s[2 * q], s[2 * q + 1]) = Basis.Slip(x[2 * q], x[2 * q + 1]);
        return s;
    }

    /// <summary>‖W(Gx − d)‖², the weighted χ² misfit (nuisance terms included in x).</summary>
    public double Misfit(ReadOnlySpan<double> x)
    {
        var r = Predict(x);
        double s = 0;
        for (int i = 0; i < Rows; i++) s += (r[i] - _b[i]) * (r[i] - _b[i]);
        return s;
    }

    /// <summary>‖Hx‖²: the squared Laplacian of slip (or of the shear stress drop, Pa²).</summary>
    public double Roughness(ReadOnlySpan<double> x)
    {
        var s = PhysicalSlip(x);
        if (_stressKernel is not null)
        {
            var tau = new double[2 * PatchCount];
            Gram.Multiply(_stressKernel, 2 * PatchCount, s, tau);
            s = tau;
        }
        double sum = 0;
        for (int c = 0; c < 2; c++)
            foreach (var row in _laplacian)
            {
                double v = 0;
                foreach (var (j, w) in row) v += w * s[2 * j + c];
                sum += v * v;
            }
        return sum;
    }

    /// <summary>HᵀH in the unknowns. For slip, H = (L ⊗ I₂)·T row by row (T the per-patch 2 × 2 basis), so HᵀH is
    /// sparse; for the stress drop, Tᵀ·Kᵀ(LᵀL ⊗ I₂)K·T, dense and packed.</summary>
    private ISymmetricMatrix RoughnessNormal()
    {
        var d0 = Basis.Direction(0);
        var d1 = Basis.Direction(1);
        // t[c, k]: physical component c (0 strike, 1 dip) of basis direction k.
        var t = new double[2, 2];
        (t[0, 0], t[1, 0], t[0, 1], t[1, 1]) = (d0.StrikeSlip, d0.DipSlip, d1.StrikeSlip, d1.DipSlip);
        if (_stressKernel is null)
        {
            var rows = new List<(int, double)[]>(2 * _laplacian.Count);
            foreach (var row in _laplacian)
                for (int c = 0; c < 2; c++)
                    rows.Add(row.SelectMany(e => new[] { (2 * e.Column, e.Value * t[c, 0]), (2 * e.Column + 1, e.Value * t[c, 1]) }).ToArray());
            return SparseSymmetric.GramOfRows(rows, Columns);
        }
        return PackedSymmetric.FromFull(StressRoughnessNormal(t), Columns);
    }

    /// <summary>Tᵀ·Kᵀ(LᵀL ⊗ I₂)K·T as a full row-major Columns² array.</summary>
    private double[] StressRoughnessNormal(double[,] t)
    {
        int p = PatchCount, n = Columns, m = 2 * p;
        var ltl = new double[(long)p * p];
        foreach (var row in _laplacian)
            foreach (var (a, wa) in row)
                foreach (var (b, wb) in row) ltl[(long)a * p + b] += wa * wb;
        var phys = new double[(long)m * m];
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++)
            {
                double v = ltl[(long)a * p + b];
                if (v == 0) continue;
                phys[(long)(2 * a) * m + 2 * b] = v;
                phys[(long)(2 * a + 1) * m + 2 * b + 1] = v;
            }
        phys = Sandwich(_stressKernel!, phys, m);
        var hth = new double[(long)n * n];
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++)
                for (int k = 0; k < 2; k++)
                    for (int l = 0; l < 2; l++)
                    {
                        double v = 0;
                        for (int c = 0; c < 2; c++)
                            for (int e = 0; e < 2; e++) v += t[c, k] * phys[(long)(2 * a + c) * m + 2 * b + e] * t[e, l];
                        hth[(long)(2 * a + k) * n + 2 * b + l] = v;
                    }
        return hth;
    }

    /// <summary>KᵀMK for row-major square matrices.</summary>
    private static double[] Sandwich(double[] k, double[] mid, int m)
    {
        var mk = new double[(long)m * m];
        Parallel.For(0, m, i =>
        {
            for (int l = 0; l < m; l++)
            {
                double v = mid[(long)i * m + l];
                if (v == 0) continue;
                for (int j = 0; j < m; j++) mk[(long)i * m + j] += v * k[(long)l * m + j];
            }
        });
        var r = new double[(long)m * m];
        Parallel.For(0, m, i =>
        {
            for (int l = 0; l < m; l++)
            {
                double v = k[(long)l * m + i];
                if (v == 0) continue;
                for (int j = 0; j < m; j++) r[(long)i * m + j] += v * mk[(long)l * m + j];
            }
        });
        return r;
    }
}
