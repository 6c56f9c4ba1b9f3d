using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Features.Devices;

/// <summary>What a request of an enrolled device knows about it: its job, hall and counter.</summary>
public sealed record DeviceStatus(Guid DeviceId, Guid UserId, Guid HallId, DeviceKind Kind, Guid? CounterId, bool Revoked, string HomePath);

/// <summary>
/// Checks a device account's credential against its device record on every request (P2): a revoked
/// device is refused at once on the node that revoked it (<see cref="Forget"/>) and within
/// <see cref="Keep"/> on every other node. A device account without a device record is refused too.
/// </summary>
public sealed class DeviceGate(IServiceScopeFactory scopes)
{
    /// <summary>How long another node may go on trusting a device after its revocation.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromSeconds(3);
    private readonly MemoryCache _devices = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public static bool IsDeviceAccount(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Roles.Devices.Any(user.IsInRole);

    public async Task<DeviceStatus?> GetAsync(Guid userId, CancellationToken ct)
    {
        if (_devices.TryGetValue(userId, out DeviceStatus? cached))
            return cached;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userId, ct);
        var status = device is null ? null
            : new DeviceStatus(device.Id, device.UserId, device.HallId, device.Kind, device.CounterId, device.RevokedAt is not null, device.HomePath());
        _devices.Set(userId, status, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Keep });
        return status;
    }

    public void Forget(Guid userId) => _devices.Remove(userId);
}

public static class DeviceGateMiddleware
{
    /// <summary>After authentication: a device account passes only while its device stands; its status rides on the request.</summary>
    public static IApplicationBuilder UseDeviceGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (DeviceGate.IsDeviceAccount(context.User))
        {
            var gate = context.RequestServices.GetRequiredService<DeviceGate>();
            var status = await gate.GetAsync(context.User.UserId(), context.RequestAborted);
            // The enrolment link stays open, so a revoked device can be enrolled again as a new one.
            if (status is null || status.Revoked)
            {
                if (!context.Request.Path.StartsWithSegments("/enrol"))
                {
                    await ProblemExceptionHandler.WriteAsync(context, StatusCodes.Status401Unauthorized, DeviceErrorCodes.Revoked);
                    return;
                }
            }
            else
            {
                context.Features.Set(status);
                await context.RequestServices.GetRequiredService<DevicePresence>().SeenAsync(status.DeviceId, context.RequestAborted);
            }
        }
        await next(context);
    });

    /// <summary>The enrolled device making this request; null for people and anonymous callers.</summary>
    public static DeviceStatus? Device(this HttpContext context) => context.Features.Get<DeviceStatus>();
}
