using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Web.Features.Nodes;
using ServiceHall.Web.Realtime;

namespace ServiceHall.IntegrationTests.Infrastructure;

/// <summary>
/// Node A of an installation of several (P6): PostgreSQL and Redis (redis-server on 127.0.0.1:6379, started
/// by test.sh). <see cref="Node"/> starts more nodes on the same database and Redis, each a host of its own.
/// </summary>
public sealed class SeveralNodesApp : PostgresHallApp
{
    public static readonly string Redis = Environment.GetEnvironmentVariable("SERVICEHALL_TEST_REDIS") ?? "127.0.0.1:6379";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Realtime:Redis", Redis);
        // Scans run only in the nodes a test starts for them, never in this one behind its back.
        builder.UseSetting("Deadlines:ScanSeconds", "3600");
        builder.UseSetting("Supervision:ScanSeconds", "3600");
    }

    public WebApplicationFactory<Program> Node(params (string Key, string Value)[] settings)
    {
        var node = WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });
        _ = node.Server;
        return node;
    }

    public static string NameOf(WebApplicationFactory<Program> node) => node.Services.GetRequiredService<NodeIdentity>().Name;

    public static HallEventFeed FeedOf(WebApplicationFactory<Program> node) => node.Services.GetRequiredService<HallEventFeed>();
}
