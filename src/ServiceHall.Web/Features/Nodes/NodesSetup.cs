using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Nodes;

namespace ServiceHall.Web.Features.Nodes;

/// <summary>What lets several app nodes run as one installation (P6, ADR-019): leases, Redis, health.</summary>
public static class NodesSetup
{
    public const string ReadyTag = "ready";

    public static void AddNodes(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<RedisConnection>();
        services.AddScoped<TakeScanLease>();
        services.AddScoped<ReleaseScanLease>();
        services.AddHealthChecks()
            .AddDbContextCheck<HallDbContext>("database", tags: [ReadyTag])
            .AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (a proxy or supervisor restarts it otherwise);
    /// <c>/health/ready</c>: it can serve, its database and Redis answer (a proxy sends it requests).
    /// </summary>
    public static void MapNodeEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
    }
}
