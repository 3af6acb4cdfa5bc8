using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using SourceModel.Coulomb.Inp;

namespace SourceModel.Coulomb.Tests;

/// <summary>Randomly edited .inp files are read or refused with an <see cref="InpFormatException"/> — nothing else.</summary>
public sealed class MalformedInpProperties : IDisposable
{
    private readonly TempFiles _tmp = new();

    private string Dir => _tmp.Root;

    public void Dispose() => _tmp.Dispose();

    private const string Good =
        "title one\ntitle two\n#reg1=  0  #reg2=  0  #fixed=  2  sym=  1\n PR1=  0.250  PR2=  0.250  DEPTH=  7.5\n  E1=  8.0e5  E2=  8.0e5\n" +
        "XSYM= .000 YSYM= .000\nFRIC=  0.400\nS1DR= 19 S1DP= 0 S1IN= 100 S1GD= 0\nS2DR= 90 S2DP= 89.9 S2IN= 30 S2GD= 0\nS3DR= 109 S3DP= 0 S3IN= 0 S3GD= 0\n\n" +
        "  #   X-start    Y-start     X-fin      Y-fin   Kode  rt.lat    reverse   dip angle     top      bot\n" +
        "xxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx xxxxxxxxxx\n" +
        "  1  -10.0 0.000 10.0 0.000 100 1.0 1.0 80.90 10.00 20.00  source\n" +
        "  1  -1.0 -10.0 1.0 -10.0 100 0.0 0.0 65.90 5.00 6.00  receiver\n\n" +
        "    Grid Parameters\n  1  ----  Start-x =  -126.83\n  2  ----  Start-y =  -166.79\n  3  ----  Finish-x =  126.83\n" +
        "  4  ----  Finish-y =  166.79\n  5  ----  x-increment =  4.23\n  6  ----  y-increment =  5.56\n";

    private const string Alphabet = "0123456789.-+eE= \t\nxX#";

    [Fact]
    public void Randomly_edited_inp_files_are_read_or_refused_with_a_line_numbered_error()
    {
        int k = 0;
        var gen = Gen.ArrayOf(from kind in Gen.Choose(0, 3) from pos in Gen.Choose(0, 100_000) from arg in Gen.Choose(0, 1000) select (kind, pos, arg));
        var config = Config.QuickThrowOnFailure.WithMaxTest(400).WithQuietOnSuccess(true).WithReplay(new Replay(new Rnd(41UL), FSharpOption<int>.None));
        Check.One(config, Prop.ForAll(gen.ToArbitrary(), edits =>
        {
            var s = new System.Text.StringBuilder(Good);
            foreach (var (kind, pos, arg) in edits)
            {
                int at = s.Length == 0 ? 0 : pos % s.Length;
                switch (kind)
                {
                    case 0: if (s.Length > 0) s.Remove(at, 1); break;
                    case 1: s.Insert(at, Alphabet[arg % Alphabet.Length]); break;
                    case 2: if (s.Length > 0) s[at] = Alphabet[arg % Alphabet.Length]; break;
                    default: s.Length = at; break;
                }
            }
            var path = Path.Combine(Dir, $"f{k++}.inp");
            File.WriteAllText(path, s.ToString());
            try
            {
                var input = InpReader.Read(path);
                // Whatever was read must also compute (or be refused as input, never crash).
                try { ElementStress.Compute(input, 135); }
                catch (ArgumentException) { }
                return input.Elements.Count > 0;
            }
            catch (InpFormatException e)
            {
                return e.Message.StartsWith(path, StringComparison.Ordinal);
            }
        }));
    }
}
