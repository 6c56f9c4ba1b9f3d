using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceHall.Web.Features.Nodes;

/// <summary>Ready only when Redis answers: without it this node's screens miss the other nodes' changes.</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConfigured)
            return HealthCheckResult.Healthy("Redis is not configured (one node).");
        try
        {
            var connection = await redis.GetAsync();
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0} ms.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", ex);
        }
    }
}
