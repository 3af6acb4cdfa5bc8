using System.Globalization;
using SourceModel.Inversion.Optimisation;
using Spectre.Console;

namespace SourceModel.Cli.Infrastructure;

/// <summary>
/// Shows a long run's progress with the time left: a Spectre.Console progress bar when the command writes to a terminal,
/// otherwise one log line per tenth of the budget (so logs of batch jobs stay short and readable).
/// </summary>
internal static class ProgressDisplay
{
    public static T Run<T>(TextWriter log, int maxIterations, Func<IObserver, T> work)
    {
        bool interactive = Interactive(log);
        if (!interactive) return work(new LineObserver(log, maxIterations));
        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("search", maxValue: Math.Max(1, maxIterations));
                var result = work(new BarObserver(task));
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>A run of <paramref name="steps"/> known steps (e.g. the weights of an L-curve, Monte Carlo realisations):
    /// <c>report(done, text)</c> moves a bar on a terminal, or logs about ten lines otherwise (every tenth of the steps and
    /// the last), each with the time spent and left.</summary>
    public static T Steps<T>(TextWriter log, string what, int steps, Func<Action<int, string>, T> work)
    {
        bool interactive = Interactive(log);
        if (!interactive)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            int every = Math.Max(1, (steps + 9) / 10);
            return work((done, text) =>
            {
                if (done % every == 0 || done == steps)
                    log.WriteLine($"  {what} {done}/{steps}: {text} ({Timing(clock.Elapsed, done, steps)})");
            });
        }
        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
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
                    $"  {r.Solver} iteration {r.Iteration}/{r.MaxIterations}: best misfit {r.BestCost:G6}, {r.Evaluations} evaluations, {Timing(r.Elapsed, r.Iteration, r.MaxIterations)}"));
        }
    }

    /// <summary>"12 s, about 1 min 40 s left" from the time spent on <paramref name="done"/> of <paramref name="total"/>
    /// (at the rate so far; a search that stops early on stagnation finishes sooner).</summary>
    internal static string Timing(TimeSpan elapsed, int done, int total)
    {
        string spent = Duration(elapsed);
        if (done <= 0 || total <= done) return spent;
        var left = TimeSpan.FromSeconds(elapsed.TotalSeconds / done * (total - done));
        return $"{spent}, about {Duration(left)} left";
    }

    private static string Duration(TimeSpan t) => t.TotalSeconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0} s")
        : t.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes} min {t.Seconds:00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours} h {t.Minutes:00} min");
}
