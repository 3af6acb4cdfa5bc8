using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using SourceModel.Sampling.Import;

namespace SourceModel.Sampling.Tests;

/// <summary>The fast number parser used by the readers gives exactly what <see cref="double.Parse(string)"/> gives.</summary>
public sealed class FastDoubleTests
{
    private static void Same(string text)
    {
        bool ok = FastDouble.TryParse(Encoding.UTF8.GetBytes(text), out double fast);
        bool ref_ = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double slow);
        Assert.True(ok == ref_, $"'{text}': accepted {ok} vs {ref_}");
        if (ok) Assert.True(BitConverter.DoubleToInt64Bits(fast) == BitConverter.DoubleToInt64Bits(slow), $"'{text}': {fast:R} vs {slow:R}");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("12.8")]
    [InlineData("-117.599")]
    [InlineData("0.066625333")]
    [InlineData("1.067999012966702e-06")]
    [InlineData("2.48539141360595e-05")]
    [InlineData("1e22")]
    [InlineData("1e23")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("0.1234567890123456789")]
    [InlineData("+5.")]
    [InlineData(".5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("")]
    [InlineData("e5")]
    [InlineData("1E+05")]
    [InlineData("4.9e-324")]
    [InlineData("1.7976931348623157e308")]
    public void Edge_cases_match_the_framework_parser(string text) => Same(text);

    [Fact]
    public void Random_numbers_in_every_usual_format_match_the_framework_parser_bit_for_bit()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(5000).WithQuietOnSuccess(true)
            .WithReplay(new Replay(new Rnd(99UL), FSharpOption<int>.None));
        string[] formats = ["R", "F0", "F3", "F6", "F9", "E3", "E10", "G5", "G17"];
        var gen = from bits in Gen.Choose(int.MinValue, int.MaxValue).Two()
                  from f in Gen.Elements(formats)
                  from scale in Gen.Choose(-30, 30)
                  select (Value: BitConverter.Int64BitsToDouble(((long)bits.Item1 << 32) | (uint)bits.Item2), Format: f, Scale: scale);
        Check.One(config, Prop.ForAll(gen.ToArbitrary(), c =>
        {
            double v = double.IsFinite(c.Value) ? c.Value : 1.0;
            double scaled = Math.Abs(v) > 1e-300 && Math.Abs(v) < 1e300 ? v / Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(v)))) * Math.Pow(10, c.Scale) : v;
            Same(scaled.ToString(c.Format, CultureInfo.InvariantCulture));
            return true;
        }));
    }
}
