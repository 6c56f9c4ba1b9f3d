using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Nodes;

/// <summary>
/// An installation of two nodes on loopback, as docs/operations.md deploys it: the built ServiceHall.Web.dll
/// started twice as separate processes, at once, on a fresh PostgreSQL database with Redis, behind nginx
/// (Debian's package; test.sh installs it) started with a configuration file of its own.
/// </summary>
public sealed class LoopbackCluster : IAsyncLifetime
{
    /// <summary>The shared anonymous ceiling per address, low enough to reach in a test.</summary>
    public const int PerAddress = 4;

    private readonly string _dir = Directory.CreateTempSubdirectory("servicehall-cluster-").FullName;
    private readonly string _database = $"servicehall_test_{Guid.NewGuid():N}";
    private readonly List<Process> _processes = [];

    public string ConnectionString => $"{PostgresHallApp.ServerConnection};Database={_database}";
    public string[] NodeUrls { get; private set; } = [];
    public Process[] Nodes { get; private set; } = [];
    public string ProxyUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        // The operator copies one key file to every node (docs/operations.md); here both read the same path.
        ServiceHall.Web.Infrastructure.KeyProtection.KeyFile.LoadOrCreate(Path.Combine(_dir, "keys", "keyring.key"), out _);
        var ports = new[] { FreePort(), FreePort() };
        NodeUrls = ports.Select(p => $"http://127.0.0.1:{p}").ToArray();
        // Both at once on the empty database: they migrate and seed once between them (MigrationLock).
        Nodes = ports.Select((p, i) => StartNode($"node{i + 1}", p)).ToArray();
        var proxyPort = FreePort();
        ProxyUrl = $"http://127.0.0.1:{proxyPort}";
        StartNginx(proxyPort, ports);
        using var http = new HttpClient();
        foreach (var url in NodeUrls.Append(ProxyUrl))
            await WaitReadyAsync(http, url);
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        Directory.Delete(_dir, recursive: true);
    }

    public string Log(string name) => File.Exists(Path.Combine(_dir, $"{name}.log")) ? File.ReadAllText(Path.Combine(_dir, $"{name}.log")) : "";

    private Process StartNode(string name, int port)
    {
        var dll = WebDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Node__Name"] = name,
            ["Demo__Seed"] = "true",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = ConnectionString,
            ["Realtime__Redis"] = SeveralNodesApp.Redis,
            // The same key file on every node: cookies, phone tokens and sealed data read on either.
            ["KeyProtection__KeyFile"] = Path.Combine(_dir, "keys", "keyring.key"),
            ["ReverseProxy__KnownProxies__0"] = "127.0.0.1",
            ["RateLimits__AnonymousTicketsPerWindow"] = "1000",
            ["RateLimits__AnonymousTicketsPerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Monitor__ScanSeconds"] = "1",
            ["Auth__RevalidateSeconds"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        return Start(name, start);
    }

    private void StartNginx(int port, int[] nodePorts)
    {
        var config = Path.Combine(_dir, "nginx.conf");
        var temp = Path.Combine(_dir, "nginx-temp");
        Directory.CreateDirectory(temp);
        var root = Environment.UserName == "root" ? "user root;" : "";
        File.WriteAllText(config, $$"""
            {{root}}
            worker_processes 1;
            pid {{_dir}}/nginx.pid;
            error_log {{_dir}}/nginx-error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                upstream servicehall {
                    ip_hash;
            {{string.Join("\n", nodePorts.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;"))}}
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://servicehall;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_read_timeout 1h;
                    }
                }
            }
            """);
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var start = new ProcessStartInfo(nginx)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-c", config, "-p", _dir, "-g", "daemon off;" })
            start.ArgumentList.Add(arg);
        Start("nginx", start);
    }

    private Process Start(string name, ProcessStartInfo start)
    {
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{start.FileName} could not start ({ex.Message}); ./test.sh installs nginx as root.", ex);
        }
        var log = new StreamWriter(Path.Combine(_dir, $"{name}.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    private async Task WaitReadyAsync(HttpClient http, string url)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_processes.FirstOrDefault(p => p.HasExited) is { } dead)
                throw new InvalidOperationException($"A process of the cluster exited ({dead.ExitCode}):\n{Log("node1")}\n{Log("node2")}\n{Log("nginx")}");
            try
            {
                if ((await http.GetAsync($"{url}/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{url} never became ready:\n{Log("node1")}\n{Log("node2")}");
    }

    /// <summary>src/ServiceHall.Web/bin/{configuration}/net10.0/ServiceHall.Web.dll of this build (test.sh builds it with the tests).</summary>
    private static string WebDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "ServiceHall.Web", "bin", configuration, framework, "ServiceHall.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build src/ServiceHall.Web ({configuration}) first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{PostgresHallApp.ServerConnection};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
