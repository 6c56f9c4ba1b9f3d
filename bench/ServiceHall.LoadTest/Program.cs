using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using ServiceHall.LoadTest;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Options options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(Options.Usage);
        return 0;
    }
    options = Options.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

// Below this the tiered-compilation worker is idle but for a method now and then (measured: 0.00–0.05
// cores once a run is past its first 40 s, 0.4–0.5 before).
const double JitQuietCores = 0.05;

// The staff accounts of the demo seed: each may have one counter open, so they bound the counters worked.
string[] staffAccounts = ["staff1", "staff2", "staff3", "supervisor"];

using var http = HallApi.CreateClient(options.Clients + 8);
ServerProcess? server = null;
try
{
    if (options.Start)
    {
        Console.WriteLine($"Starting the server ({options.Provider}{(options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) ? $", synchronous={options.Sync}" : "")})…");
        server = await ServerProcess.StartAsync(options, http);
        Console.WriteLine($"Server at {server.Url}, database {server.Database}, log {server.LogFile}");
    }
    var url = server?.Url ?? options.Url!;
    var api = new HallApi(http, url);

    var kioskToken = await api.LoginAsync("kiosk1", options.Password);
    var hallId = (await api.GetAsync("/api/halls", kioskToken))[0].GetProperty("id").GetGuid();
    var itemIds = (await api.GetAsync($"/api/halls/{hallId}/service-items", kioskToken)).EnumerateArray()
        .Select(i => i.GetProperty("id").GetGuid()).ToArray();
    var counterIds = (await api.GetAsync($"/api/halls/{hallId}/counters", kioskToken)).EnumerateArray()
        .OrderBy(c => c.GetProperty("number").GetInt32()).Select(c => c.GetProperty("id").GetGuid()).ToArray();

    // Staff account i works counter i (numbers 1…4); further workers share them round-robin.
    var staffed = Math.Min(Math.Min(options.CounterClients, staffAccounts.Length), counterIds.Length);
    var staff = new List<(string Token, Guid CounterId)>();
    for (var i = 0; i < staffed; i++)
    {
        var token = await api.LoginAsync(staffAccounts[i], options.Password);
        var open = await api.SendAsync(HttpMethod.Post, $"/api/counters/{counterIds[i]}/open", token);
        if (open.Status != HttpStatusCode.OK && HallApi.ProblemCode(open) != "CounterAlreadyOpen")
            throw new InvalidOperationException($"{staffAccounts[i]} could not open counter {i + 1}: {(int)open.Status} {HallApi.ProblemCode(open)}");
        staff.Add((token, counterIds[i]));
    }

    if (options.Prefill > 0)
    {
        const int prefillClients = 16;
        await Task.WhenAll(Enumerable.Range(0, prefillClients).Select(i =>
            new IssueClient(api, kioskToken, hallId, itemIds, seed: 500 + i)
                .PrefillAsync(options.Prefill / prefillClients + (i < options.Prefill % prefillClients ? 1 : 0))));
        Console.WriteLine($"Prefilled the queue with {options.Prefill} tickets.");
    }

    // The fan-out run: phones following tickets of their own and displays following the hall.
    Listeners? listeners = null;
    double? bytesPerConnection = null;
    if (options.Phones > 0 || options.Displays > 0)
    {
        const int issuers = 8;
        var tickets = (await Task.WhenAll(Enumerable.Range(0, issuers).Select(i =>
            new IssueClient(api, kioskToken, hallId, itemIds, seed: 700 + i)
                .IssueForPhonesAsync(options.Phones / issuers + (i < options.Phones % issuers ? 1 : 0))))).SelectMany(t => t).ToList();
        GC.Collect();
        var memoryBefore = server?.WorkingSet;
        listeners = await Listeners.ConnectAsync(url, hallId, options.Displays, tickets);
        await Task.Delay(TimeSpan.FromSeconds(5));
        if (server is not null && memoryBefore is { } before && listeners.Displays + listeners.Phones > 0)
            bytesPerConnection = (server.WorkingSet - before) / (double)(listeners.Displays + listeners.Phones);
        Console.WriteLine($"Connected {listeners.Displays} displays and {listeners.Phones} phones" +
            (bytesPerConnection is { } b ? $"; server memory per connection {b / 1024:0.0} KiB" : ""));
    }

    var begin = Stopwatch.GetTimestamp();
    var measureFrom = begin + (long)(options.Warmup * Stopwatch.Frequency);
    var measureTo = measureFrom + (long)(options.Seconds * Stopwatch.Frequency);
    var recorder = new Recorder(measureFrom, measureTo);
    Console.WriteLine($"{options.IssueClients} kiosk clients issuing, {options.CounterClients} counter workers on {staffed} counters; " +
        $"{options.Warmup:0} s warm-up, {options.Seconds:0} s measured…");

    var clients = new List<Task>();
    for (var i = 0; i < options.IssueClients; i++)
    {
        var client = new IssueClient(api, kioskToken, hallId, itemIds, seed: 1000 + i);
        clients.Add(Task.Run(() => client.RunAsync(recorder)));
    }
    var workers = new List<CounterWorker>();
    for (var i = 0; i < options.CounterClients; i++)
    {
        var (token, counterId) = staff[i % staff.Count];
        var worker = new CounterWorker(api, token, counterId, options.CallPause);
        workers.Add(worker);
        clients.Add(Task.Run(() => worker.RunAsync(recorder)));
    }

    await Task.Delay(TimeSpan.FromSeconds(options.Warmup));
    var windowFromUtc = DateTime.UtcNow;
    listeners?.Measure(windowFromUtc, options.Seconds);
    var messagesFrom = listeners?.Messages;
    var cpuFrom = (Self: Process.GetCurrentProcess().TotalProcessorTime, Server: server?.TotalProcessorTime, Jit: server?.JitThreadTimes());
    var loadFrom = LoadAverage();
    await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (measureTo - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
    var cpuTo = (Self: Process.GetCurrentProcess().TotalProcessorTime, Server: server?.TotalProcessorTime, Jit: server?.JitThreadTimes());
    var loadTo = LoadAverage();
    await Task.WhenAll(clients);
    var messagesTo = listeners?.Messages;
    FanoutSummary? fanout = null;
    if (listeners is not null)
    {
        // Screens get a moment for the last calls of the window to arrive.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var windowToUtc = windowFromUtc.AddSeconds(options.Seconds);
        var called = workers.SelectMany(w => w.Calls).Where(c => c.CalledAt >= windowFromUtc && c.CalledAt < windowToUtc)
            .Select(c => c.Number).ToHashSet();
        fanout = listeners.Summarise(called);
    }

    var summaries = recorder.Summarise(Operations.Order);
    var cores = new
    {
        client = (cpuTo.Self - cpuFrom.Self).TotalSeconds / options.Seconds,
        server = cpuTo.Server is { } s && cpuFrom.Server is { } f ? (s - f).TotalSeconds / options.Seconds : (double?)null,
        serverJit = cpuTo.Jit is { } js && cpuFrom.Jit is { } jf ? ServerProcess.JitTimeBetween(jf, js).TotalSeconds / options.Seconds : (double?)null,
    };
    // Server CPU per request is steadier than the rates on a shared machine: neighbours take cores
    // away from the server, but hardly change what one request costs it.
    var requests = summaries.Sum(s => s.Count + s.Errors);
    double? serverCpuMsPerRequest = cores.server is { } busy && requests > 0 ? busy * options.Seconds * 1000 / requests : null;
    PrintTable(summaries);
    Console.WriteLine($"CPU (cores busy on average): client {cores.client:0.00}, server {(cores.server is { } sc ? sc.ToString("0.00") : "n/a")}, " +
        $"of {Environment.ProcessorCount}; load average {loadFrom} → {loadTo}");
    if (serverCpuMsPerRequest is { } perRequest)
        Console.WriteLine($"Server CPU per request: {perRequest:0.000} ms ({requests} requests)");
    var issued = summaries.FirstOrDefault(x => x.Operation == Operations.Issue)?.Count ?? 0;
    double? serverCpuMsPerIssue = cores.server is { } serverBusy && issued > 0 ? serverBusy * options.Seconds * 1000 / issued : null;
    if (serverCpuMsPerIssue is { } perIssue)
        Console.WriteLine($"Server CPU per issued ticket (everything the server did, divided by the tickets issued): {perIssue:0.000} ms");
    if (fanout is not null && messagesFrom is { } mf && messagesTo is { } mt)
    {
        Console.WriteLine($"Fan-out: {fanout.Calls} calls in the window to {fanout.Displays} displays and {fanout.Phones} phones; " +
            $"calls a display missed: {fanout.DisplayCallsMissed}");
        Console.WriteLine($"  call → display ms p50 {fanout.CallToDisplay.P50Ms:0.0} p95 {fanout.CallToDisplay.P95Ms:0.0} " +
            $"p99 {fanout.CallToDisplay.P99Ms:0.0} max {fanout.CallToDisplay.MaxMs:0.0} ({fanout.CallToDisplay.Count} received)");
        Console.WriteLine($"  call → phone ms   p50 {fanout.CallToPhone.P50Ms:0.0} p95 {fanout.CallToPhone.P95Ms:0.0} " +
            $"p99 {fanout.CallToPhone.P99Ms:0.0} max {fanout.CallToPhone.MaxMs:0.0} ({fanout.CallToPhone.Count} received)");
        Console.WriteLine($"  messages per second: displays {(mt.Display - mf.Display) / options.Seconds:0}, phones {(mt.Phone - mf.Phone) / options.Seconds:0}");
    }
    if (cores.serverJit is { } jit)
    {
        Console.WriteLine($"Of the server's cores, the JIT recompiling hot code: {jit:0.00}");
        if (jit >= JitQuietCores)
            Console.WriteLine("  The window measured the server's first minute, not its steady state: use a longer --warmup.");
    }
    var failures = Failures.Snapshot();
    foreach (var (operation, samples) in failures)
        foreach (var text in samples)
            Console.WriteLine($"  {operation} failed: {text}");

    if (options.Json is not null)
    {
        var report = new
        {
            timestampUtc = DateTime.UtcNow,
            configuration = new
            {
                target = options.Start ? "started" : url,
                provider = options.Provider,
                sqliteSynchronous = options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) ? options.Sync : null,
                clients = options.Clients,
                issueClients = options.IssueClients,
                counterClients = options.CounterClients,
                countersWorked = staffed,
                warmupSeconds = options.Warmup,
                measuredSeconds = options.Seconds,
            },
            machine = new
            {
                processorCount = Environment.ProcessorCount,
                cpu = CpuModel(),
                os = RuntimeInformation.OSDescription,
                runtime = RuntimeInformation.FrameworkDescription,
                loadAverageBefore = loadFrom,
                loadAverageAfter = loadTo,
            },
            cpuCoresBusy = cores,
            serverCpuMsPerRequest,
            serverCpuMsPerIssue,
            fanout,
            serverBytesPerConnection = bytesPerConnection,
            operations = summaries,
            failures,
        };
        await File.WriteAllTextAsync(options.Json, JsonSerializer.Serialize(report,
            new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        Console.WriteLine($"Wrote {options.Json}");
    }
    if (listeners is not null)
        await listeners.DisposeAsync();
    return summaries.Sum(s => s.Errors) == 0 && fanout is not { DisplayCallsMissed: > 0 } ? 0 : 1;
}
finally
{
    if (server is not null)
    {
        await server.DisposeAsync();
        if (!options.KeepDatabase)
            server.DeleteDatabase();
        if (options.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) && !options.KeepDatabase)
            Console.WriteLine($"PostgreSQL database {server.Database} is left in place; drop it with: dropdb {server.Database}");
    }
}

static void PrintTable(List<OperationSummary> summaries)
{
    Console.WriteLine();
    Console.WriteLine($"{"operation",-16} {"count",8} {"ops/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7}");
    foreach (var s in summaries)
        Console.WriteLine($"{s.Operation,-16} {s.Count,8} {s.OpsPerSecond,9:0.0} {s.P50Ms,8:0.00} {s.P95Ms,8:0.00} {s.P99Ms,8:0.00} {s.MaxMs,8:0.0} {s.Errors,7}");
    Console.WriteLine();
}

static string? CpuModel()
{
    const string cpuinfo = "/proc/cpuinfo";
    return File.Exists(cpuinfo)
        ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
}

static string? LoadAverage()
{
    const string loadavg = "/proc/loadavg";
    return File.Exists(loadavg) ? string.Join(' ', File.ReadAllText(loadavg).Split(' ').Take(3)) : null;
}
