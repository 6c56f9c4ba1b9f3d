using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Web.Features.Nodes;
using StackExchange.Redis;

namespace ServiceHall.Web.Infrastructure;

/// <summary>
/// The anonymous ticket limit of <see cref="PublicLimits"/> shared by every node through Redis (P6, ADR-019):
/// the same phone window and address ceiling, counted in Redis by one script, so that a phone or an
/// address gets the limit once across the installation, not once per node. Should Redis fail, a request
/// passes (logged): the limit guards against abuse, and a hall must not stop issuing for a Redis restart.
/// </summary>
public sealed class SharedPhoneLimitPolicy(RedisConnection redis, PhoneLimitSettings limits, ILogger<SharedPhoneLimitPolicy> logger)
    : IRateLimiterPolicy<string>
{
    /// <summary>Counts the phone's window, then (only if the phone is within it) the address's; answers which one refused and when it reopens.</summary>
    private const string Script = """
        local phone = redis.call('INCR', KEYS[1])
        if phone == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
        if phone > tonumber(ARGV[1]) then return {1, redis.call('PTTL', KEYS[1])} end
        local address = redis.call('INCR', KEYS[2])
        if address == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
        if address > tonumber(ARGV[2]) then return {2, redis.call('PTTL', KEYS[2])} end
        return {0, 0}
        """;

    private static RedisKey AddressKey(string address) => $"servicehall:limit:address:{address}";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
        PublicLimits.RejectAsync(context.HttpContext, context.Lease,
            context.Lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason) && reason == DeviceErrorCodes.RateLimitedAddress
                ? DeviceErrorCodes.RateLimitedAddress : DeviceErrorCodes.RateLimitedPhone, limits);

    public RateLimitPartition<string> GetPartition(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
            return RateLimitPartition.GetNoLimiter("signed-in");
        var address = PublicLimits.Address(context);
        var phone = $"{PublicLimits.PhoneToken(context)}@{address}";
        return new RateLimitPartition<string>(phone, _ => new RedisWindowLimiter(this, $"servicehall:limit:phone:{phone}", AddressKey(address)));
    }

    private async Task<RateLimitLease> AcquireAsync(RedisKey phoneKey, RedisKey addressKey)
    {
        try
        {
            var database = (await redis.GetAsync()).GetDatabase();
            var result = (RedisValue[])(await database.ScriptEvaluateAsync(Script, [phoneKey, addressKey],
                [limits.PerPhone, limits.PerAddress, (long)limits.Window.TotalMilliseconds]))!;
            var refused = (int)result[0];
            return refused == 0
                ? Lease.Acquired
                : new Lease(false, TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1])),
                    refused == 2 ? DeviceErrorCodes.RateLimitedAddress : DeviceErrorCodes.RateLimitedPhone);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "The shared anonymous limit could not be read from Redis; the request passes");
            return Lease.Acquired;
        }
    }

    /// <summary>One phone's limiter: nothing is counted synchronously (that would block on Redis); the middleware then acquires asynchronously.</summary>
    private sealed class RedisWindowLimiter(SharedPhoneLimitPolicy policy, RedisKey phoneKey, RedisKey addressKey) : RateLimiter
    {
        public override TimeSpan? IdleDuration => TimeSpan.Zero;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? Lease.Acquired : Lease.Deferred;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            permitCount == 0 ? Lease.Acquired : await policy.AcquireAsync(phoneKey, addressKey);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter = null, string? limit = null) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);
        public static readonly Lease Deferred = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name, MetadataName.ReasonPhrase.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter
                : metadataName == MetadataName.ReasonPhrase.Name ? limit : null;
            return metadata is not null;
        }
    }
}
