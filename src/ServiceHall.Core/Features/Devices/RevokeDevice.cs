using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Devices;

/// <summary>
/// Stops a device (lost, stolen, replaced): the device gate refuses its account from the next request
/// on this node and within its cache time on others; the account is locked and its security stamp
/// changed, so no password or earlier token of it works either. Not undone: a device is created anew.
/// </summary>
public sealed class RevokeDevice(HallDbContext db, UserManager<User> users, TimeProvider time)
{
    public async Task<Device> HandleAsync(Guid deviceId, Guid adminUserId, CancellationToken ct)
    {
        var device = await db.Devices.FirstOrDefaultAsync(d => d.Id == deviceId, ct)
            ?? throw DomainException.NotFound(DeviceErrorCodes.NotFound);
        await HallAccess.EnsureAsync(db, device.HallId, adminUserId, ct);
        if (device.RevokedAt is not null)
            throw DomainException.Conflict(DeviceErrorCodes.AlreadyRevoked);
        device.RevokedAt = time.GetUtcNow().UtcDateTime;
        device.EnrolmentCodeHash = null;
        device.EnrolmentCodeExpiresAt = null;
        await using var write = await db.BeginWriteAsync(ct);
        await db.SaveChangesAsync(ct);
        if (await users.FindByIdAsync(device.UserId.ToString()) is { } account)
        {
            await users.SetLockoutEnabledAsync(account, true);
            await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(account);
        }
        await write.CommitAsync(ct);
        return device;
    }
}
