using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.BrowserTests.Infrastructure;

/// <summary>
/// The whole app on a real Kestrel port (a browser cannot reach a TestServer) with a fresh SQLite file
/// and the demo hall, plus the machine's Chromium. One per test class.
/// </summary>
public class BrowserHall : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"servicehall-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;

    public BrowserHall()
    {
        Port = FreePort();
        UseKestrel(Port);
    }

    /// <summary>Anonymous tickets per address and window; high so that tests are not limited by each other.</summary>
    protected virtual int AnonymousTicketLimit => 100000;

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public IBrowser Browser { get; private set; } = null!;
    public Guid HallId { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => Configure(builder, _file, AnonymousTicketLimit);

    /// <summary>The settings every browser-test server runs with: Development, the demo hall in <paramref name="file"/>.</summary>
    public static void Configure(IWebHostBuilder builder, string file, int anonymousTicketLimit)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={file}");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimits:AnonymousTicketsPerWindow", anonymousTicketLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Every browser of a test run shares one address: only the per-phone limit is under test.
        builder.UseSetting("RateLimits:AnonymousTicketsPerAddress", "100000");
        builder.UseSetting("Monitor:CoalesceMilliseconds", "50");
        builder.UseSetting("Monitor:ScanSeconds", "3600");
    }

    public async Task InitializeAsync()
    {
        StartServer(); // migrations and demo seed run now
        _playwright = await Playwright.CreateAsync();
        // The machine's Chromium (apt, installed by test.sh); Playwright never downloads a browser here.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        using var http = Http();
        var halls = await http.GetFromJsonAsync<JsonArray>("/api/halls");
        HallId = halls!.Select(h => h!["id"]!.GetValue<Guid>()).First();
    }

    public new async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
    }

    /// <summary>A fresh page; <paramref name="width"/>×<paramref name="height"/> like the device it stands for.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    public HttpClient Http() => new() { BaseAddress = new Uri(BaseUrl) };

    /// <summary>A staff member's API client (the counter page is not part of these tests).</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var http = Http();
        var response = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = SeedDemoHall.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
