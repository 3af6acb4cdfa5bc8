using System.Globalization;

namespace SourceModel.Cli.Infrastructure;

/// <summary>
/// An estimate of one step's run time, made before it starts from the problem's size and <see cref="MachineSpeed"/>.
/// </summary>
/// <param name="Step">Step or command name.</param>
/// <param name="Seconds">Estimated wall time, s.</param>
/// <param name="Key">The configuration key that sets the step's size (what to change when it is too long).</param>
/// <param name="Basis">What the estimate counts, in words ("at most 96,000 evaluations × 1,203 points").</param>
/// <param name="AtMost">True when the estimate is an upper bound (a search stopped at its limits) rather than expected.</param>
internal sealed record StepEstimate(string Step, double Seconds, string Key, string Basis, bool AtMost = false)
{
    /// <summary>"geometry ≤ 1.2 min (at most 96,000 evaluations × 1,203 points)".</summary>
    public override string ToString() => $"{Step} {(AtMost ? "≤" : "≈")} {TimeBudget.Format(Seconds)} ({Basis})";
}

/// <summary>
/// The run time a command may plan for, for the checks made before any work starts (as <see cref="MemoryBudget"/> is for
/// memory): <c>SOURCEMODEL_TIME_LIMIT_HOURS</c>, by default a week — a run estimated longer than that is almost always
/// a size key off by orders of magnitude (a million iterations, a 10 m patch size), found now rather than days in.
/// </summary>
internal static class TimeBudget
{
    /// <summary>The limit when <c>SOURCEMODEL_TIME_LIMIT_HOURS</c> is not set, hours.</summary>
    public const double DefaultHours = 168;

    /// <summary>The limit, s.</summary>
    public static double Seconds()
    {
        string? configured = Environment.GetEnvironmentVariable("SOURCEMODEL_TIME_LIMIT_HOURS");
        return configured is not null && double.TryParse(configured, NumberStyles.Float, CultureInfo.InvariantCulture, out double h) && h > 0
            ? h * 3600 : DefaultHours * 3600;
    }

    /// <summary>Refuses a set of steps whose estimated total exceeds the limit, at the key of the longest step.</summary>
    public static void Check(string file, IReadOnlyCollection<StepEstimate> steps)
    {
        double total = steps.Sum(s => s.Seconds), limit = Seconds();
        if (total <= limit || steps.Count == 0) return;
        var longest = steps.MaxBy(s => s.Seconds)!;
        throw new UserError($"{file}: {longest.Key}: the run is estimated to take {(longest.AtMost ? "up to " : "about ")}{Format(total)}, " +
            $"more than the limit of {Format(limit)} (SOURCEMODEL_TIME_LIMIT_HOURS); the longest step is {longest}. " +
            $"Reduce {longest.Key}, or raise the limit if this is meant. ({MachineSpeed.Describe()}.)");
    }

    /// <summary>"40 s", "3.2 min", "1.5 h", "2.1 days".</summary>
    public static string Format(double seconds) => seconds switch
    {
        < 1 => "< 1 s",
        < 90 => FormattableString.Invariant($"{seconds:0} s"),
        < 5400 => FormattableString.Invariant($"{seconds / 60:0.#} min"),
        < 172800 => FormattableString.Invariant($"{seconds / 3600:0.#} h"),
        _ => FormattableString.Invariant($"{seconds / 86400:0.#} days"),
    };
}
