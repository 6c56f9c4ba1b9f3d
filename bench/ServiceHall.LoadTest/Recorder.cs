using System.Diagnostics;

namespace ServiceHall.LoadTest;

/// <summary>One timed request: when it started and how long it took, in Stopwatch ticks.</summary>
public readonly record struct Sample(long Start, long Ticks, bool Error);

/// <summary>
/// The measurement window and each client's samples. A request counts when it starts after the
/// warm-up and ends before the window closes; each client writes only its own lists, so recording
/// takes no lock.
/// </summary>
public sealed class Recorder(long measureFrom, long measureTo)
{
    private readonly List<Dictionary<string, List<Sample>>> _clients = [];

    public long MeasureFrom => measureFrom;
    public long MeasureTo => measureTo;
    public bool Running => Stopwatch.GetTimestamp() < measureTo;

    public ClientSamples ForClient()
    {
        var samples = new Dictionary<string, List<Sample>>();
        lock (_clients)
            _clients.Add(samples);
        return new ClientSamples(this, samples);
    }

    public sealed class ClientSamples(Recorder recorder, Dictionary<string, List<Sample>> samples)
    {
        public void Add(string operation, long start, long end, bool error)
        {
            if (start < recorder.MeasureFrom || end > recorder.MeasureTo)
                return;
            if (!samples.TryGetValue(operation, out var list))
                samples[operation] = list = new List<Sample>(4096);
            list.Add(new Sample(start, end - start, error));
        }
    }

    public List<OperationSummary> Summarise(IReadOnlyList<string> order)
    {
        var seconds = (measureTo - measureFrom) / (double)Stopwatch.Frequency;
        var byOperation = new Dictionary<string, List<Sample>>();
        lock (_clients)
        {
            foreach (var client in _clients)
                foreach (var (operation, list) in client)
                {
                    if (!byOperation.TryGetValue(operation, out var all))
                        byOperation[operation] = all = [];
                    all.AddRange(list);
                }
        }
        return byOperation
            .OrderBy(x => order.Contains(x.Key) ? order.ToList().IndexOf(x.Key) : int.MaxValue).ThenBy(x => x.Key)
            .Select(x => OperationSummary.From(x.Key, x.Value, seconds, measureFrom))
            .ToList();
    }
}

public sealed record OperationSummary(
    string Operation, int Count, int Errors, double OpsPerSecond,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, double MeanMs, int[] PerSecond)
{
    /// <summary>Percentiles and rate of the successful requests; errors are only counted.</summary>
    public static OperationSummary From(string operation, List<Sample> samples, double seconds, long measureFrom)
    {
        var ok = samples.Where(s => !s.Error).Select(s => s.Ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        var perSecond = new int[(int)Math.Ceiling(seconds)];
        foreach (var s in samples.Where(s => !s.Error))
        {
            var second = (int)((s.Start + s.Ticks - measureFrom) / Stopwatch.Frequency);
            if (second >= 0 && second < perSecond.Length)
                perSecond[second]++;
        }
        return new OperationSummary(operation, ok.Length, samples.Count - ok.Length, ok.Length / seconds,
            Percentile(ok, 0.50), Percentile(ok, 0.95), Percentile(ok, 0.99),
            ok.Length == 0 ? 0 : ok[^1], ok.Length == 0 ? 0 : ok.Average(), perSecond);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
