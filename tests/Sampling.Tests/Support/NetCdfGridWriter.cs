using System.Buffers.Binary;
using System.Text;

namespace SourceModel.Sampling.Tests.Support;

/// <summary>
/// Writes a netCDF classic (CDF-1) grid as GMT does — z(y, x) float32 with coordinate variables x and y in double — from
/// the format specification (Unidata, "NetCDF Classic Format Specification"), so readers can be tested on grids of any
/// size, row order and header length without tools outside .NET.
/// </summary>
internal static class NetCdfGridWriter
{
    /// <summary>Writes <paramref name="values"/> (row-major, row 0 at <paramref name="y0"/>, increasing y; NaN = no data)
    /// with the rows stored north first when <paramref name="decreasingY"/> (GMT's usual order) and
    /// <paramref name="paddingAttributes"/> dummy global attributes to lengthen the header.</summary>
    public static void Write(string path, int nx, int ny, double x0, double dx, double y0, double dy, double[] values,
        bool decreasingY = false, string xUnits = "m", int paddingAttributes = 0)
    {
        var header = new MemoryStream();
        void Int(int v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, v); header.Write(b); }
        void Name(string s)
        {
            var b = Encoding.UTF8.GetBytes(s);
            Int(b.Length);
            header.Write(b);
            header.Write(new byte[(4 - b.Length % 4) % 4]);
        }
        void TextAttribute(string name, string text) { Name(name); Int(2); Name(text); }
        header.Write("CDF\x01"u8);
        Int(0);
        Int(0x0A); Int(2); Name("x"); Int(nx); Name("y"); Int(ny);
        if (paddingAttributes == 0) { Int(0); Int(0); }
        else
        {
            Int(0x0C); Int(paddingAttributes);
            for (int k = 0; k < paddingAttributes; k++) TextAttribute($"history_{k}", new string('h', 60));
        }
        Int(0x0B); Int(3);
        var begins = new List<long>();
        void Var(string name, int[] dims, int type, int size, params (string, string)[] atts)
        {
            Name(name); Int(dims.Length);
            foreach (int d in dims) Int(d);
            if (atts.Length == 0) { Int(0); Int(0); }
            else { Int(0x0C); Int(atts.Length); foreach (var (n, t) in atts) TextAttribute(n, t); }
            Int(type); Int(size);
            begins.Add(header.Position);
            Int(0);   // begin, patched below
        }
        Var("x", [0], 6, nx * 8, ("units", xUnits));
        Var("y", [1], 6, ny * 8, ("units", xUnits));
        Var("z", [1, 0], 5, nx * ny * 4);
        var bytes = header.ToArray();
        int offset = bytes.Length;
        int[] sizes = [nx * 8, ny * 8, nx * ny * 4];
        for (int v = 0; v < 3; v++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan((int)begins[v]), offset);
            offset += sizes[v];
        }
        using var f = File.Create(path);
        f.Write(bytes);
        var buf = new byte[8];
        for (int i = 0; i < nx; i++) { BinaryPrimitives.WriteDoubleBigEndian(buf, x0 + i * dx); f.Write(buf); }
        for (int j = 0; j < ny; j++)
        {
            int row = decreasingY ? ny - 1 - j : j;
            BinaryPrimitives.WriteDoubleBigEndian(buf, y0 + row * dy);
            f.Write(buf);
        }
        for (int j = 0; j < ny; j++)
        {
            int row = decreasingY ? ny - 1 - j : j;
            for (int i = 0; i < nx; i++)
            {
                BinaryPrimitives.WriteSingleBigEndian(buf, (float)values[row * nx + i]);
                f.Write(buf, 0, 4);
            }
        }
    }
}
