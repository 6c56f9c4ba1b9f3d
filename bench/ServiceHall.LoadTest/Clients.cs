using System.Net;
using System.Text;

namespace ServiceHall.LoadTest;

/// <summary>Names of the measured operations, in table order.</summary>
public static class Operations
{
    public const string Issue = "issue";
    public const string CallNext = "call-next";
    public const string CallNextEmpty = "call-next-empty";
    public const string CallNextBusy = "call-next-busy";
    public const string Start = "start";
    public const string Finish = "finish";

    public static readonly string[] Order = [Issue, CallNext, CallNextEmpty, CallNextBusy, Start, Finish];
}

/// <summary>
/// A kiosk taking tickets as fast as the server answers: a random item of the hall and, like a real
/// hall, mostly normal tickets with some priority ones.
/// </summary>
public sealed class IssueClient(HallApi api, string kioskToken, Guid hallId, Guid[] itemIds, int seed)
{
    private static readonly (string Priority, int Weight)[] Priorities =
        [("normal", 85), ("elderly", 6), ("disabled", 2), ("military", 2), ("pregnant", 3), ("emergency", 2)];

    private readonly Random _random = new(seed);
    private readonly Dictionary<(Guid, string), byte[]> _bodies = itemIds
        .SelectMany(item => Priorities.Select(p => (item, p.Priority)))
        .ToDictionary(x => x, x => HallApi.JsonBody(new { serviceItemId = x.item, priority = x.Priority }));
    private string Path => $"/api/halls/{hallId}/tickets";

    private byte[] NextBody() => _bodies[(itemIds[_random.Next(itemIds.Length)], PickPriority(_random))];

    /// <summary>
    /// Issues tickets before the run, unmeasured, and gives their ids (the phones of the fan-out run follow them).
    /// They are emergency tickets, so that they stay at the head of the queue for the whole run and every call in
    /// the window is one phone's: with the usual mix, the run's own emergency tickets (2 % of about 1,000 a second)
    /// overtook them within seconds, and after the warm-up no call reached a phone.
    /// </summary>
    public async Task<List<Guid>> IssueForPhonesAsync(int count)
    {
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var reply = await api.SendAsync(HttpMethod.Post, Path, kioskToken, _bodies[(itemIds[_random.Next(itemIds.Length)], "emergency")]);
            if (reply.Status != HttpStatusCode.Created)
                throw new InvalidOperationException($"Tickets for phones: issue answered {(int)reply.Status} {HallApi.ProblemCode(reply)}");
            ids.Add(reply.Json.GetProperty("id").GetGuid());
        }
        return ids;
    }

    /// <summary>Issues tickets before the run, unmeasured, so that counters start on a queue.</summary>
    public async Task PrefillAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var reply = await api.SendAsync(HttpMethod.Post, Path, kioskToken, NextBody());
            if (reply.Status != HttpStatusCode.Created)
                throw new InvalidOperationException($"Prefill: issue answered {(int)reply.Status} {HallApi.ProblemCode(reply)}");
        }
    }

    public async Task RunAsync(Recorder recorder)
    {
        var samples = recorder.ForClient();
        var path = Path;
        while (recorder.Running)
        {
            var body = NextBody();
            try
            {
                var reply = await api.SendAsync(HttpMethod.Post, path, kioskToken, body);
                samples.Add(Operations.Issue, reply.Start, reply.End, reply.Status != HttpStatusCode.Created);
                if (reply.Status != HttpStatusCode.Created)
                    Failures.Note(Operations.Issue, reply);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Failures.Note(Operations.Issue, ex);
                await Task.Delay(100);
            }
        }
    }

    private static string PickPriority(Random random)
    {
        var roll = random.Next(100);
        foreach (var (priority, weight) in Priorities)
        {
            if (roll < weight)
                return priority;
            roll -= weight;
        }
        return "normal";
    }
}

/// <summary>
/// Counter staff serving without pause: call-next, start, finish, again. A cycle begun before the
/// window closes is always finished, so the counter is left without a current ticket. When several
/// workers share a counter (more workers than staff accounts), a call-next while a colleague's
/// ticket is still current is refused with 409 and recorded as call-next-busy.
/// </summary>
public sealed class CounterWorker(HallApi api, string staffToken, Guid counterId, double pauseSeconds = 0)
{
    /// <summary>Number and server time of each call made, for the fan-out run to check every screen saw it.</summary>
    public List<(string Number, DateTime CalledAt)> Calls { get; } = [];

    public async Task RunAsync(Recorder recorder)
    {
        var samples = recorder.ForClient();
        var counter = $"/api/counters/{counterId}";
        while (recorder.Running)
        {
            try
            {
                var call = await api.SendAsync(HttpMethod.Post, $"{counter}/call-next", staffToken);
                switch (call.Status)
                {
                    case HttpStatusCode.OK:
                        samples.Add(Operations.CallNext, call.Start, call.End, error: false);
                        var called = call.Json;
                        Calls.Add((called.GetProperty("number").GetString()!, HallApi.UtcTime(called.GetProperty("calledAt"))));
                        var ticket = $"{counter}/tickets/{called.GetProperty("id").GetGuid()}";
                        var start = await api.SendAsync(HttpMethod.Post, $"{ticket}/start", staffToken);
                        samples.Add(Operations.Start, start.Start, start.End, start.Status != HttpStatusCode.OK);
                        if (start.Status != HttpStatusCode.OK)
                            Failures.Note(Operations.Start, start);
                        var finish = await api.SendAsync(HttpMethod.Post, $"{ticket}/finish", staffToken);
                        samples.Add(Operations.Finish, finish.Start, finish.End, finish.Status != HttpStatusCode.OK);
                        if (finish.Status != HttpStatusCode.OK)
                            Failures.Note(Operations.Finish, finish);
                        if (pauseSeconds > 0)
                            await Task.Delay(TimeSpan.FromSeconds(pauseSeconds));
                        break;
                    case HttpStatusCode.NoContent:
                        samples.Add(Operations.CallNextEmpty, call.Start, call.End, error: false);
                        // Nobody waiting for this counter's items: staff would look up, not hammer the button.
                        await Task.Delay(10);
                        break;
                    case HttpStatusCode.Conflict when HallApi.ProblemCode(call) == "CounterHasCurrentTicket":
                        samples.Add(Operations.CallNextBusy, call.Start, call.End, error: false);
                        break;
                    default:
                        samples.Add(Operations.CallNext, call.Start, call.End, error: true);
                        Failures.Note(Operations.CallNext, call);
                        break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Failures.Note(Operations.CallNext, ex);
                await Task.Delay(100);
            }
        }
    }
}

/// <summary>The first few failures of each operation, printed after the run so that errors are explained.</summary>
public static class Failures
{
    private static readonly Dictionary<string, List<string>> Seen = [];

    public static void Note(string operation, HallApi.Reply reply) =>
        Note(operation, $"{(int)reply.Status} {Encoding.UTF8.GetString(reply.Body, 0, Math.Min(reply.Body.Length, 300))}");

    public static void Note(string operation, Exception ex) => Note(operation, $"{ex.GetType().Name}: {ex.Message}");

    private static void Note(string operation, string text)
    {
        lock (Seen)
        {
            if (!Seen.TryGetValue(operation, out var list))
                Seen[operation] = list = [];
            if (list.Count < 3)
                list.Add(text);
        }
    }

    public static IReadOnlyDictionary<string, List<string>> Snapshot()
    {
        lock (Seen)
            return Seen.ToDictionary(x => x.Key, x => x.Value.ToList());
    }
}
