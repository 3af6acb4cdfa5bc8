using SourceModel.Inversion.Randomness;

namespace SourceModel.Inversion.Tests;

public sealed class RandomStreamTests
{
    [Fact]
    public void The_same_seed_gives_the_same_sequence_and_different_seeds_differ()
    {
        var a = new RandomStream(42);
        var b = new RandomStream(42);
        var c = new RandomStream(43);
        var xa = Enumerable.Range(0, 100).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(xa, Enumerable.Range(0, 100).Select(_ => b.NextUInt64()).ToArray());
        Assert.NotEqual(xa, Enumerable.Range(0, 100).Select(_ => c.NextUInt64()).ToArray());
    }

    [Fact]
    public void A_restored_state_continues_exactly_including_a_pending_normal_deviate()
    {
        var a = new RandomStream(7);
        for (int i = 0; i < 13; i++) a.NextDouble();
        a.NextGaussian();   // leaves the second deviate pending
        var saved = a.State;
        Assert.NotNull(saved.Spare);
        var expected = Enumerable.Range(0, 50).Select(_ => a.NextGaussian()).ToArray();
        var b = RandomStream.FromState(saved);
        Assert.Equal(expected, Enumerable.Range(0, 50).Select(_ => b.NextGaussian()).ToArray());
    }

    [Fact]
    public void Uniform_and_normal_deviates_have_the_right_moments()
    {
        var r = new RandomStream(1);
        const int n = 200_000;
        var u = Enumerable.Range(0, n).Select(_ => r.NextDouble()).ToArray();
        Assert.All(u, x => Assert.InRange(x, 0.0, 1.0 - 1e-17));
        Assert.InRange(u.Average(), 0.5 - 0.005, 0.5 + 0.005);           // σ of the mean 0.00065
        var g = Enumerable.Range(0, n).Select(_ => r.NextGaussian()).ToArray();
        double mean = g.Average(), variance = g.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        Assert.InRange(mean, -0.01, 0.01);                                 // σ of the mean 0.0022
        Assert.InRange(variance, 0.985, 1.015);                            // σ of the variance 0.0032
    }

    [Fact]
    public void Streams_of_one_seed_are_distinct_and_reproducible()
    {
        var s0 = RandomStream.ForStream(5, 0).NextUInt64();
        var s1 = RandomStream.ForStream(5, 1).NextUInt64();
        Assert.NotEqual(s0, s1);
        Assert.Equal(s1, RandomStream.ForStream(5, 1).NextUInt64());
    }
}
