using System.Diagnostics;

namespace SourceModel.Bench;

/// <summary>Wall-clock timing of a whole workload: once cold (first call in the process, JIT included: what one
/// command pays), then <c>runs</c> more times; the warm figure is their median. Every workload starts from a clean heap.</summary>
public static class ColdWarm
{
    public static (double Cold, double Warm) Time(Action a, int runs)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var sw = Stopwatch.StartNew();
        a();
        double cold = sw.Elapsed.TotalSeconds;
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            GC.Collect();
            sw.Restart();
            a();
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        return (cold, times[times.Count / 2]);
    }
}
