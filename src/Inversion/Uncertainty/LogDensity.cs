namespace SourceModel.Inversion.Uncertainty;

/// <summary>An unnormalised log posterior density over a parameter vector: −∞ where the density is zero (outside the
/// prior's support). Must be safe to call from several threads at once (one chain per thread).</summary>
public interface ILogDensity
{
    /// <summary>Number of parameters.</summary>
    int Dimension { get; }

    /// <summary>log π(x) up to a constant; −∞ outside the support.</summary>
    double Evaluate(ReadOnlySpan<double> x);
}

/// <summary>A log density from a delegate.</summary>
/// <param name="Dimension">Number of parameters.</param>
/// <param name="Function">log π(x), thread-safe.</param>
public sealed record FunctionLogDensity(int Dimension, Func<double[], double> Function) : ILogDensity
{
    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x) => Function(x.ToArray());
}
