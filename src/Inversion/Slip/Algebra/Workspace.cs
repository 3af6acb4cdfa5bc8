using System.Collections.Concurrent;

namespace SourceModel.Inversion.Slip;

/// <summary>
/// Large scratch arrays kept between uses: every factorisation of an L-curve (active-set steps, ABIC and GCV) writes its
/// f×f principal submatrix into one array instead of allocating 160 MB each time and leaving the collector to find it.
/// Safe for parallel solves (Monte Carlo realisations share a system): each renter gets an array of its own.
/// </summary>
internal sealed class Workspace
{
    private readonly ConcurrentBag<double[]> _free = [];
    private readonly long _capacity;

    /// <summary>A workspace whose arrays are allocated at <paramref name="capacity"/> entries (the largest request
    /// expected), so that a request a little larger than the last never leaves a 100 MB array for the collector.</summary>
    public Workspace(long capacity = 0) => _capacity = capacity;

    /// <summary>An array of at least <paramref name="length"/> entries (contents undefined).</summary>
    public double[] Rent(long length)
    {
        if (_free.TryTake(out var a) && a.LongLength >= length) return a;
        // Too small (or none): drop it rather than hold two.
        return GC.AllocateUninitializedArray<double>(checked((int)Math.Max(length, _capacity)));
    }

    /// <summary>Drops the arrays kept for later renters (the next one allocates again): for when the solves are over
    /// and what follows (outputs, reports) should have the memory.</summary>
    public void Clear() => _free.Clear();

    /// <summary>Gives <paramref name="array"/> back for the next renter.</summary>
    public void Return(double[] array) => _free.Add(array);
}
