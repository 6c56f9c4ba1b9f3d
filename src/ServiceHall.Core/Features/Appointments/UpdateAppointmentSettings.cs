using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Staffing;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Appointments;

public sealed record AppointmentSettingsRequest(int? HeldPercent, TimeOnly? HeldReleaseAt, int? ElderlyAge, int? CancelBeforeMinutes,
    int? CheckInEarlyMinutes, int? CheckInLateMinutes, int? NoShowLimit, int? NoShowWindowDays, int? BlockDays);

/// <summary>A supervisor sets the hall's appointment rules (Q8): the held share and its release, cancelling, check-in, 爽约.</summary>
public sealed class UpdateAppointmentSettings(HallDbContext db, TimeProvider time)
{
    public async Task<AppointmentRules> GetAsync(Guid hallId, Guid readerId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        return await ReadAsync(db, hallId, ct);
    }

    public static async Task<AppointmentRules> ReadAsync(HallDbContext db, Guid hallId, CancellationToken ct) =>
        AppointmentRules.From(await db.HallAppointmentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.HallId == hallId, ct));

    public async Task<AppointmentRules> HandleAsync(Guid hallId, Guid userId, AppointmentSettingsRequest request, CancellationToken ct)
    {
        var held = UpdateStaffingSettings.Range(request.HeldPercent, "heldPercent", 0, 100);
        var release = request.HeldReleaseAt ?? throw DomainException.Required("heldReleaseAt");
        var elderly = UpdateStaffingSettings.Range(request.ElderlyAge, "elderlyAge", 50, 100);
        var cancel = UpdateStaffingSettings.Range(request.CancelBeforeMinutes, "cancelBeforeMinutes", 0, 7 * 24 * 60);
        var early = UpdateStaffingSettings.Range(request.CheckInEarlyMinutes, "checkInEarlyMinutes", 0, 240);
        var late = UpdateStaffingSettings.Range(request.CheckInLateMinutes, "checkInLateMinutes", 0, 240);
        // A limit of 0 switches the 爽约 rule off.
        var limit = UpdateStaffingSettings.Range(request.NoShowLimit, "noShowLimit", 0, 20);
        var window = UpdateStaffingSettings.Range(request.NoShowWindowDays, "noShowWindowDays", 1, 366);
        var block = UpdateStaffingSettings.Range(request.BlockDays, "blockDays", 1, 366);
        await HallAccess.EnsureAsync(db, hallId, userId, ct);

        await using var write = await db.BeginWriteAsync(ct);
        var settings = await db.HallAppointmentSettings.FirstOrDefaultAsync(s => s.HallId == hallId, ct);
        if (settings is null)
            db.HallAppointmentSettings.Add(settings = new HallAppointmentSettings { HallId = hallId });
        settings.HeldPercent = held;
        settings.HeldReleaseAt = new TimeOnly(release.Hour, release.Minute);
        settings.ElderlyAge = elderly;
        settings.CancelBeforeMinutes = cancel;
        settings.CheckInEarlyMinutes = early;
        settings.CheckInLateMinutes = late;
        settings.NoShowLimit = limit;
        settings.NoShowWindowDays = window;
        settings.BlockDays = block;
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        settings.UpdatedByUserId = userId;
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return AppointmentRules.From(settings);
    }
}
