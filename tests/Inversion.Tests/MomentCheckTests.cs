using SourceModel.Inversion.Scenarios;
using SourceModel.Inversion.Slip;
using Xunit.Abstractions;

namespace SourceModel.Inversion.Tests;

/// <summary>
/// Issue 22's moment check, a small subset of the benchmark (`bench -- moments`, bench/RESULTS.md): on synthetic
/// uniform-slip events with noisy two-track InSAR, step 2 at the ABIC minimum recovers the true moment within 15 %, and
/// ABIC restricted to the active set — the variant the library does not use — overestimates it.
/// </summary>
public sealed class MomentCheckTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]   // thrust
    [InlineData(2)]   // normal
    [InlineData(3)]   // oblique
    [InlineData(5)]   // thrust
    public void Step_two_at_the_abic_minimum_recovers_the_moment_of_a_uniform_slip_event(int index)
    {
        var c = MomentCheck.Run(index, extension: 0.2);
        output.WriteLine($"{c.Event.Describe()}: corner {c.Error(SmoothingChoice.Corner):P1}, ABIC {c.Error(SmoothingChoice.Abic):P1}, GCV {c.Error(SmoothingChoice.Gcv):P1}, " +
                         $"ABIC on the active set {c.ActiveSetAbicMoment / c.TrueMoment - 1:P1}");
        Assert.InRange(c.Error(SmoothingChoice.Abic), -0.15, 0.15);
        Assert.InRange(c.ActiveSetAbicMoment / c.TrueMoment - 1, 0.2, 1.0);
    }
}
