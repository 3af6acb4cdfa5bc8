using System.Buffers.Binary;
using System.Text;
using SourceModel.Sampling.Import;

namespace SourceModel.Sampling.Grids;

/// <summary>
/// Reads 2-D grids from netCDF classic (CDF-1) and 64-bit-offset (CDF-2) files as GMT writes them (COARDS: a variable
/// z(y, x) with coordinate variables x and y, or lon/lat). Honours <c>_FillValue</c>, <c>missing_value</c>,
/// <c>scale_factor</c> and <c>add_offset</c>; flips a decreasing y axis. netCDF-4 (HDF5) files are recognised and refused
/// with a message that says how to convert them.
/// </summary>
public static class NetCdfClassicReader
{
    private enum NcType { Byte = 1, Char = 2, Short = 3, Int = 4, Float = 5, Double = 6 }

    private sealed record Attribute(string Name, NcType Type, double[] Numbers, string? Text);

    private sealed record Variable(string Name, int[] Dims, Dictionary<string, Attribute> Attributes, NcType Type, long Begin);

    /// <summary>Reads <paramref name="variable"/> (or the first 2-D variable) of a GMT/COARDS grid file whole.</summary>
    public static RasterGrid Read(string path, string? variable = null)
    {
        using var rows = Open(path, variable);
        var layout = rows.Layout;
        var values = new double[layout.Pixels];
        rows.Read(0, layout.Ny, values);
        return RasterGrid.Of(layout, values);
    }

    /// <summary>Opens <paramref name="variable"/> (or the first 2-D variable) of a GMT/COARDS grid file for reading a
    /// band of rows at a time: only the header and the coordinate axes are read here.</summary>
    public static IGridRows Open(string path, string? variable = null)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            // The header's length is known only once it is parsed: read a first slice and double it until it holds the header.
            for (long slice = Math.Min(file.Length, 1 << 16); ; slice = Math.Min(file.Length, 2 * slice))
            {
                var head = new byte[slice];
                file.Position = 0;
                file.ReadExactly(head);
                try { return Parse(path, file, head, variable); }
                catch (HeaderBeyondSlice) when (slice < file.Length) { }
                catch (HeaderBeyondSlice) { throw new DataFormatException(path, 0, 0, "the netCDF header is truncated or corrupt."); }
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static NetCdfRows Parse(string path, FileStream file, byte[] b, string? variable)
    {
        if (b.Length >= 8 && b[0] == 0x89 && b[1] == (byte)'H' && b[2] == (byte)'D' && b[3] == (byte)'F')
            throw new DataFormatException(path, 0, 0, "this is a netCDF-4/HDF5 file; convert it to classic with 'nccopy -k classic IN OUT' or 'gmt grdconvert IN OUT=nf'.");
        if (b.Length < 8 || b[0] != (byte)'C' || b[1] != (byte)'D' || b[2] != (byte)'F' || (b[3] != 1 && b[3] != 2))
            throw new DataFormatException(path, 0, 0, "not a netCDF classic or 64-bit-offset file (expected the magic bytes 'CDF' 1 or 2).");
        long length = file.Length;
        var r = new Cursor(path, b, length) { Pos = 4 };
        bool offset64 = b[3] == 2;
        r.Int(); // numrecs: record variables are not used by grids
        var dims = new List<(string Name, int Length)>();
        int tag = r.Int(), count = r.Int();
        if (count < 0 || count > length) throw r.Bad("dimension count");
        if (tag == 0x0A) for (int i = 0; i < count; i++) dims.Add((r.Name(), r.Int()));
        else if (tag != 0 || count != 0) throw r.Bad("dimension list");
        ReadAttributes(r);
        var vars = new List<Variable>();
        tag = r.Int(); count = r.Int();
        if (count < 0 || count > length) throw r.Bad("variable count");
        if (tag == 0x0B)
            for (int i = 0; i < count; i++)
            {
                string name = r.Name();
                int nd = r.Int();
                if (nd < 0 || nd > 1024) throw r.Bad($"dimension count {nd} of variable '{name}'");
                var ids = new int[nd];
                for (int k = 0; k < nd; k++)
                {
                    ids[k] = r.Int();
                    if (ids[k] < 0 || ids[k] >= dims.Count) throw r.Bad($"dimension id {ids[k]} of variable '{name}'");
                }
                var atts = ReadAttributes(r);
                var type = (NcType)r.Int();
                r.Int(); // vsize
                long begin = offset64 ? r.Long() : (uint)r.Int();
                vars.Add(new Variable(name, ids, atts, type, begin));
            }
        else if (tag != 0 || count != 0) throw r.Bad("variable list");

        var z = variable is null ? vars.FirstOrDefault(v => v.Dims.Length == 2) : vars.FirstOrDefault(v => v.Name == variable);
        if (z is null)
            throw new DataFormatException(path, 0, 0, variable is null ? "no 2-D variable found (expected z(y, x))." : $"no variable '{variable}'; found {string.Join(", ", vars.Select(v => v.Name))}.");
        if (z.Dims.Length != 2) throw new DataFormatException(path, 0, 0, $"variable '{z.Name}' has {z.Dims.Length} dimensions; a grid has 2 (y, x).");
        var (yName, ny) = dims[z.Dims[0]];
        var (xName, nx) = dims[z.Dims[1]];
        if (ny < 0 || nx < 0) throw new DataFormatException(path, 0, 0, "negative dimension length (corrupt header).");
        if (ny == 0 || nx == 0) throw new DataFormatException(path, 0, 0, "record (unlimited) dimensions are not supported for grids.");
        var xv = vars.FirstOrDefault(v => v.Name == xName && v.Dims.Length == 1)
            ?? throw new DataFormatException(path, 0, 0, $"no coordinate variable '{xName}'.");
        var yv = vars.FirstOrDefault(v => v.Name == yName && v.Dims.Length == 1)
            ?? throw new DataFormatException(path, 0, 0, $"no coordinate variable '{yName}'.");
        var values = new VariableReader(path, file, z, (long)nx * ny);
        double[] xs = new double[nx], ys = new double[ny];
        new VariableReader(path, file, xv, nx).Read(0, xs);
        new VariableReader(path, file, yv, ny).Read(0, ys);
        double dx = Spacing(path, xs, xName), dy = Spacing(path, ys, yName);
        bool geographic = IsGeographic(xv, xName) && IsGeographic(yv, yName);
        var layout = new GridLayout(nx, ny, xs[0], Math.Abs(dx), dy < 0 ? ys[^1] : ys[0], Math.Abs(dy), geographic)
        {
            AxisUnits = xv.Attributes.TryGetValue("units", out var u) ? u.Text : null,
        };
        return new NetCdfRows(path, file, layout, values, Flipped: dy < 0);
    }

    /// <summary>The rows of the grid variable, read from the file on demand; a decreasing y axis (GMT's usual order,
    /// north first) is turned around so rows come in increasing y.</summary>
    private sealed record NetCdfRows(string Path, FileStream File, GridLayout Layout, VariableReader Values, bool Flipped) : IGridRows
    {
        public void Read(int row0, int rows, Span<double> into)
        {
            int nx = Layout.Nx;
            if (row0 < 0 || rows < 0 || row0 + rows > Layout.Ny) throw new ArgumentOutOfRangeException(nameof(rows), $"rows {row0}+{rows} of {Layout.Ny}.");
            var band = into[..(rows * nx)];
            int fileRow0 = Flipped ? Layout.Ny - row0 - rows : row0;
            Values.Read((long)fileRow0 * nx, band);
            if (!Flipped) return;
            for (int j = 0; j < rows / 2; j++)
            {
                var a = band.Slice(j * nx, nx);
                var c = band.Slice((rows - 1 - j) * nx, nx);
                for (int i = 0; i < nx; i++) (a[i], c[i]) = (c[i], a[i]);
            }
        }

        public void Dispose() => File.Dispose();
    }

    /// <summary>Reads a span of a numeric variable's values (fill values → NaN, scale and offset applied) a slice of
    /// the file at a time.</summary>
    private sealed class VariableReader
    {
        private readonly string path;
        private readonly FileStream file;
        private readonly Variable v;
        private readonly int size;
        private readonly double? fill;
        private readonly double scale, offset;

        public VariableReader(string path, FileStream file, Variable v, long count)
        {
            (this.path, this.file, this.v) = (path, file, v);
            if (v.Type == NcType.Char) throw new DataFormatException(path, 0, 0, $"variable '{v.Name}' holds text, not numbers.");
            size = v.Type switch
            {
                NcType.Byte => 1, NcType.Short => 2, NcType.Int or NcType.Float => 4, NcType.Double => 8,
                _ => throw new DataFormatException(path, 0, 0, $"corrupt netCDF header (type of '{v.Name}')."),
            };
            if (v.Begin < 0 || v.Begin + count * size > file.Length)
                throw new DataFormatException(path, 0, 0, $"variable '{v.Name}' runs past the end of the file (truncated download?).");
            fill = Att(v, "_FillValue") ?? Att(v, "missing_value");
            scale = Att(v, "scale_factor") ?? 1;
            offset = Att(v, "add_offset") ?? 0;
        }

        public void Read(long first, Span<double> into)
        {
            const int slice = 1 << 16;
            var bytes = new byte[slice * size];
            for (int done = 0; done < into.Length;)
            {
                int n = Math.Min(slice, into.Length - done);
                lock (file)
                {
                    file.Position = v.Begin + (first + done) * size;
                    file.ReadExactly(bytes, 0, n * size);
                }
                Convert(bytes.AsSpan(0, n * size), into.Slice(done, n));
                done += n;
            }
        }

        private void Convert(ReadOnlySpan<byte> s, Span<double> into)
        {
            for (int k = 0; k < into.Length; k++)
            {
                int at = k * size;
                double raw = v.Type switch
                {
                    NcType.Byte => (sbyte)s[at],
                    NcType.Short => BinaryPrimitives.ReadInt16BigEndian(s[at..]),
                    NcType.Int => BinaryPrimitives.ReadInt32BigEndian(s[at..]),
                    NcType.Float => BinaryPrimitives.ReadSingleBigEndian(s[at..]),
                    _ => BinaryPrimitives.ReadDoubleBigEndian(s[at..]),
                };
                into[k] = fill is { } f && (raw == f || (v.Type == NcType.Float && (float)raw == (float)f)) ? double.NaN : raw * scale + offset;
            }
        }
    }

    /// <summary>The header runs past the slice of the file read so far.</summary>
    private sealed class HeaderBeyondSlice : Exception;

    private static bool IsGeographic(Variable v, string name)
    {
        string units = v.Attributes.TryGetValue("units", out var u) ? (u.Text ?? "").ToLowerInvariant() : "";
        return units.StartsWith("degree") || name.StartsWith("lon", StringComparison.OrdinalIgnoreCase) || name.StartsWith("lat", StringComparison.OrdinalIgnoreCase);
    }

    private static double Spacing(string path, double[] c, string name)
    {
        foreach (double v in c)
            if (!double.IsFinite(v)) throw new DataFormatException(path, 0, 0, $"coordinate '{name}' holds a non-finite value.");
        if (c.Length < 2) return 1;
        double d = (c[^1] - c[0]) / (c.Length - 1);
        for (int i = 1; i < c.Length; i++)
            if (Math.Abs(c[i] - c[i - 1] - d) > 1e-6 * Math.Abs(d) + 1e-12)
                throw new DataFormatException(path, 0, 0, $"coordinate '{name}' is not evenly spaced (step {c[i] - c[i - 1]} at index {i}, mean {d}).");
        if (d == 0) throw new DataFormatException(path, 0, 0, $"coordinate '{name}' has zero spacing.");
        return d;
    }

    private static double? Att(Variable v, string name) =>
        v.Attributes.TryGetValue(name, out var a) && a.Numbers.Length > 0 ? a.Numbers[0] : null;

    private static Dictionary<string, Attribute> ReadAttributes(Cursor r)
    {
        var atts = new Dictionary<string, Attribute>();
        int tag = r.Int(), count = r.Int();
        if (tag == 0 && count == 0) return atts;
        if (count < 0 || count > r.FileLength) throw r.Bad("attribute count");
        if (tag != 0x0C) throw r.Bad("attribute list");
        for (int i = 0; i < count; i++)
        {
            string name = r.Name();
            var type = (NcType)r.Int();
            int n = r.Int();
            if (n < 0 || n > r.FileLength) throw r.Bad($"length of attribute '{name}'");
            if (type == NcType.Char)
            {
                atts[name] = new Attribute(name, type, [], Encoding.UTF8.GetString(r.Take(n)).TrimEnd('\0'));
                r.Pad(n);
                continue;
            }
            int size = type switch { NcType.Byte => 1, NcType.Short => 2, NcType.Int or NcType.Float => 4, NcType.Double => 8, _ => throw r.Bad($"attribute '{name}' type") };
            var bytes = r.Take(n * size);
            var nums = new double[n];
            for (int k = 0; k < n; k++)
                nums[k] = type switch
                {
                    NcType.Byte => (sbyte)bytes[k],
                    NcType.Short => BinaryPrimitives.ReadInt16BigEndian(bytes[(k * 2)..]),
                    NcType.Int => BinaryPrimitives.ReadInt32BigEndian(bytes[(k * 4)..]),
                    NcType.Float => BinaryPrimitives.ReadSingleBigEndian(bytes[(k * 4)..]),
                    _ => BinaryPrimitives.ReadDoubleBigEndian(bytes[(k * 8)..]),
                };
            r.Pad(n * size);
            atts[name] = new Attribute(name, type, nums, null);
        }
        return atts;
    }

    /// <summary>Big-endian reading position with truncation errors that name the file.</summary>
    private sealed class Cursor(string path, byte[] bytes, long fileLength)
    {
        public string Path => path;
        public long FileLength => fileLength;
        public int Pos;

        public ReadOnlySpan<byte> Take(int n)
        {
            if (n < 0 || Pos + (long)n > fileLength) throw new DataFormatException(path, 0, 0, "the netCDF header is truncated or corrupt.");
            if (Pos + (long)n > bytes.Length) throw new HeaderBeyondSlice();
            var s = bytes.AsSpan(Pos, n);
            Pos += n;
            return s;
        }

        public int Int() => BinaryPrimitives.ReadInt32BigEndian(Take(4));
        public long Long() => BinaryPrimitives.ReadInt64BigEndian(Take(8));
        public void Pad(int n) => Take((4 - n % 4) % 4);

        public string Name()
        {
            int n = Int();
            string s = Encoding.UTF8.GetString(Take(n));
            Pad(n);
            return s;
        }

        public DataFormatException Bad(string what) => new(path, 0, 0, $"corrupt netCDF header ({what}) at byte {Pos}.");
    }
}
