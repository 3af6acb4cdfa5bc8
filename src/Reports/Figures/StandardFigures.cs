using System.Globalization;

namespace SourceModel.Reports.Figures;

/// <summary>
/// The figures the pipeline reuses, built from plain arrays (the caller converts units and names them). Every axis is
/// titled with its unit; colour bars name the quantity and unit; diverging quantities use a symmetric red–blue scale.
/// </summary>
public static class StandardFigures
{
    /// <summary>Diverging scale for signed quantities: plotly's RdBu runs blue (low) to red (high), so negative is blue and positive red.</summary>
    public const string Diverging = "RdBu";

    /// <summary>Sequential scale for magnitudes (slip, misfit).</summary>
    public const string Sequential = "Viridis";

    /// <summary>Largest |value| (ignoring NaN), for a symmetric colour range; 1 when all are zero.</summary>
    public static double SymmetricLimit(IEnumerable<double> values)
    {
        double m = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        return m > 0 ? m : 1;
    }

    /// <summary>Points coloured by value on a map with 1:1 axes, with optional outlines (faults, leaf edges).</summary>
    public static Figure PointMap(string id, string title, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> value,
        string quantity, string unit, string lengthUnit = "km", IReadOnlyList<Polyline>? outlines = null, double? limit = null)
    {
        double c = limit ?? SymmetricLimit(value);
        var traces = new List<Trace>
        {
            new ScatterTrace(x, y)
            {
                Name = quantity,
                Marker = new Marker { Color = value, ColorScale = Diverging, CMin = -c, CMax = c, Size = 6,
                    ColorBar = new ColorBar(new ColorBarTitle($"{quantity} ({unit})")) },
                ShowLegend = false,
            },
        };
        traces.AddRange((outlines ?? []).Select(o => o.ToTrace()));
        return new Figure(id, traces, new Layout(new FigureTitle(title))
        {
            XAxis = Axis.Titled("east", lengthUnit), YAxis = Axis.Titled("north", lengthUnit) with { ScaleAnchor = "x" }, ShowLegend = false,
        });
    }

    /// <summary>Data, model and residual side by side with one shared symmetric colour scale (so colours compare).</summary>
    public static Figure Triptych(string id, string title, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> data,
        IReadOnlyList<double> model, string quantity, string unit, string lengthUnit = "km", IReadOnlyList<Polyline>? outlines = null)
    {
        if (data.Count != model.Count || data.Count != x.Count || y.Count != x.Count) throw new ArgumentException("x, y, data and model must have the same length.");
        var residual = data.Zip(model, (d, m) => d - m).ToArray();
        double c = SymmetricLimit(data.Concat(model));
        var traces = new List<Trace>();
        string[] names = ["data", "model", "residual"];
        IReadOnlyList<double>[] values = [data, model, residual];
        for (int k = 0; k < 3; k++)
        {
            string xa = k == 0 ? "x" : $"x{k + 1}", ya = k == 0 ? "y" : $"y{k + 1}";
            traces.Add(new ScatterTrace(x, y)
            {
                Name = names[k], XAxis = xa, YAxis = ya, ShowLegend = false,
                Marker = new Marker
                {
                    Color = values[k], ColorScale = Diverging, CMin = -c, CMax = c, Size = 5, ShowScale = k == 2,
                    ColorBar = k == 2 ? new ColorBar(new ColorBarTitle($"{quantity} ({unit})")) : null,
                },
            });
            traces.AddRange((outlines ?? []).Select(o => o.ToTrace(xa, ya)));
        }
        Axis X(int k) => Axis.Titled($"east, {names[k]}", lengthUnit) with { Domain = [k / 3.0 + 0.01, (k + 1) / 3.0 - 0.03], Anchor = k == 0 ? "y" : $"y{k + 1}" };
        Axis Y(int k) => Axis.Titled("north", lengthUnit) with { ScaleAnchor = k == 0 ? "x" : $"x{k + 1}", Anchor = k == 0 ? "x" : $"x{k + 1}" };
        return new Figure(id, traces, new Layout(new FigureTitle(title))
        {
            XAxis = X(0), YAxis = Y(0), XAxis2 = X(1), YAxis2 = Y(1), XAxis3 = X(2), YAxis3 = Y(2), ShowLegend = false, Height = 420,
        });
    }

    /// <summary>A field on a regular grid (at depth, or a cross-section with depth increasing downward) as a heat map.</summary>
    public static Figure FieldMap(string id, string title, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<IReadOnlyList<double>> z,
        string quantity, string unit, (string Quantity, string Unit) xAxis, (string Quantity, string Unit) yAxis, bool depthDown = false,
        bool diverging = true, IReadOnlyList<Polyline>? outlines = null, bool equalAspect = true)
    {
        double c = SymmetricLimit(z.SelectMany(r => r));
        var traces = new List<Trace>
        {
            new HeatmapTrace(x, y, z)
            {
                Name = quantity, ColorScale = diverging ? Diverging : Sequential, 
                ZMin = diverging ? -c : null, ZMax = diverging ? c : null, ColorBar = new ColorBar(new ColorBarTitle($"{quantity} ({unit})")),
            },
        };
        traces.AddRange((outlines ?? []).Select(o => o.ToTrace()));
        return new Figure(id, traces, new Layout(new FigureTitle(title))
        {
            XAxis = Axis.Titled(xAxis.Quantity, xAxis.Unit),
            YAxis = Axis.Titled(yAxis.Quantity, yAxis.Unit) with { AutoRange = depthDown ? "reversed" : null, ScaleAnchor = depthDown || !equalAspect ? null : "x" },
            ShowLegend = false,
        });
    }

    /// <summary>Slip on a plane in the along-strike / down-dip view (patch grid, j down dip from the top row), with rake
    /// arrows (hanging-wall slip direction; up-dip drawn upward).</summary>
    public static Figure SlipPatches(string id, string title, int along, int down, double patchLength, double patchWidth,
        IReadOnlyList<double> strikeSlip, IReadOnlyList<double> dipSlip, string lengthUnit = "km", string slipUnit = "m")
    {
        int n = along * down;
        if (strikeSlip.Count != n || dipSlip.Count != n) throw new ArgumentException($"give {n} slips per component.");
        var xs = Enumerable.Range(0, along).Select(i => (i + 0.5) * patchLength).ToArray();
        var ys = Enumerable.Range(0, down).Select(j => (j + 0.5) * patchWidth).ToArray();
        var z = Enumerable.Range(0, down).Select(j => (IReadOnlyList<double>)Enumerable.Range(0, along)
            .Select(i => Math.Sqrt(strikeSlip[j * along + i] * strikeSlip[j * along + i] + dipSlip[j * along + i] * dipSlip[j * along + i])).ToArray()).ToArray();
        double max = z.SelectMany(r => r).DefaultIfEmpty(0).Max();
        double arrow = 0.45 * Math.Min(patchLength, patchWidth) / (max > 0 ? max : 1);
        var ax = new List<double>();
        var ay = new List<double>();
        for (int j = 0; j < down; j++)
            for (int i = 0; i < along; i++)
            {
                double s = strikeSlip[j * along + i], d = dipSlip[j * along + i];
                if (s == 0 && d == 0) continue;
                // Down-dip distance grows downward on the reversed axis, so up-dip slip points to smaller distances.
                ax.AddRange([xs[i], xs[i] + s * arrow, double.NaN]);
                ay.AddRange([ys[j], ys[j] - d * arrow, double.NaN]);
            }
        return new Figure(id,
            [
                new HeatmapTrace(xs, ys, z) { Name = "slip", ColorScale = Sequential, ZMin = 0, ColorBar = new ColorBar(new ColorBarTitle($"slip ({slipUnit})")) },
                new ScatterTrace(ax, ay) { Name = "rake", Mode = "lines", Line = new LineStyle("white", 1.5), ShowLegend = false },
            ],
            new Layout(new FigureTitle(title))
            {
                XAxis = Axis.Titled("along strike", lengthUnit), YAxis = Axis.Titled("down dip", lengthUnit) with { AutoRange = "reversed", ScaleAnchor = "x" },
                ShowLegend = false,
            });
    }

    /// <summary>Quadtree leaves as their square outlines (side <paramref name="size"/> about each centre), one grey line
    /// trace, to draw under a <see cref="PointMap"/>.</summary>
    public static Polyline LeafOutlines(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> size)
    {
        var px = new List<double>(x.Count * 6);
        var py = new List<double>(x.Count * 6);
        for (int i = 0; i < x.Count; i++)
        {
            double h = size[i] / 2;
            px.AddRange([x[i] - h, x[i] + h, x[i] + h, x[i] - h, x[i] - h, double.NaN]);
            py.AddRange([y[i] - h, y[i] - h, y[i] + h, y[i] + h, y[i] - h, double.NaN]);
        }
        return new Polyline("quadtree leaves", px, py, "#bbbbbb");
    }

    /// <summary>Fault patches in 3-D coloured by slip: each patch given by its four corners (east, north, up) in order
    /// around the rectangle.</summary>
    public static Figure SlipPatches3D(string id, string title, IReadOnlyList<(double E, double N, double U)[]> patches, IReadOnlyList<double> slip,
        string lengthUnit = "km", string slipUnit = "m") => Patches3D(id, title, patches, slip, "slip", slipUnit, false, lengthUnit);

    /// <summary>Any per-patch quantity on the patches in 3-D; <paramref name="diverging"/> for signed quantities (ΔCFS),
    /// on a colour scale symmetric about zero.</summary>
    public static Figure Patches3D(string id, string title, IReadOnlyList<(double E, double N, double U)[]> patches, IReadOnlyList<double> slip,
        string quantity, string unit, bool diverging, string lengthUnit = "km")
    {
        if (patches.Count != slip.Count) throw new ArgumentException("give one slip per patch.");
        var x = new List<double>(); var y = new List<double>(); var z = new List<double>();
        var i = new List<int>(); var j = new List<int>(); var k = new List<int>();
        var intensity = new List<double>();
        for (int p = 0; p < patches.Count; p++)
        {
            var c = patches[p];
            if (c.Length != 4) throw new ArgumentException($"patch {p + 1}: give its four corners.");
            int b = x.Count;
            foreach (var v in c) { x.Add(v.E); y.Add(v.N); z.Add(v.U); }
            i.AddRange([b, b]); j.AddRange([b + 1, b + 2]); k.AddRange([b + 2, b + 3]);
            intensity.AddRange([slip[p], slip[p]]);
        }
        return new Figure(id,
            [new Mesh3dTrace(x, y, z, i, j, k)
            {
                Name = quantity, Intensity = intensity, IntensityMode = "cell", ColorScale = diverging ? Diverging : Sequential,
                CMin = diverging ? -SymmetricLimit(slip) : null, CMax = diverging ? SymmetricLimit(slip) : null,
                ColorBar = new ColorBar(new ColorBarTitle($"{quantity} ({unit})")),
            }],
            new Layout(new FigureTitle(title)) { Scene = new Scene(Axis.Titled("east", lengthUnit), Axis.Titled("north", lengthUnit), Axis.Titled("up", lengthUnit)), Height = 600 });
    }

    /// <summary>A profile: observations with error bars and model lines.</summary>
    public static Figure Profile(string id, string title, IReadOnlyList<double> distance, IReadOnlyList<double> value, IReadOnlyList<double>? sigma,
        (string Quantity, string Unit) xAxis, (string Quantity, string Unit) yAxis, params (string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)[] models)
    {
        var traces = new List<Trace>
        {
            new ScatterTrace(distance, value) { Name = "data", ErrorY = sigma is null ? null : new ErrorBars(sigma), Marker = new Marker { Size = 5 } },
        };
        traces.AddRange(models.Select(m => new ScatterTrace(m.X, m.Y) { Name = m.Name, Mode = "lines" }));
        return new Figure(id, traces, new Layout(new FigureTitle(title)) { XAxis = Axis.Titled(xAxis.Quantity, xAxis.Unit), YAxis = Axis.Titled(yAxis.Quantity, yAxis.Unit) });
    }

    /// <summary>Several named curves on shared axes (profiles, traces, curves of a parameter study).</summary>
    public static Figure Lines(string id, string title, (string Quantity, string Unit) xAxis, (string Quantity, string Unit) yAxis,
        params (string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)[] curves)
    {
        if (curves.Length == 0) throw new ArgumentException("give at least one curve.");
        if (curves.Any(c => c.X.Count != c.Y.Count)) throw new ArgumentException("every curve needs as many x as y values.");
        return new Figure(id, curves.Select(c => (Trace)new ScatterTrace(c.X, c.Y) { Name = c.Name, Mode = "lines" }).ToArray(),
            new Layout(new FigureTitle(title)) { XAxis = Axis.Titled(xAxis.Quantity, xAxis.Unit), YAxis = Axis.Titled(yAxis.Quantity, yAxis.Unit) });
    }

    /// <summary>A histogram of one parameter's samples.</summary>
    public static Figure Histogram(string id, string title, IReadOnlyList<double> samples, string quantity, string unit, int bins = 40) =>
        new(id, [new HistogramTrace(samples) { Name = quantity, Bins = bins }],
            new Layout(new FigureTitle(title)) { XAxis = Axis.Titled(quantity, unit), YAxis = Axis.Titled("count", "samples"), ShowLegend = false });

    /// <summary>A corner plot: histograms on the diagonal (all samples), pairwise scatter of samples below it (every
    /// k-th sample, so that a panel holds at most <paramref name="maxScatterPoints"/>: enough to see a trade-off, light
    /// enough for a page).</summary>
    public static Figure Corner(string id, string title, IReadOnlyList<(string Quantity, string Unit, IReadOnlyList<double> Samples)> parameters,
        int maxScatterPoints = 2000)
    {
        int p = parameters.Count;
        if (p < 2) throw new ArgumentException("a corner plot needs at least two parameters.");
        int count = parameters[0].Samples.Count;
        if (parameters.Any(q => q.Samples.Count != count)) throw new ArgumentException("every parameter needs the same number of samples.");
        if (maxScatterPoints < 1) throw new ArgumentException($"a scatter panel needs room for at least one point, got {maxScatterPoints}.");
        int every = (count + maxScatterPoints - 1) / maxScatterPoints;
        var traces = new List<Trace>();
        var axes = new Dictionary<string, object>();
        double gap = 0.02, size = (1.0 - gap * (p - 1)) / p;
        int AxisIndex(int row, int col) => row * p + col + 1;
        string Name(string xy, int k) => k == 1 ? xy : $"{xy}{k}";
        for (int row = 0; row < p; row++)
            for (int col = 0; col <= row; col++)
            {
                int k = AxisIndex(row, col);
                string xa = Name("x", k), ya = Name("y", k);
                if (row == col)
                    traces.Add(new HistogramTrace(parameters[col].Samples) { Name = parameters[col].Quantity, XAxis = xa, YAxis = ya, Bins = 30 });
                else
                    traces.Add(new ScatterTrace(Every(parameters[col].Samples, every), Every(parameters[row].Samples, every))
                    { Name = $"{parameters[row].Quantity} vs {parameters[col].Quantity}", XAxis = xa, YAxis = ya, Marker = new Marker { Size = 3 }, ShowLegend = false });
                var xaxis = new Axis(new AxisTitle(row == p - 1 ? $"{parameters[col].Quantity} ({parameters[col].Unit})" : ""))
                { Domain = [col * (size + gap), col * (size + gap) + size], Anchor = ya };
                var yaxis = new Axis(new AxisTitle(col == 0 && row > 0 ? $"{parameters[row].Quantity} ({parameters[row].Unit})" : ""))
                { Domain = [1 - (row + 1) * size - row * gap, 1 - row * (size + gap)], Anchor = xa };
                axes[k == 1 ? "xaxis" : $"xaxis{k}"] = xaxis;
                axes[k == 1 ? "yaxis" : $"yaxis{k}"] = yaxis;
            }
        return new Figure(id, traces, new Layout(new FigureTitle(title)) { MoreAxes = axes, ShowLegend = false, Height = 250 * p });
    }

    private static double[] Every(IReadOnlyList<double> values, int every) => Enumerable.Range(0, (values.Count + every - 1) / Math.Max(every, 1)).Select(i => values[i * every]).ToArray();

    /// <summary>Convergence of one or more runs (misfit against iteration).</summary>
    public static Figure Convergence(string id, string title, string misfit, string unit, params (string Name, IReadOnlyList<double> Values)[] runs) =>
        new(id, runs.Select(r => (Trace)new ScatterTrace(Enumerable.Range(1, r.Values.Count).Select(i => (double)i).ToArray(), r.Values) { Name = r.Name, Mode = "lines" }).ToArray(),
            new Layout(new FigureTitle(title)) { XAxis = Axis.Titled("iteration", "count"), YAxis = Axis.Titled(misfit, unit) });

    /// <summary>The L-curve (misfit against roughness over smoothing weights) with the chosen weight marked.</summary>
    public static Figure LCurve(string id, string title, IReadOnlyList<double> roughness, IReadOnlyList<double> misfit, IReadOnlyList<double> weights,
        int chosen, (string Quantity, string Unit) roughnessAxis, (string Quantity, string Unit) misfitAxis)
    {
        if (chosen < 0 || chosen >= weights.Count) throw new ArgumentException("the chosen point must be one of the curve's points.");
        var labels = weights.Select(w => $"weight {w.ToString("G4", CultureInfo.InvariantCulture)}").ToArray();
        return new Figure(id,
            [
                new ScatterTrace(roughness, misfit) { Name = "L-curve", Mode = "lines+markers", Text = labels },
                new ScatterTrace([roughness[chosen]], [misfit[chosen]]) { Name = $"chosen: {labels[chosen]}", Marker = new Marker { Size = 14, Color = "red" } },
            ],
            new Layout(new FigureTitle(title))
            {
                XAxis = Axis.Titled(roughnessAxis.Quantity, roughnessAxis.Unit), YAxis = Axis.Titled(misfitAxis.Quantity, misfitAxis.Unit),
                Annotations = [new Annotation(roughness[chosen], misfit[chosen], labels[chosen])],
            });
    }
}
