using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Devices;

/// <summary>
/// A fresh one-time code for a device (the first expired, or the device is replaced): the previous code
/// stops working. A revoked device gets none: it is created anew.
/// </summary>
public sealed class IssueEnrolmentCode(HallDbContext db, TimeProvider time, IOptions<DeviceOptions> options)
{
    public async Task<DeviceEnrolment> HandleAsync(Guid deviceId, Guid adminUserId, CancellationToken ct)
    {
        var device = await db.Devices.FirstOrDefaultAsync(d => d.Id == deviceId, ct)
            ?? throw DomainException.NotFound(DeviceErrorCodes.NotFound);
        await HallAccess.EnsureAsync(db, device.HallId, adminUserId, ct);
        if (device.RevokedAt is not null)
            throw DomainException.Conflict(DeviceErrorCodes.AlreadyRevoked);
        var now = time.GetUtcNow().UtcDateTime;
        var code = EnrolmentCode.New();
        device.EnrolmentCodeHash = EnrolmentCode.Hash(code);
        device.EnrolmentCodeExpiresAt = now.AddMinutes(options.Value.EnrolmentCodeMinutes);
        await using var write = await db.BeginWriteAsync(ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        var view = (await ListDevices.QueryAsync(db, device.HallId, now, options.Value, ct)).First(d => d.Id == deviceId);
        return new DeviceEnrolment(view, code, device.EnrolmentCodeExpiresAt.Value);
    }
}
