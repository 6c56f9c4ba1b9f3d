using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Devices;

public enum DeviceState
{
    /// <summary>Created, its code not yet used.</summary>
    Pending,
    Online,
    Offline,
    Revoked,
}

public sealed record DeviceView(Guid Id, Guid HallId, DeviceKind Kind, string Name, Guid? CounterId, int? CounterNumber,
    Guid? ZoneDepartmentId, string? ZoneDepartmentName, string? ZoneCounters, DeviceState State, DateTime CreatedAt,
    DateTime? EnrolledAt, DateTime? LastSeenAt, DateTime? RevokedAt, DateTime? EnrolmentCodeExpiresAt, string HomePath);

/// <summary>A hall's devices with their state (S8): online when seen within <see cref="DeviceOptions.OnlineSeconds"/>.</summary>
public sealed class ListDevices(HallDbContext db, TimeProvider time, IOptions<DeviceOptions> options)
{
    public async Task<IReadOnlyList<DeviceView>> HandleAsync(Guid hallId, Guid userId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, userId, ct);
        return await QueryAsync(db, hallId, time.GetUtcNow().UtcDateTime, options.Value, ct);
    }

    internal static async Task<IReadOnlyList<DeviceView>> QueryAsync(HallDbContext db, Guid hallId, DateTime now, DeviceOptions options,
        CancellationToken ct)
    {
        var rows = await db.Devices.AsNoTracking().Where(d => d.HallId == hallId)
            .Select(d => new
            {
                Device = d,
                CounterNumber = db.Counters.Where(c => c.Id == d.CounterId).Select(c => (int?)c.Number).FirstOrDefault(),
                Department = db.Departments.Where(x => x.Id == d.ZoneDepartmentId).Select(x => x.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var onlineSince = now.AddSeconds(-options.OnlineSeconds);
        return rows
            .OrderBy(r => r.Device.RevokedAt is not null).ThenBy(r => r.Device.Kind).ThenBy(r => r.Device.Name, StringComparer.Ordinal)
            .Select(r =>
            {
                var d = r.Device;
                var state = d.RevokedAt is not null ? DeviceState.Revoked
                    : d.EnrolledAt is null ? DeviceState.Pending
                    : d.LastSeenAt >= onlineSince ? DeviceState.Online
                    : DeviceState.Offline;
                var codeExpires = d.EnrolmentCodeExpiresAt > now ? d.EnrolmentCodeExpiresAt : null;
                return new DeviceView(d.Id, d.HallId, d.Kind, d.Name, d.CounterId, r.CounterNumber, d.ZoneDepartmentId, r.Department,
                    d.ZoneCounters, state, d.CreatedAt, d.EnrolledAt, d.LastSeenAt, d.RevokedAt, codeExpires, d.HomePath());
            })
            .ToList();
    }
}
