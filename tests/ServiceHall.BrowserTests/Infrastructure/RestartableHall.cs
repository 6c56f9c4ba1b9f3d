using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Infrastructure;

/// <summary>
/// The app on a fixed port and SQLite file that a test can stop and start again, as a hall's server is
/// restarted (an update, a power cut): the same address and data come back, the browsers stay open.
/// </summary>
public sealed class RestartableHall : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"servicehall-restart-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;
    private Server? _server;

    public int Port { get; } = BrowserHall.FreePort();
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public void Start()
    {
        if (_server is not null)
            throw new InvalidOperationException("The server is already running.");
        _server = new Server(Port, _file);
        _server.StartServer();
    }

    public async Task StopAsync()
    {
        if (_server is null)
            return;
        await _server.DisposeAsync();
        _server = null;
    }

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

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
    }

    private sealed class Server : WebApplicationFactory<Program>
    {
        private readonly string _file;

        public Server(int port, string file)
        {
            _file = file;
            UseKestrel(port);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder) => BrowserHall.Configure(builder, _file, 100000);
    }
}
