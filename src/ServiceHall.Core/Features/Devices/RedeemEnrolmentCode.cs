using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Devices;

/// <summary>What the web layer needs to sign the device in and send it to its page.</summary>
public sealed record RedeemedDevice(Guid DeviceId, Guid UserId, DeviceKind Kind, string HomePath);

/// <summary>
/// The device opens its enrolment link: the code is used up (a conditional update, so two devices racing
/// with one code cannot both win), and the caller signs the device's account in with a lasting cookie.
/// </summary>
public sealed class RedeemEnrolmentCode(HallDbContext db, TimeProvider time)
{
    public async Task<RedeemedDevice> HandleAsync(string? typedCode, CancellationToken ct)
    {
        var code = EnrolmentCode.Normalize(typedCode) ?? throw DomainException.Invalid("code", DeviceErrorCodes.EnrolmentCodeInvalid);
        var hash = EnrolmentCode.Hash(code);
        var now = time.GetUtcNow().UtcDateTime;
        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.EnrolmentCodeHash == hash, ct);
        if (device is null || device.RevokedAt is not null || device.EnrolmentCodeExpiresAt is not { } expires || expires < now)
            throw DomainException.Invalid("code", DeviceErrorCodes.EnrolmentCodeInvalid);
        await using var write = await db.BeginWriteAsync(ct);
        var used = await db.Devices
            .Where(d => d.Id == device.Id && d.EnrolmentCodeHash == hash && d.RevokedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.EnrolmentCodeHash, (string?)null)
                .SetProperty(d => d.EnrolmentCodeExpiresAt, (DateTime?)null)
                .SetProperty(d => d.EnrolledAt, now)
                .SetProperty(d => d.LastSeenAt, now), ct);
        if (used != 1)
            throw DomainException.Invalid("code", DeviceErrorCodes.EnrolmentCodeInvalid);
        await write.CommitAsync(ct);
        return new RedeemedDevice(device.Id, device.UserId, device.Kind, device.HomePath());
    }
}
