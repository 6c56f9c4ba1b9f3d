using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Staffing;

public sealed record StaffingSettingsRequest(int? TargetPercent, int? TargetWaitMinutes, int? HistoryWeeks);

/// <summary>
/// A supervisor sets the hall's staffing target: 50–99 % called within 1–120 minutes, judged on 1–26 weeks
/// (100 % is no target a queue can promise; half a year of history is enough for any season).
/// </summary>
public sealed class UpdateStaffingSettings(HallDbContext db, TimeProvider time)
{
    public async Task<StaffingTarget> GetAsync(Guid hallId, Guid readerId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        return await ReadAsync(db, hallId, ct);
    }

    public static async Task<StaffingTarget> ReadAsync(HallDbContext db, Guid hallId, CancellationToken ct) =>
        StaffingTarget.From(await db.HallStaffingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.HallId == hallId, ct));

    public async Task<StaffingTarget> HandleAsync(Guid hallId, Guid userId, StaffingSettingsRequest request, CancellationToken ct)
    {
        var percent = Range(request.TargetPercent, "targetPercent", 50, 99);
        var wait = Range(request.TargetWaitMinutes, "targetWaitMinutes", 1, 120);
        var weeks = Range(request.HistoryWeeks, "historyWeeks", 1, 26);
        await HallAccess.EnsureAsync(db, hallId, userId, ct);

        await using var write = await db.BeginWriteAsync(ct);
        var settings = await db.HallStaffingSettings.FirstOrDefaultAsync(s => s.HallId == hallId, ct);
        if (settings is null)
            db.HallStaffingSettings.Add(settings = new HallStaffingSettings { HallId = hallId });
        settings.TargetPercent = percent;
        settings.TargetWaitMinutes = wait;
        settings.HistoryWeeks = weeks;
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        settings.UpdatedByUserId = userId;
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return StaffingTarget.From(settings);
    }

    internal static int Range(int? value, string field, int min, int max) =>
        value is not { } v ? throw DomainException.Required(field)
        : v < min || v > max ? throw DomainException.Invalid(field, ErrorCodes.OutOfRange, field, min, max)
        : v;
}
