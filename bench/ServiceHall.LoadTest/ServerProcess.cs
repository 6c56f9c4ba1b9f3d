using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServiceHall.LoadTest;

/// <summary>
/// A ServiceHall.Web server started for one run: Release build, Production environment with the
/// demo hall seeded, a fresh database, a free port. Its output goes to a log file so that it never blocks on a full pipe.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string? _sqliteFile;

    public string Url { get; }
    public string LogFile { get; }
    public string Database { get; }

    private ServerProcess(Process process, StreamWriter log, string url, string logFile, string database, string? sqliteFile)
    {
        _process = process;
        _log = log;
        Url = url;
        LogFile = logFile;
        Database = database;
        _sqliteFile = sqliteFile;
    }

    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The server's resident memory now, in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>
    /// CPU time so far of the runtime's tiered-compilation workers (the threads that recompile hot
    /// methods with optimizations), by thread id; null where /proc does not tell (not Linux). Under
    /// this bench's load they keep about half a core busy for the first 40 s or so: a window measured
    /// before they go quiet measures the server's start, not its working day.
    /// </summary>
    public Dictionary<int, TimeSpan>? JitThreadTimes()
    {
        var tasks = $"/proc/{_process.Id}/task";
        if (!Directory.Exists(tasks))
            return null;
        var times = new Dictionary<int, TimeSpan>();
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue; // the thread ended
            }
            // "tid (name) state …": the kernel keeps 15 characters of ".NET Tiered Compilation Worker".
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            if (!stat[(open + 1)..close].StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                continue;
            var fields = stat[(close + 2)..].Split(' ');
            // utime and stime, in USER_HZ: 100 a second on every architecture .NET runs on.
            times[int.Parse(Path.GetFileName(task))] = TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0);
        }
        return times;
    }

    /// <summary>
    /// The workers' CPU time between two readings. A worker that ends when it has nothing left to
    /// compile takes what it used in the window with it; one started in the window counts from zero.
    /// </summary>
    public static TimeSpan JitTimeBetween(Dictionary<int, TimeSpan> from, Dictionary<int, TimeSpan> to) =>
        to.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Value - from.GetValueOrDefault(t.Key));

    public static async Task<ServerProcess> StartAsync(Options options, HttpClient http)
    {
        var dll = options.ServerDll ?? DefaultDll();
        if (!File.Exists(dll))
            throw new FileNotFoundException(
                $"{dll} not found; build it first: dotnet build -c Release src/ServiceHall.Web", dll);
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(dll));
        // As a hall runs it (no developer exception page, production logging), with the demo hall
        // seeded so that the bench has items, counters and accounts.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Demo__Seed"] = "true";
        start.Environment["ASPNETCORE_URLS"] = url;
        // Production refuses to start without key protection (ADR-015): a key file of the bench's own.
        start.Environment["KeyProtection__KeyFile"] = Path.Combine(Path.GetTempPath(), $"servicehall-bench-{stamp}-{port}.key");

        string database;
        string? sqliteFile = null;
        if (options.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            database = $"servicehall_bench_{stamp}";
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__Postgres"] = $"{options.PostgresServer};Database={database}";
        }
        else
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"servicehall-bench-{stamp}-{port}.db");
            database = sqliteFile;
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["Database__SqliteSynchronous"] = options.Sync;
            start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={sqliteFile}";
        }

        var logFile = Path.Combine(Path.GetTempPath(), $"servicehall-bench-{stamp}-{port}.log");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log, url, logFile, database, sqliteFile);
        try
        {
            await server.WaitHealthyAsync(http, TimeSpan.FromSeconds(90));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private async Task WaitHealthyAsync(HttpClient http, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}; see {LogFile}.");
            try
            {
                using var response = await http.GetAsync($"{Url}/healthz");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The server did not become healthy within {limit.TotalSeconds:0} s; see {LogFile}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log)
            _log.Dispose();
    }

    /// <summary>Deletes the temporary SQLite file and its WAL; a PostgreSQL database is left for the caller.</summary>
    public void DeleteDatabase()
    {
        if (_sqliteFile is null)
            return;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_sqliteFile + suffix);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
            return;
        lock (log)
        {
            if (log.BaseStream.CanWrite)
                log.WriteLine(line);
        }
    }

    private static string DefaultDll()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServiceHall.slnx")))
            dir = dir.Parent;
        var root = dir?.FullName ?? Directory.GetCurrentDirectory();
        return Path.Combine(root, "src", "ServiceHall.Web", "bin", "Release", "net10.0", "ServiceHall.Web.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
