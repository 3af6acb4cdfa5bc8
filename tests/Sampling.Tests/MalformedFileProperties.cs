using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Grids;
using SourceModel.Sampling.Import;

namespace SourceModel.Sampling.Tests;

/// <summary>FsCheck-generated malformed files (random edits of valid ones) never raise anything but
/// <see cref="DataFormatException"/>: no crash, no stack trace for the user, whatever the bytes.</summary>
public sealed class MalformedFileProperties : IDisposable
{
    private readonly TempFiles _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static readonly (string Name, string Text, Func<string, DatasetDeclaration> Declare)[] Seeds =
    [
        ("lltnde", "13.30 42.30 100 -0.60 -0.10 0.7937 12.5 1\n13.31 42.30 110 -0.60 -0.10 0.7937 -3.0 1\n13.32 42.31 120 -0.59 -0.11 0.7940 0.25 2\n",
            p => new DatasetDeclaration("t", p, DataFormat.Lltnde) { Units = LengthUnit.Centimetre, Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite }),
        ("beat", "lon,lat,los_m,incidence_deg,heading_deg,unit_e,unit_n,unit_u,odw,mask\n13.3,42.3,0.01,20,348.4,-0.335,-0.069,0.9397,1,0\n13.4,42.3,0.02,21,348.4,-0.350,-0.072,0.9336,1,0\n",
            p => new DatasetDeclaration("k", p, DataFormat.BeatCsv) { Units = LengthUnit.Metre, Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite }),
        ("kite", "# node_id, focal_point_E, focal_point_N, theta, phi, mean_displacement, median_displacement, absolute_weight\nnode_1, 1500.0, 2500.0, 0.96, 3.3, 0.012, 0.010, 0.8\nnode_2, 4500.0, 2500.0, 0.95, 3.3, -0.004, -0.005, 1.2\n",
            p => new DatasetDeclaration("q", p, DataFormat.KiteCsv) { Units = LengthUnit.Metre, Sign = LosSign.TowardSatellite, LeafValue = Quadtree.LeafStatistic.Median, Coordinates = new CoordinateDeclaration(CoordinateKind.Local) }),
        ("gtdef", "coord geo\nlos  1 D -71.68 -30.40 0.0 0.65645 0.00469 -0.6340 0.1700 -0.7550 1.00\nlos  1 D -71.69 -30.44 0.0 0.71655 0.01029 -0.6340 0.1700 -0.7550 1.00\n",
            p => new DatasetDeclaration("g", p, DataFormat.Gtdef) { Units = LengthUnit.Metre, Sign = LosSign.AwayFromSatellite, Vector = VectorDirection.SatelliteToGround }),
        ("okinv", "465.143042 4197.738506 0.022181 0.658119 0.113046 -0.744379 1\n474.953186 4198.044659 0.027480 0.665520 0.113496 -0.737700 2\n",
            p => new DatasetDeclaration("o", p, DataFormat.Okinv) { Units = LengthUnit.Metre, Sign = LosSign.AwayFromSatellite, Vector = VectorDirection.SatelliteToGround, Coordinates = new CoordinateDeclaration(CoordinateKind.Utm, LengthUnit.Kilometre, 37) }),
        ("lldet", "85.278802098 27.800709681 -446 -1830 1270 2.24715 4.78896 6.23081 1934\n85.327724872 27.656675624 -315 -1290 623 2.29499 3.51383 12.5823 1326\n",
            p => new DatasetDeclaration("n", p, DataFormat.Lldet) { Units = LengthUnit.Millimetre }),
    ];

    private const string Alphabet = "0123456789.-+eE, \t\n\rNaInfx#\"";

    private static Gen<(int Seed, (int Kind, int Pos, int Arg)[] Edits)> Cases() =>
        from seed in Gen.Choose(0, Seeds.Length - 1)
        from edits in Gen.ArrayOf(
            from kind in Gen.Choose(0, 4)
            from pos in Gen.Choose(0, 10_000)
            from arg in Gen.Choose(0, 10_000)
            select (kind, pos, arg))
        select (seed, edits);

    private static string Mutate(string text, (int Kind, int Pos, int Arg)[] edits)
    {
        var s = new System.Text.StringBuilder(text);
        foreach (var (kind, pos, arg) in edits)
        {
            int at = s.Length == 0 ? 0 : pos % s.Length;
            switch (kind)
            {
                case 0: if (s.Length > 0) s.Remove(at, 1); break;                          // delete a character
                case 1: s.Insert(at, Alphabet[arg % Alphabet.Length]); break;             // insert a character
                case 2: if (s.Length > 0) s[at] = Alphabet[arg % Alphabet.Length]; break; // replace a character
                case 3: s.Length = at; break;                                             // truncate
                case 4:                                                                   // duplicate a line
                    var lines = s.ToString().Split('\n');
                    var l = lines[arg % lines.Length];
                    s.Insert(0, l + "\n");
                    break;
            }
        }
        return s.ToString();
    }

    [Fact]
    public void Randomly_edited_point_files_give_a_dataset_or_a_data_format_error_only()
    {
        int i = 0;
        var config = Config.QuickThrowOnFailure.WithMaxTest(400).WithQuietOnSuccess(true)
            .WithReplay(new Replay(new Rnd(20261122UL), FSharpOption<int>.None));
        Check.One(config, Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var (name, text, declare) = Seeds[c.Seed];
            var path = _tmp.Write($"m{i++}.{name}", Mutate(text, c.Edits));
            try
            {
                var d = DatasetImporter.Import(declare(path));
                return d.Count > 0;
            }
            catch (DataFormatException e)
            {
                return e.Message.StartsWith(path, StringComparison.Ordinal);
            }
        }));
    }

    [Fact]
    public void Randomly_corrupted_netcdf_files_give_a_grid_or_a_data_format_error_only()
    {
        var good = File.ReadAllBytes(SharedData.TestData("geographic-classic.grd"));
        int i = 0;
        var config = Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true)
            .WithReplay(new Replay(new Rnd(7UL), FSharpOption<int>.None));
        var gen = Gen.ArrayOf(Gen.Choose(0, good.Length * 256 - 1)).Select(a => a.Take(6).ToArray());
        Check.One(config, Prop.ForAll(gen.ToArbitrary(), flips =>
        {
            var bytes = (byte[])good.Clone();
            foreach (int f in flips) bytes[f / 256] = (byte)(f % 256);
            var path = Path.Combine(_tmp.Root, $"c{i++}.grd");
            File.WriteAllBytes(path, bytes);
            try
            {
                return NetCdfClassicReader.Read(path).Nx > 0;
            }
            catch (DataFormatException)
            {
                return true;
            }
        }));
    }
}
