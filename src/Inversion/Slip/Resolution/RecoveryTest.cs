namespace SourceModel.Inversion.Slip;

/// <summary>
/// A synthetic recovery test of step 2: slip of a known pattern is put on the patches, its noise-free (whitened)
/// predictions replace the data, and the same bounded problem is solved at the same smoothing weight. The checkerboard
/// shows where patterns of a given size are resolved; the spike shows how far one patch's slip is smeared.
/// </summary>
/// <param name="Name">"checkerboard" or "spike".</param>
/// <param name="Input">Slip magnitude per patch put in, m.</param>
/// <param name="Recovered">Slip magnitude per patch recovered, m.</param>
/// <param name="Correlation">Pearson correlation of recovered with input over the patches.</param>
/// <param name="Converged">The bounded solve met its optimality test.</param>
public sealed record RecoveryTest(string Name, double[] Input, double[] Recovered, double Correlation, bool Converged)
{
    /// <summary>Checkers of <paramref name="size"/> × <paramref name="size"/> patches (along strike × down dip, per
    /// segment) alternating between <paramref name="slip"/> and zero, in the direction of rake <paramref name="rake"/>.</summary>
    public static RecoveryTest Checkerboard(SlipSystem system, double alpha, int size, double slip, double rake)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (size < 1) throw new ArgumentException($"checker size {size}: at least one patch.");
        var input = system.Fault.Patches.Select(p => (p.AlongStrike / size + p.DownDip / size) % 2 == 0 ? slip : 0.0).ToArray();
        return Run(system, alpha, "checkerboard", input, rake);
    }

    /// <summary>Slip <paramref name="slip"/> on patch <paramref name="patch"/> alone, in the direction of rake
    /// <paramref name="rake"/>.</summary>
    public static RecoveryTest Spike(SlipSystem system, double alpha, int patch, double slip, double rake)
    {
        ArgumentNullException.ThrowIfNull(system);
        if ((uint)patch >= (uint)system.PatchCount) throw new ArgumentException($"patch {patch} outside 0..{system.PatchCount - 1}.");
        var input = new double[system.PatchCount];
        input[patch] = slip;
        return Run(system, alpha, "spike", input, rake);
    }

    private static RecoveryTest Run(SlipSystem system, double alpha, string name, double[] magnitude, double rake)
    {
        var x = new double[system.Columns];
        var (a, b) = Coefficients(system.Basis, rake);
        for (int q = 0; q < system.PatchCount; q++) (x[2 * q], x[2 * q + 1]) = (magnitude[q] * a, magnitude[q] * b);
        for (int j = 0; j < system.Columns; j++)
            if (system.Lower[j] == system.Upper[j]) x[j] = system.Lower[j];   // blind patches stay at zero
        var synthetic = system.WithWhitenedData(system.Predict(x));
        var solution = SlipInversion.Solve(synthetic, alpha, start: x);   // the input pattern as a first guess of the partition
        var recovered = solution.Patches.Select(p => p.Magnitude).ToArray();
        var physical = system.PhysicalSlip(x);
        var input = Enumerable.Range(0, system.PatchCount).Select(q => Math.Sqrt(physical[2 * q] * physical[2 * q] + physical[2 * q + 1] * physical[2 * q + 1])).ToArray();
        return new RecoveryTest(name, input, recovered, MathNet.Numerics.Statistics.Correlation.Pearson(input, recovered), solution.Converged);
    }

    /// <summary>Basis coefficients (a, b) of unit slip at <paramref name="rake"/>: a·ê0 + b·ê1 = (cos r, sin r).</summary>
    private static (double A, double B) Coefficients(SlipBasis basis, double rake)
    {
        var (s0, d0) = basis.Direction(0);
        var (s1, d1) = basis.Direction(1);
        double r = rake * Math.PI / 180, ts = Math.Cos(r), td = Math.Sin(r);
        double det = s0 * d1 - s1 * d0;
        double a = (ts * d1 - s1 * td) / det, b = (s0 * td - ts * d0) / det;
        var (lo, hi) = basis.Bounds;
        if (a < lo - 1e-12 || b < lo - 1e-12 || a > hi || b > hi)
            throw new ArgumentException($"rake {rake}° lies outside the rake window of the slip basis.");
        return (a, b);
    }
}
