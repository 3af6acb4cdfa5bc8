using System.Globalization;
using System.Text.RegularExpressions;

namespace SourceModel.Coulomb.Inp;

/// <summary>
/// Reads Coulomb 3 input files. Key = value pairs are found by name (<c>PR1=</c>, <c>S1DR=</c>, …) wherever they sit
/// on their line; the element table runs from the line after the <c>xxx</c> ruler to the first blank line (Coulomb's
/// <c>#fixed</c> count is not trusted: files in circulation disagree with it); the grid, size, cross-section and map
/// blocks are numbered <c>n ---- label = value</c> lines after their headings.
/// </summary>
public static partial class InpReader
{
    [GeneratedRegex(@"([A-Za-z0-9#]+)\s*=\s*([-+0-9.eEdD]+)")]
    private static partial Regex KeyValue();

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    public static CoulombInput Read(string path)
    {
        if (!File.Exists(path)) throw new InpFormatException(path, 0, "file not found.");
        var lines = File.ReadAllLines(path);
        if (lines.Length < 10) throw new InpFormatException(path, 0, $"only {lines.Length} lines; a Coulomb .inp has a header, parameters and an element table.");
        var values = new Dictionary<string, (double Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        int ruler = -1;
        for (int i = 2; i < lines.Length && ruler < 0; i++)
        {
            if (lines[i].TrimStart().StartsWith("xxx", StringComparison.Ordinal)) { ruler = i; break; }
            if (lines[i].TrimStart().StartsWith("#reg", StringComparison.Ordinal)) continue;
            foreach (Match m in KeyValue().Matches(lines[i]))
                values[m.Groups[1].Value] = (ParseNumber(path, i + 1, m.Groups[2].Value, m.Groups[1].Value), i + 1);
        }
        if (ruler < 1) throw new InpFormatException(path, 0, "no 'xxx xxxx…' ruler line before the element table.");
        double Need(string key) => values.TryGetValue(key, out var v) ? v.Value
            : throw new InpFormatException(path, 0, $"missing '{key}=' in the parameter lines.");
        double Opt(string key) => values.TryGetValue(key, out var v) ? v.Value : 0;
        var columns = ColumnsOf(path, ruler, lines[ruler - 1]);
        var elements = new List<CoulombElement>();
        int at = ruler + 1;
        for (; at < lines.Length && lines[at].Trim().Length > 0; at++) elements.Add(Element(path, at + 1, lines[at]));
        if (elements.Count == 0) throw new InpFormatException(path, ruler + 2, "the element table is empty.");
        var input = new CoulombInput
        {
            Titles = [lines[0].TrimEnd(), lines[1].TrimEnd()],
            ControlLine = lines.Skip(2).FirstOrDefault(l => l.TrimStart().StartsWith("#reg", StringComparison.Ordinal))?.TrimEnd() ?? "",
            Poisson = Need("PR1"), Poisson2 = Opt("PR2"), Depth = Need("DEPTH"), Young = Need("E1"), Young2 = Opt("E2"),
            XSym = Opt("XSYM"), YSym = Opt("YSYM"), Friction = Need("FRIC"),
            Regional = [Principal(1), Principal(2), Principal(3)],
            Columns = columns,
            Elements = elements,
            Grid = Block(path, lines, at, "Grid Parameters", 6),
            Size = Numbers(path, lines, at, "Size Parameters"),
            CrossSection = Block(path, lines, at, "Cross section", 7),
            Map = Numbers(path, lines, at, "Map info"),
        };
        Validate(path, input, values);
        return input;

        PrincipalStress Principal(int k) => new(Opt($"S{k}DR"), Opt($"S{k}DP"), Opt($"S{k}IN"), Opt($"S{k}GD"));
    }

    private static void Validate(string path, CoulombInput c, Dictionary<string, (double Value, int Line)> v)
    {
        if (!(c.Poisson > 0 && c.Poisson < 0.5)) throw new InpFormatException(path, v["PR1"].Line, $"PR1 = {c.Poisson}: Poisson's ratio must be within (0, 0.5).");
        if (!(c.Young > 0)) throw new InpFormatException(path, v["E1"].Line, $"E1 = {c.Young}: Young's modulus (bar) must be positive.");
        if (!(c.Friction >= 0 && c.Friction <= 1)) throw new InpFormatException(path, v["FRIC"].Line, $"FRIC = {c.Friction}: friction must be within [0, 1].");
        if (!(c.Depth >= 0)) throw new InpFormatException(path, v["DEPTH"].Line, $"DEPTH = {c.Depth}: the calculation depth (km) must be >= 0.");
    }

    private static SlipColumns ColumnsOf(string path, int ruler, string header)
    {
        string h = header.ToLowerInvariant();
        if (h.Contains("rake") && h.Contains("netslip")) return SlipColumns.RakeNetSlip;
        if (h.Contains("rt.lat") && h.Contains("reverse")) return SlipColumns.RightLateralReverse;
        throw new InpFormatException(path, ruler, "the table header must name the slip columns ('rt.lat reverse' or 'rake netslip').");
    }

    private static CoulombElement Element(string path, int line, string text)
    {
        var t = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (t.Length < 11) throw new InpFormatException(path, line, $"an element line has 11 numbers (# X-start Y-start X-fin Y-fin Kode slip slip dip top bot), found {t.Length} fields.");
        var n = new double[11];
        for (int k = 0; k < 11; k++) n[k] = ParseNumber(path, line, t[k], $"field {k + 1}");
        if (n[5] != Math.Floor(n[5])) throw new InpFormatException(path, line, $"Kode {t[5]} must be a whole number.");
        int kode = (int)n[5];
        if (kode != 100) throw new InpFormatException(path, line, $"Kode {kode} is not supported; only 100 (shear slip on a rectangle) is.");
        double dip = n[8], top = n[9], bot = n[10];
        if (!(dip > 0 && dip <= 90)) throw new InpFormatException(path, line, $"dip {dip} must be within (0, 90] degrees.");
        if (!(top >= 0)) throw new InpFormatException(path, line, $"top {top} km is above the surface.");
        if (!(bot > top)) throw new InpFormatException(path, line, $"bottom {bot} km must be deeper than top {top} km.");
        if (n[1] == n[3] && n[2] == n[4]) throw new InpFormatException(path, line, "start and finish of the top edge coincide (zero length).");
        string comment = string.Join(' ', t.Skip(11));
        return new CoulombElement(n[1], n[2], n[3], n[4], kode, n[6], n[7], dip, top, bot, comment);
    }

    private static int FindHeading(string[] lines, int from, string heading)
    {
        for (int i = from; i < lines.Length; i++)
            if (lines[i].Trim().StartsWith(heading, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static double[]? Numbers(string path, string[] lines, int from, string heading)
    {
        int h = FindHeading(lines, from, heading);
        if (h < 0) return null;
        var values = new List<double>();
        for (int i = h + 1; i < lines.Length; i++)
        {
            var text = lines[i];
            int eq = text.IndexOf('=');
            var first = text.TrimStart();
            if (eq < 0 || first.Length == 0 || !char.IsDigit(first[0])) break;
            values.Add(ParseNumber(path, i + 1, text[(eq + 1)..].Trim(), $"'{text[..eq].Trim(' ', '-')}'"));
        }
        return values.ToArray();
    }

    private static CoulombBlock? Block(string path, string[] lines, int from, string heading, int count)
    {
        var v = Numbers(path, lines, from, heading);
        if (v is null) return null;
        int h = FindHeading(lines, from, heading) + 1;
        if (v.Length < count) throw new InpFormatException(path, h, $"'{heading}' needs {count} numbered lines, found {v.Length}.");
        return new CoulombBlock(v[0], v[1], v[2], v[3], v[4], v[5], count > 6 ? v[6] : double.NaN);
    }

    private static double ParseNumber(string path, int line, string text, string what)
    {
        string t = text.Trim().Replace('d', 'e').Replace('D', 'E');
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new InpFormatException(path, line, $"{what}: expected a number, got '{text.Trim()}'.");
        return v;
    }
}
