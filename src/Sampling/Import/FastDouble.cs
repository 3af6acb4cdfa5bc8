using System.Runtime.CompilerServices;
using System.Globalization;

namespace SourceModel.Sampling.Import;

/// <summary>
/// Parses the plain decimal numbers data files are made of (<c>-12.345678</c>, <c>1.5e-3</c>) an order of magnitude
/// faster than the general parser, with identical results: the digits are gathered into an integer mantissa and,
/// when it has at most 15 significant digits and the decimal exponent is within ±22, the value is mantissa × 10^e
/// (or ÷ 10^−e) computed in one correctly rounded double operation (Clinger's fast path). Anything else — more
/// digits, larger exponents, NaN/Infinity words, hex, odd syntax — goes to <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider, out double)"/>.
/// </summary>
internal static class FastDouble
{
    private static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> s, out double value)
    {
        int i = 0, n = s.Length;
        bool negative = false;
        if (i < n && (s[i] == '-' || s[i] == '+')) { negative = s[i] == '-'; i++; }
        ulong mantissa = 0;
        int digits = 0, exponent = 0;
        bool any = false;
        for (; i < n && (uint)(s[i] - '0') <= 9; i++)
        {
            any = true;
            if (digits > 0 || s[i] != '0') { if (++digits > 15) return Slow(s, out value); mantissa = mantissa * 10 + (uint)(s[i] - '0'); }
        }
        if (i < n && s[i] == '.')
        {
            i++;
            for (; i < n && (uint)(s[i] - '0') <= 9; i++)
            {
                any = true;
                if (digits > 0 || s[i] != '0') { if (++digits > 15) return Slow(s, out value); mantissa = mantissa * 10 + (uint)(s[i] - '0'); }
                exponent--;
            }
        }
        if (!any) return Slow(s, out value);
        if (i < n && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            bool expNegative = false;
            if (i < n && (s[i] == '-' || s[i] == '+')) { expNegative = s[i] == '-'; i++; }
            int e = 0, expDigits = 0;
            for (; i < n && (uint)(s[i] - '0') <= 9; i++)
            {
                if (++expDigits > 4) return Slow(s, out value);
                e = e * 10 + (s[i] - '0');
            }
            if (expDigits == 0) return Slow(s, out value);
            exponent += expNegative ? -e : e;
        }
        if (i != n) return Slow(s, out value);
        double m = mantissa;
        if (mantissa == 0) value = 0;
        else if (exponent >= 0 && exponent <= 22) value = m * Pow10[exponent];
        else if (exponent < 0 && exponent >= -22) value = m / Pow10[-exponent];
        else return Slow(s, out value);
        if (negative) value = -value;
        return true;
    }

    private static bool Slow(ReadOnlySpan<byte> s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
