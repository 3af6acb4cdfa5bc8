using System.Globalization;
using SourceModel.Inversion.Optimisation;
using Spectre.Console;

namespace SourceModel.Cli.Infrastructure;

/// <summary>
/// Shows a long run's progress: a Spectre.Console progress bar when the command writes to a terminal, otherwise one log
/// line per tenth of the iteration budget (so logs of batch jobs stay short and readable).
/// </summary>
internal static class ProgressDisplay
{
    public static T Run<T>(TextWriter log, int maxIterations, Func<IObserver, T> work)
    {
        bool interactive = Interactive(log);
        if (!interactive) return work(new LineObserver(log, maxIterations));
        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("search", maxValue: Math.Max(1, maxIterations));
                var result = work(new BarObserver(task));
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>A run of <paramref name="steps"/> known steps (e.g. the weights of an L-curve): <c>report(done, text)</c>
    /// moves a bar on a terminal, or logs each step otherwise.</summary>
    public static T Steps<T>(TextWriter log, string what, int steps, Func<Action<int, string>, T> work)
    {
        bool interactive = Interactive(log);
        if (!interactive) return work((done, text) => log.WriteLine($"  {what} {done}/{steps}: {text}"));
        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(what, maxValue: Math.Max(1, steps));
                var result = work((done, text) => { task.Value = done; task.Description = $"{what}: {text}"; });
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>True when <paramref name="log"/> is the terminal (directly or through a <see cref="TeeWriter"/>).</summary>
    private static bool Interactive(TextWriter log) =>
        ReferenceEquals(log is TeeWriter t ? t.Console : log, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private sealed class BarObserver(ProgressTask task) : IObserver
    {
        public void Observe(IterationReport r)
        {
            task.Value = r.Iteration;
            task.Description = string.Create(CultureInfo.InvariantCulture, $"{r.Solver} misfit {r.BestCost:G5}");
        }
    }

    private sealed class LineObserver(TextWriter log, int maxIterations) : IObserver
    {
        private readonly int _every = Math.Max(1, maxIterations / 10);

        public void Observe(IterationReport r)
        {
            if (r.Iteration % _every == 0)
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {r.Solver} iteration {r.Iteration}/{r.MaxIterations}: best misfit {r.BestCost:G6}, {r.Evaluations} evaluations, {r.Elapsed.TotalSeconds:0.0} s"));
        }
    }
}
