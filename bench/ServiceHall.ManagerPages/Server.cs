using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServiceHall.ManagerPages;

/// <summary>
/// ServiceHall.Web started on a database the bench names: Release build, Production environment with the demo hall seeded
/// (its accounts and items), a free port; its output goes to a log file so that it never blocks on a full pipe.
/// </summary>
public sealed class Server : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public string Url { get; }
    public string LogFile { get; }

    private Server(Process process, StreamWriter log, string url, string logFile) =>
        (_process, _log, Url, LogFile) = (process, log, url, logFile);

    public static async Task<Server> StartAsync(Options options, string connectionString, string keyFile, HttpClient http)
    {
        var dll = Path.GetFullPath(options.ServerDll ?? DefaultDll());
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} not found; build it first: dotnet build -c Release src/ServiceHall.Web", dll);
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Demo__Seed"] = "true";
        start.Environment["ASPNETCORE_URLS"] = url;
        // Production starts only with key protection (ADR-015); the same key file for both starts of one run.
        start.Environment["KeyProtection__KeyFile"] = keyFile;
        start.Environment["Database__Provider"] = options.Postgres ? "Postgres" : "Sqlite";
        start.Environment[options.Postgres ? "ConnectionStrings__Postgres" : "ConnectionStrings__Sqlite"] = connectionString;
        // Pages are timed, not logins: the year's requests may come faster than a person's.
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var logFile = Path.Combine(Path.GetTempPath(), $"servicehall-manager-pages-{port}.log");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new Server(process, log, url, logFile);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                // Read before disposing: a disposed Process has no exit code.
                var exitCode = process.ExitCode;
                await server.DisposeAsync();
                throw new InvalidOperationException($"The server exited with code {exitCode}; see {logFile}.");
            }
            try
            {
                using var response = await http.GetAsync($"{url}/healthz");
                if (response.IsSuccessStatusCode)
                    return server;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"The server did not become healthy within 120 s; see {logFile}.");
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
        return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "src", "ServiceHall.Web", "bin", "Release", "net10.0", "ServiceHall.Web.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
