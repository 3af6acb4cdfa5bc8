using System.Buffers;
using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Parameters;
using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;

namespace SourceModel.Inversion.Problem;

/// <summary>
/// The step-1 misfit of a <see cref="GeometryProblem"/> with the slip of every uniform rectangle given by rake and slip
/// solved inside the cost (variable projection, Golub &amp; Pereyra 1973): for a fixed geometry the surface displacement
/// is linear in the strike- and dip-slip components, so their best values within the rake window and slip bounds
/// (<see cref="SlipSector"/>) — and the nuisance terms, already projected out by each <see cref="DatasetTerm"/> — are a
/// small constrained least-squares problem. The optimiser then searches only the geometry (7 dimensions for one
/// rectangle instead of 9), and the rake–slip trade-off, which makes the full search ill-conditioned, is gone. At the
/// solved slip the cost equals the full problem's cost (<see cref="GeometryProblem.CostOfFull"/>).
/// </summary>
public sealed class SlipProjectedProblem : IResidualObjective, IAlternativeStarts
{
    private readonly GeometryProblem _p;
    private readonly int[] _reducedToFree;      // reduced coordinate → position among the full space's free coordinates
    private readonly LinearSource[] _linear;
    private long _evaluations, _invalid;

    /// <summary>One source whose slip is solved: its template, its parameters' indices, its rectangle's index in the
    /// realised <see cref="SourceSet"/> and the sector its slip vector may take.</summary>
    private sealed record LinearSource(int Template, int RakeIndex, int SlipIndex, int Rectangle, SlipSector Sector);

    private SlipProjectedProblem(GeometryProblem problem, LinearSource[] linear)
    {
        _p = problem;
        _linear = linear;
        var solved = linear.SelectMany(l => new[] { l.RakeIndex, l.SlipIndex }).ToHashSet();
        var free = problem.Space.FreeIndices;
        _reducedToFree = Enumerable.Range(0, free.Count).Where(k => !solved.Contains(free[k])).ToArray();
        Dimension = _reducedToFree.Length;
    }

    /// <summary>The projected form of <paramref name="problem"/>, or null when no source qualifies (a rectangle with
    /// rake and slip, at least one of them free, and opening fixed at 0) or no geometry parameter would be left to search.</summary>
    public static SlipProjectedProblem? TryCreate(GeometryProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var linear = new List<LinearSource>();
        int rectangle = 0;
        for (int k = 0; k < problem.Layout.Templates.Count; k++)
        {
            var t = problem.Layout.Templates[k];
            if (t.Kind != SourceKind.Rectangle) continue;
            int offset = problem.Layout.Offset(k);
            var rake = problem.Space.Specs[offset + 7];
            var slip = problem.Space.Specs[offset + 8];
            var opening = problem.Space.Specs[offset + 9];
            if (t.Slip == SlipForm.RakeAndSlip && (rake.IsFree || slip.IsFree) && opening.Fixed == 0)
                linear.Add(new LinearSource(k, offset + 7, offset + 8, rectangle,
                    new SlipSector(rake.Fixed ?? rake.Min, rake.Fixed ?? rake.Max, slip.Fixed ?? slip.Min, slip.Fixed ?? slip.Max)));
            rectangle++;
        }
        if (linear.Count == 0) return null;
        var projected = new SlipProjectedProblem(problem, linear.ToArray());
        return projected.Dimension > 0 ? projected : null;
    }

    /// <summary>The full problem.</summary>
    public GeometryProblem Full => _p;

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>Names of the searched parameters, in reduced-coordinate order.</summary>
    public IReadOnlyList<string> SearchedNames => _reducedToFree.Select(k => _p.Space.Specs[_p.Space.FreeIndices[k]].Name).ToArray();

    /// <summary>Full parameter names whose values are solved linearly (rake and slip of each projected source).</summary>
    public IReadOnlyList<string> SolvedNames => _linear.SelectMany(l => new[] { _p.Space.Specs[l.RakeIndex].Name, _p.Space.Specs[l.SlipIndex].Name }).ToArray();

    /// <summary>Cost evaluations so far (all threads).</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>Evaluations that met an invalid geometry.</summary>
    public long InvalidEvaluations => Interlocked.Read(ref _invalid);

    /// <inheritdoc />
    public double Cost(ReadOnlySpan<double> unit)
    {
        Span<double> cost = stackalloc double[1];
        Evaluate(unit, 1, cost, null);
        return cost[0];
    }

    /// <inheritdoc />
    public void CostBulk(ReadOnlySpan<double> units, Span<double> costs)
    {
        int d = Dimension, count = costs.Length;
        if (units.Length != count * d) throw new ArgumentException($"expected {count} points of {d} coordinates, got {units.Length} values.");
        int groups = Math.Min(count, Environment.ProcessorCount), size = (count + groups - 1) / Math.Max(groups, 1);
        if (groups <= 1)
        {
            Evaluate(units, count, costs, null);
            return;
        }
        var input = units.ToArray();
        var output = new double[count];
        Parallel.For(0, groups, Parallelism.CoreBound, g =>
        {
            int first = g * size, n = Math.Min(size, count - first);
            if (n > 0) Evaluate(input.AsSpan(first * d, n * d), n, output.AsSpan(first, n), null);
        });
        output.CopyTo(costs);
    }

    /// <inheritdoc />
    public int ResidualCount => _p.DataCount;

    /// <inheritdoc />
    public bool Residuals(ReadOnlySpan<double> unit, Span<double> residuals)
    {
        if (unit.Length != Dimension) throw new ArgumentException($"expected {Dimension} coordinates, got {unit.Length}.");
        if (residuals.Length != ResidualCount) throw new ArgumentException($"expected room for {ResidualCount} residuals, got {residuals.Length}.");
        Span<double> cost = stackalloc double[1];
        var r = new double[ResidualCount];
        bool valid = Evaluate(unit, 1, cost, null, r);
        r.CopyTo(residuals);
        return valid;
    }

    /// <summary>The full physical parameter vector of a reduced point: its geometry with the solved rake and slip.</summary>
    public double[] Complete(ReadOnlySpan<double> unit)
    {
        if (unit.Length != Dimension) throw new ArgumentException($"expected {Dimension} coordinates, got {unit.Length}.");
        Span<double> cost = stackalloc double[1];
        var slips = new double[2 * _linear.Length];
        var full = Expand(unit);
        Evaluate(unit, 1, cost, slips);
        for (int l = 0; l < _linear.Length; l++)
        {
            var src = _linear[l];
            double s = slips[2 * l], d = slips[2 * l + 1];
            full[src.RakeIndex] = src.Sector.RakeOf(s, d);
            full[src.SlipIndex] = Math.Clamp(Math.Sqrt(s * s + d * d), src.Sector.MinSlip, src.Sector.MaxSlip);
        }
        return full;
    }

    /// <summary>Reduced coordinates of a full physical vector (its rake and slip are ignored).</summary>
    public double[] Reduce(ReadOnlySpan<double> full)
    {
        var unit = _p.Space.ToUnit(full);
        return _reducedToFree.Select(k => unit[k]).ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> Alternatives(ReadOnlySpan<double> unit) =>
        ConjugateGeometries.Of(_p.Layout, _p.Space, Complete(unit)).Select(v => Clamp(Reduce(v))).ToList();

    private static double[] Clamp(double[] unit)
    {
        for (int k = 0; k < unit.Length; k++) unit[k] = Math.Clamp(unit[k], 0, 1);
        return unit;
    }

    /// <summary>The full vector of a reduced point's geometry. The solved sources' rake and slip are set to a bound only so
    /// that the geometry can be realised; they are never used, since the cost is built from the unit slip responses.</summary>
    private double[] Expand(ReadOnlySpan<double> unit)
    {
        var freeUnit = new double[_p.Space.FreeCount];
        for (int k = 0; k < _reducedToFree.Length; k++) freeUnit[_reducedToFree[k]] = unit[k];
        var full = _p.Space.ToFull(freeUnit);
        foreach (var l in _linear)
        {
            full[l.RakeIndex] = l.Sector.MinRake;
            full[l.SlipIndex] = l.Sector.MaxSlip;
        }
        return full;
    }

    /// <summary>Costs of a group of reduced points; <paramref name="slips"/>, when given (one point), receives each linear
    /// source's solved (strike slip, dip slip), and <paramref name="residuals"/> the weighted whitened residuals (nuisance
    /// projected out) of every dataset in turn. False when the (single) point is an invalid geometry.</summary>
    private bool Evaluate(ReadOnlySpan<double> units, int count, Span<double> costs, double[]? slips, double[]? residuals = null)
    {
        int d = Dimension, m = _linear.Length, columns = 2 * m + 1;
        var sources = new SourceSet?[count];
        var rest = new SourceSet?[count];
        var violation = new double[count];
        for (int j = 0; j < count; j++)
        {
            var full = Expand(units.Slice(j * d, d));
            sources[j] = _p.Layout.Realise(full, out violation[j]);
            if (sources[j] is { } s) rest[j] = WithoutLinear(s);
        }
        var terms = _p.Terms;
        // Whitened, nuisance-projected columns of every dataset, kept until the slip is solved: [dataset][point·columns + c].
        var kept = new double[terms.Count][][];
        var normal = new double[count][];
        var rhs = new double[count][];
        for (int j = 0; j < count; j++) (normal[j], rhs[j]) = (new double[4 * m * m], new double[2 * m]);
        try
        {
            for (int k = 0; k < terms.Count; k++)
            {
                var t = terms[k];
                int n = t.Count;
                var buffers = kept[k] = new double[count * columns][];
                for (int v = 0; v < buffers.Length; v++)
                {
                    buffers[v] = ArrayPool<double>.Shared.Rent(n);
                    Array.Clear(buffers[v], 0, n);
                }
                int modelPoints = t.ModelEast.Length;
                var strikeAt = ArrayPool<double>.Shared.Rent(modelPoints);
                var dipAt = ArrayPool<double>.Shared.Rent(modelPoints);
                try
                {
                    for (int j = 0; j < count; j++)
                    {
                        if (sources[j] is not { } s) continue;
                        for (int l = 0; l < m; l++)
                        {
                            Array.Clear(strikeAt, 0, modelPoints);
                            Array.Clear(dipAt, 0, modelPoints);
                            SurfaceDisplacement.AddProjectedComponents(s.Rectangles[_linear[l].Rectangle], _p.Medium, t.ModelEast, t.ModelNorth,
                                t.ModelUnitEast, t.ModelUnitNorth, t.ModelUnitUp, strikeAt, dipAt);
                            t.AddLeafMeans(strikeAt.AsSpan(0, modelPoints), buffers[j * columns + 2 * l].AsSpan(0, n));
                            t.AddLeafMeans(dipAt.AsSpan(0, modelPoints), buffers[j * columns + 2 * l + 1].AsSpan(0, n));
                        }
                        _p.AddPrediction(rest[j]!, t, buffers[j * columns + 2 * m]);
                    }
                }
                finally
                {
                    ArrayPool<double>.Shared.Return(strikeAt);
                    ArrayPool<double>.Shared.Return(dipAt);
                }
                // Whiten only what varies: the slip columns, and the fixed sources' prediction when there are any; with
                // none, the data column is the whitened, nuisance-projected data computed once per dataset.
                var varying = new List<double[]>(buffers.Length);
                for (int j = 0; j < count; j++)
                {
                    if (sources[j] is null) continue;
                    for (int c = 0; c < 2 * m; c++) varying.Add(buffers[j * columns + c]);
                    if (!IsEmpty(rest[j]!)) varying.Add(buffers[j * columns + 2 * m]);
                }
                var toWhiten = varying.ToArray();
                t.WhitenMany(toWhiten, toWhiten.Length);
                double w2 = t.Weight * t.Weight;
                for (int j = 0; j < count; j++)
                {
                    if (sources[j] is null) continue;
                    var r0 = buffers[j * columns + 2 * m].AsSpan(0, n);
                    if (IsEmpty(rest[j]!)) t.ProjectedWhitenedObserved.CopyTo(r0);
                    else
                    {
                        for (int i = 0; i < n; i++) r0[i] = t.WhitenedObserved[i] - r0[i];
                        t.ProjectedSumOfSquares(r0);
                    }
                    for (int c = 0; c < 2 * m; c++) t.ProjectedSumOfSquares(buffers[j * columns + c].AsSpan(0, n));
                    for (int a = 0; a < 2 * m; a++)
                    {
                        var ga = buffers[j * columns + a].AsSpan(0, n);
                        rhs[j][a] += w2 * Dot(ga, r0);
                        for (int b = a; b < 2 * m; b++)
                        {
                            double v = w2 * Dot(ga, buffers[j * columns + b].AsSpan(0, n));
                            normal[j][a * 2 * m + b] += v;
                            if (b != a) normal[j][b * 2 * m + a] += v;
                        }
                    }
                }
            }
            var solution = new double[2 * m];
            for (int j = 0; j < count; j++)
            {
                if (sources[j] is null)
                {
                    Interlocked.Increment(ref _invalid);
                    costs[j] = _p.PenaltyBase * (1 + violation[j] / 1000.0);
                    continue;
                }
                Solve(normal[j], rhs[j], solution);
                if (slips is not null) solution.CopyTo(slips, 0);
                double sum = 0;
                int offset = 0;
                for (int k = 0; k < terms.Count; k++)
                {
                    var t = terms[k];
                    int n = t.Count;
                    var r = kept[k][j * columns + 2 * m].AsSpan(0, n);
                    for (int a = 0; a < 2 * m; a++)
                    {
                        double s = solution[a];
                        if (s == 0) continue;
                        var g = kept[k][j * columns + a].AsSpan(0, n);
                        for (int i = 0; i < n; i++) r[i] -= s * g[i];
                    }
                    sum += t.Weight * t.Weight * Dot(r, r);
                    if (residuals is not null)
                        for (int i = 0; i < n; i++) residuals[offset + i] = t.Weight * r[i];
                    offset += n;
                }
                costs[j] = Math.Sqrt(sum / _p.DataCount);
            }
        }
        finally
        {
            foreach (var buffers in kept)
                if (buffers is not null)
                    foreach (var b in buffers) ArrayPool<double>.Shared.Return(b);
        }
        Interlocked.Add(ref _evaluations, count);
        return sources[0] is not null;
    }

    private static bool IsEmpty(SourceSet s) => s.Rectangles.Count == 0 && s.Points.Count == 0;

    /// <summary>The sources whose slip is not solved (their prediction is fixed by the parameters).</summary>
    private SourceSet WithoutLinear(SourceSet s)
    {
        if (s.Points.Count == 0 && s.Rectangles.Count == _linear.Length) return new SourceSet([], []);
        var solved = _linear.Select(l => l.Rectangle).ToHashSet();
        return new SourceSet(s.Rectangles.Where((_, i) => !solved.Contains(i)).ToArray(), s.Points);
    }

    /// <summary>Minimises sᵀAs − 2bᵀs with each source's slip in its sector: exactly for one source, by block
    /// Gauss–Seidel over sources (each block solved exactly; converges for a convex quadratic with separable convex
    /// constraints, and is a descent method otherwise) for several.</summary>
    private void Solve(double[] a, double[] b, double[] s)
    {
        int m = _linear.Length, size = 2 * m;
        Array.Clear(s);
        for (int sweep = 0; sweep < (m == 1 ? 1 : 200); sweep++)
        {
            double change = 0, scale = 0;
            for (int l = 0; l < m; l++)
            {
                int i = 2 * l;
                double b1 = b[i], b2 = b[i + 1];
                for (int c = 0; c < size; c++)
                {
                    if (c == i || c == i + 1) continue;
                    b1 -= a[i * size + c] * s[c];
                    b2 -= a[(i + 1) * size + c] * s[c];
                }
                var (ss, ds) = _linear[l].Sector.Minimise(a[i * size + i], a[i * size + i + 1], a[(i + 1) * size + i + 1], b1, b2);
                change = Math.Max(change, Math.Abs(ss - s[i]) + Math.Abs(ds - s[i + 1]));
                scale = Math.Max(scale, Math.Abs(ss) + Math.Abs(ds));
                (s[i], s[i + 1]) = (ss, ds);
            }
            if (change <= 1e-12 * Math.Max(scale, 1e-12)) break;
        }
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }
}
