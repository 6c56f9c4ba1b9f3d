using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using ServiceHall.Core.Features.Devices;

namespace ServiceHall.Web.Infrastructure;

/// <summary>
/// Limits on what anyone may do without signing in, and the client address they are keyed on.
/// Anonymous ticket issue is limited per phone — a browser token the server signs with Data Protection,
/// together with the address — and, separately, per address with a ceiling high enough for a hall's
/// shared Wi-Fi (a phone that drops its cookie gets a new token, but not a new address).
/// Behind a reverse proxy the address comes from X-Forwarded-For, trusted only from the proxies in
/// <c>ReverseProxy:KnownProxies</c> / <c>ReverseProxy:KnownNetworks</c>.
/// </summary>
/// <summary>Anonymous tickets per phone and per address within one window (<c>RateLimits:*</c>), read once.</summary>
public sealed record PhoneLimitSettings(int PerPhone, int PerAddress, TimeSpan Window);

public static class PublicLimits
{
    public const string PhoneCookie = "ServiceHall.Phone";
    private const string TokenPurpose = "ServiceHall.PhoneToken.v1";

    public static void AddPublicLimits(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var limits = new PhoneLimitSettings(config.GetValue("RateLimits:AnonymousTicketsPerWindow", 10),
            config.GetValue("RateLimits:AnonymousTicketsPerAddress", 200),
            TimeSpan.FromSeconds(config.GetValue("RateLimits:WindowSeconds", 600)));
        builder.Services.AddSingleton(limits);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Several nodes with Redis share one count (ADR-019); one node counts in memory.
            if (Features.Nodes.RedisConnection.IsConfiguredIn(config))
                o.AddPolicy<string, SharedPhoneLimitPolicy>(PlatformSetup.TicketIssuePolicy);
            else
                o.AddPolicy(PlatformSetup.TicketIssuePolicy, new PhoneLimitPolicy(limits));
            o.OnRejected = async (context, ct) =>
            {
                SetRetryAfter(context.HttpContext, context.Lease);
                await ProblemExceptionHandler.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "RateLimited");
            };
        });

        var proxies = config.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = config.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what the operator names is trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }

    /// <summary>
    /// First in the pipeline. With no proxy configured forwarded headers are ignored altogether: the
    /// middleware would otherwise accept them from anyone when both lists are empty.
    /// </summary>
    public static void UseClientAddress(this WebApplication app)
    {
        var configured = (app.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>()?.Length ?? 0)
                         + (app.Configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>()?.Length ?? 0);
        if (configured > 0)
            app.UseForwardedHeaders();
    }

    public static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>This browser's token: read from its signed cookie, or made now and set on the response.</summary>
    public static string PhoneToken(HttpContext context)
    {
        if (context.Items[PhoneCookie] is string known)
            return known;
        var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(TokenPurpose);
        string? token = null;
        if (context.Request.Cookies.TryGetValue(PhoneCookie, out var cookie))
        {
            try
            {
                token = protector.Unprotect(cookie);
            }
            catch (CryptographicException)
            {
                // Forged or from another installation: a new one below.
            }
        }
        if (token is null)
        {
            token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Response.Cookies.Append(PhoneCookie, protector.Protect(token), new CookieOptions
            {
                HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365),
                Secure = context.Request.IsHttps,
            });
        }
        context.Items[PhoneCookie] = token;
        return token;
    }

    private static void SetRetryAfter(HttpContext context, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A refused anonymous ticket: when to try again, and which limit (the phone's or the address's) with its figures.</summary>
    internal static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, string code, PhoneLimitSettings limits)
    {
        SetRetryAfter(context, lease);
        await ProblemExceptionHandler.WriteAsync(context, StatusCodes.Status429TooManyRequests, code,
            limits.PerPhone, limits.PerAddress, (int)limits.Window.TotalMinutes);
    }

    /// <summary>
    /// Signed-in callers (kiosks, staff, systems) are not limited; a phone gets its own window, and every
    /// phone behind one address shares that address's ceiling.
    /// </summary>
    private sealed class PhoneLimitPolicy(PhoneLimitSettings limits) : IRateLimiterPolicy<string>
    {
        private readonly PartitionedRateLimiter<string> _addresses = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.PerAddress, Window = limits.Window, QueueLimit = 0,
            }));

        // The middleware hands over its own lease, not the limiter's: the address's window tells which limit it was.
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
            RejectAsync(context.HttpContext, context.Lease,
                _addresses.GetStatistics(Address(context.HttpContext))?.CurrentAvailablePermits == 0
                    ? DeviceErrorCodes.RateLimitedAddress : DeviceErrorCodes.RateLimitedPhone, limits);

        public RateLimitPartition<string> GetPartition(HttpContext context)
        {
            if (context.User.Identity?.IsAuthenticated == true)
                return RateLimitPartition.GetNoLimiter("signed-in");
            var address = Address(context);
            return new RateLimitPartition<string>($"{PhoneToken(context)}@{address}", _ =>
                new PhoneLimiter(new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PerPhone, Window = limits.Window, QueueLimit = 0,
                }), _addresses, address));
        }
    }

    /// <summary>The phone's own window, then its address's shared ceiling.</summary>
    private sealed class PhoneLimiter(FixedWindowRateLimiter phone, PartitionedRateLimiter<string> addresses, string address) : RateLimiter
    {
        public override TimeSpan? IdleDuration => phone.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => phone.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            var own = phone.AttemptAcquire(permitCount);
            if (!own.IsAcquired)
                return own;
            var shared = addresses.AttemptAcquire(address, permitCount);
            if (!shared.IsAcquired)
            {
                own.Dispose();
                return shared;
            }
            shared.Dispose();
            return own;
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                phone.Dispose();
            base.Dispose(disposing);
        }
    }
}
