using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Devices;

public sealed record CreateDeviceRequest(DeviceKind? Kind, string? Name, Guid? CounterId, Guid? ZoneDepartmentId, string? ZoneCounters);

/// <summary>A device and its pending one-time enrolment code (shown once: only its hash is kept).</summary>
public sealed record DeviceEnrolment(DeviceView Device, string Code, DateTime ExpiresAt);

/// <summary>
/// P2: an administrator creates a kiosk, display or rating pad of a hall. The device gets an account of
/// its own — the role of its kind, bound to the hall, without a password, so nobody can sign in as it —
/// and a one-time enrolment code that the device redeems to receive its lasting credential.
/// </summary>
public sealed class CreateDevice(HallDbContext db, UserManager<User> users, TimeProvider time, IOptions<DeviceOptions> options)
{
    public async Task<DeviceEnrolment> HandleAsync(Guid hallId, CreateDeviceRequest request, Guid adminUserId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, adminUserId, ct);
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
            throw DomainException.Required("kind");
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            throw DomainException.Required("name");
        if (name.Length > Device.MaxNameLength)
            throw DomainException.Invalid("name", ErrorCodes.TooLong, "name", Device.MaxNameLength);
        var zoneCounters = Device.NormalizeZoneCounters(request.ZoneCounters);
        if (kind != DeviceKind.Display && (zoneCounters is not null || request.ZoneDepartmentId is not null))
            throw DomainException.Invalid("zoneCounters", DeviceErrorCodes.ZoneOnlyForDisplay);
        if (zoneCounters is not null && request.ZoneDepartmentId is not null)
            throw DomainException.Invalid("zoneCounters", DeviceErrorCodes.ZoneInvalid);
        Guid? counterId = null;
        if (kind == DeviceKind.RatingPad)
        {
            counterId = request.CounterId ?? throw DomainException.Invalid("counterId", DeviceErrorCodes.CounterRequired);
            if (!await db.Counters.AnyAsync(c => c.Id == counterId && c.HallId == hallId, ct))
                throw DomainException.NotFound(ErrorCodes.CounterNotFound);
        }
        if (request.ZoneDepartmentId is { } department && !await db.Departments.AnyAsync(d => d.Id == department && d.HallId == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.DepartmentNotFound);

        var now = time.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7(now);
        var code = EnrolmentCode.New();
        var device = new Device
        {
            Id = id, HallId = hallId, Kind = kind, Name = name, CounterId = counterId,
            ZoneDepartmentId = kind == DeviceKind.Display ? request.ZoneDepartmentId : null, ZoneCounters = zoneCounters,
            CreatedAt = now, EnrolmentCodeHash = EnrolmentCode.Hash(code),
            EnrolmentCodeExpiresAt = now.AddMinutes(options.Value.EnrolmentCodeMinutes),
        };
        await using var write = await db.BeginWriteAsync(ct);
        var account = new User { UserName = $"device-{id:N}", DisplayName = name, HallId = hallId, LockoutEnabled = true };
        Check(await users.CreateAsync(account));
        Check(await users.AddToRoleAsync(account, RoleOf(kind)));
        device.UserId = account.Id;
        db.Devices.Add(device);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        var view = (await ListDevices.QueryAsync(db, hallId, now, options.Value, ct)).First(d => d.Id == id);
        return new DeviceEnrolment(view, code, device.EnrolmentCodeExpiresAt.Value);
    }

    public static string RoleOf(DeviceKind kind) => kind switch
    {
        DeviceKind.Kiosk => Roles.Kiosk,
        DeviceKind.Display => Roles.Display,
        _ => Roles.RatingPad,
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
