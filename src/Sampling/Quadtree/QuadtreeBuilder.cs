using SourceModel.Sampling.Grids;

namespace SourceModel.Sampling.Quadtree;

/// <summary>
/// Builds quadtree leaves from a grid. Nodes are aligned to blocks of <see cref="QuadtreeOptions.MinSize"/> pixels;
/// each block's moments are read once, and every node is evaluated bottom-up from its children's moments: a node
/// that passes the criteria replaces its children's leaves, one that fails keeps them. Top-level tiles of
/// <see cref="QuadtreeOptions.MaxSize"/> are independent and processed in parallel; the result is deterministic
/// (row-major tiles, then quadrant order within a tile). Because tiles are independent, a grid can also be processed
/// one band of <see cref="BandRows"/> rows at a time (<see cref="BuildBand"/>) with the same leaves as a whole build.
/// </summary>
public static class QuadtreeBuilder
{
    /// <summary>The leaves of <paramref name="data"/> under <paramref name="options"/>; <paramref name="vectors"/>
    /// gives each pixel's unit vector (null = vertical, e.g. for a grid of uplift).</summary>
    public static IReadOnlyList<QuadtreeLeaf> Build(RasterGrid data, QuadtreeOptions options, PixelVectors? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.ValidCount() == 0) throw new ArgumentException("every value of the grid is NaN: nothing to downsample.");
        return Tiles(data.Layout, new GridBand(0, data, vectors ?? PixelVectors.Uniform(0, 0, 1)), options);
    }

    /// <summary>Rows in one band of top-level tiles: the height a band read for <see cref="BuildBand"/> must have (the
    /// last band of a grid may be shorter).</summary>
    public static int BandRows(QuadtreeOptions options) => Math.Max(1, options.MaxSize / options.MinSize) * options.MinSize;

    /// <summary>The leaves of one band of a grid of <paramref name="layout"/>: the band must start at a multiple of
    /// <see cref="BandRows"/> and hold that many rows (fewer only at the end of the grid). Leaves carry whole-grid rows.</summary>
    public static IReadOnlyList<QuadtreeLeaf> BuildBand(GridLayout layout, GridBand band, QuadtreeOptions options)
    {
        ArgumentNullException.ThrowIfNull(band);
        int rows = BandRows(options);
        if (band.Row0 % rows != 0 || band.Rows != Math.Min(rows, layout.Ny - band.Row0) || band.Values.Nx != layout.Nx)
            throw new ArgumentException($"a band starts at a multiple of {rows} rows and holds {rows} rows (fewer at the end); got rows {band.Row0}+{band.Rows} of {layout.Nx}x{layout.Ny}.");
        return Tiles(layout, band, options);
    }

    private static IReadOnlyList<QuadtreeLeaf> Tiles(GridLayout layout, GridBand band, QuadtreeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Model is { } model && !model.Layout.SameAs(layout))
            throw new ArgumentException("the model grid does not match the data grid pixel for pixel.");
        var job = new Job(layout, band, options);
        int bs = options.MinSize;
        int bx = (layout.Nx + bs - 1) / bs, by = (layout.Ny + bs - 1) / bs;
        int tileBlocks = Math.Max(1, options.MaxSize / bs);
        int tx = (bx + tileBlocks - 1) / tileBlocks;
        int r0 = band.Row0 / (tileBlocks * bs), r1 = (band.Row0 + band.Rows + tileBlocks * bs - 1) / (tileBlocks * bs);
        var perTile = new List<QuadtreeLeaf>[tx * (r1 - r0)];
        Parallel.For(0, perTile.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, t =>
        {
            int c = t % tx, r = r0 + t / tx;
            var candidates = new List<Candidate>();
            job.Evaluate(c * tileBlocks, r * tileBlocks, Math.Min(tileBlocks, bx - c * tileBlocks), Math.Min(tileBlocks, by - r * tileBlocks), candidates);
            // Leaf statistics (a median needs the pixels) only for the leaves that survive, not for every node that
            // was a leaf candidate on the way up.
            perTile[t] = candidates.Select(job.Leaf).ToList();
        });
        return perTile.SelectMany(l => l).ToArray();
    }

    /// <summary>A node accepted as a leaf so far (a parent may still replace it).</summary>
    private readonly record struct Candidate(int Px0, int Py0, int Pw, int Ph, NodeMoments Moments);

    /// <summary>One build over a band of rows: nodes and leaves in whole-grid pixels, values read at their row in the band.</summary>
    private sealed class Job(GridLayout data, GridBand band, QuadtreeOptions o)
    {
        private readonly double[] z = band.Values.Values;
        private readonly PixelVectors vectors = band.Vectors;

        /// <summary>Index of whole-grid pixel (<paramref name="i"/>, <paramref name="j"/>) in the band's arrays.</summary>
        private int At(int i, int j) => (j - band.Row0) * data.Nx + i;

        /// <summary>Moments of the node (in blocks); appends its leaves (or its descendants') to <paramref name="leaves"/>.</summary>
        public NodeMoments Evaluate(int bx0, int by0, int bw, int bh, List<Candidate> leaves)
        {
            int px0 = bx0 * o.MinSize, py0 = by0 * o.MinSize;
            int pw = Math.Min(bw * o.MinSize, data.Nx - px0), ph = Math.Min(bh * o.MinSize, data.Ny - py0);
            NodeMoments m;
            int mark = leaves.Count;
            bool isBlock = bw == 1 && bh == 1;
            if (isBlock)
            {
                m = ScanBlock(px0, py0, pw, ph);
            }
            else
            {
                m = default;
                int w1 = bw >= 2 ? bw / 2 : bw, h1 = bh >= 2 ? bh / 2 : bh;
                m.Add(Evaluate(bx0, by0, w1, h1, leaves));
                if (w1 < bw) m.Add(Evaluate(bx0 + w1, by0, bw - w1, h1, leaves));
                if (h1 < bh)
                {
                    m.Add(Evaluate(bx0, by0 + h1, w1, bh - h1, leaves));
                    if (w1 < bw) m.Add(Evaluate(bx0 + w1, by0 + h1, bw - w1, bh - h1, leaves));
                }
            }
            if (m.N == 0) return m;
            double nanFraction = 1 - m.N / ((double)pw * ph);
            bool dense = nanFraction <= o.MaxNanFraction;
            bool smooth = (o.Detrend ? m.ScatterAboutPlane() : m.ScatterAboutMean()) <= o.Threshold
                          && (o.Model is null || m.ModelScatter() <= o.ModelThreshold);
            if (dense && (isBlock || smooth))
            {
                leaves.RemoveRange(mark, leaves.Count - mark);
                leaves.Add(new Candidate(px0, py0, pw, ph, m));
            }
            return m;
        }

        private NodeMoments ScanBlock(int px0, int py0, int pw, int ph)
        {
            NodeMoments m = default;
            var model = o.Model?.Values;
            bool per = vectors.PerPixel;
            for (int j = py0; j < py0 + ph; j++)
            {
                int row = At(0, j), modelRow = j * data.Nx;
                for (int i = px0; i < px0 + pw; i++)
                {
                    double v = z[row + i];
                    if (double.IsNaN(v)) continue;
                    m.N += 1; m.Z += v; m.Zz += v * v;
                    m.I += i; m.J += j; m.Ii += (double)i * i; m.Jj += (double)j * j; m.Ij += (double)i * j;
                    m.Iz += i * v; m.Jz += j * v;
                    if (model is not null) { double mv = model[modelRow + i]; m.M += mv; m.Mm += mv * mv; }
                    if (per) { m.Ue += vectors.East!.Values[row + i]; m.Un += vectors.North!.Values[row + i]; m.Uu += vectors.Up!.Values[row + i]; }
                }
            }
            return m;
        }

        public QuadtreeLeaf Leaf(Candidate c)
        {
            var (px0, py0, pw, ph, m) = c;
            double value = o.Statistic == LeafStatistic.Median ? Median(px0, py0, pw, ph) : m.Z / m.N;
            double ue, un, uu;
            if (vectors.PerPixel)
            {
                double norm = Math.Sqrt(m.Ue * m.Ue + m.Un * m.Un + m.Uu * m.Uu);
                (ue, un, uu) = (m.Ue / norm, m.Un / norm, m.Uu / norm);
            }
            else
            {
                (ue, un, uu) = vectors.Constant;
            }
            double scatter = o.Detrend ? m.ScatterAboutPlane() : m.ScatterAboutMean();
            return new QuadtreeLeaf(px0, py0, pw, ph, (int)m.N, value, scatter, m.I / m.N, m.J / m.N, ue, un, uu);
        }

        private double Median(int px0, int py0, int pw, int ph)
        {
            var buf = new double[pw * ph];
            int n = 0;
            for (int j = py0; j < py0 + ph; j++)
                for (int i = px0; i < px0 + pw; i++)
                {
                    double v = z[At(i, j)];
                    if (!double.IsNaN(v)) buf[n++] = v;
                }
            return Selection.Median(buf.AsSpan(0, n));
        }
    }
}
