using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Staffing;

/// <summary>
/// The counters planned for one weekday, hour by hour (local hours 0–23). A null hour is not planned: the
/// plan then shows the counters open at that hour in the history weeks.
/// </summary>
public sealed record PlannedCountersRequest(DayOfWeek? Weekday, List<PlannedHour>? Hours);

/// <summary>One hour of a weekday's plan; <see cref="Counters"/> null clears it.</summary>
public sealed record PlannedHour(int? Hour, int? Counters);

/// <summary>A weekday's planned counters as stored: hour → counters.</summary>
public sealed record PlannedWeekday(DayOfWeek Weekday, Dictionary<int, int> Hours);

/// <summary>A supervisor plans how many counters the hall opens each hour of a weekday (B1, "在繁忙时段，应该增加服务窗口").</summary>
public sealed class SetPlannedCounters(HallDbContext db, TimeProvider time)
{
    /// <summary>More than a hall has is allowed (a plan may count counters still to be set up), within reason.</summary>
    public const int MaxCounters = 500;

    public async Task<PlannedWeekday> HandleAsync(Guid hallId, Guid userId, PlannedCountersRequest request, CancellationToken ct)
    {
        var weekday = request.Weekday is { } d && Enum.IsDefined(d) ? d : throw DomainException.Required("weekday");
        var hours = request.Hours ?? throw DomainException.Required("hours");
        var changes = new Dictionary<int, int?>();
        foreach (var entry in hours)
        {
            var hour = UpdateStaffingSettings.Range(entry.Hour, "hour", 0, 23);
            changes[hour] = entry.Counters is { } c ? UpdateStaffingSettings.Range(c, "plannedCounters", 0, MaxCounters) : null;
        }
        await HallAccess.EnsureAsync(db, hallId, userId, ct);

        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        var stored = await db.PlannedCounters.Where(p => p.HallId == hallId && p.Weekday == weekday).ToDictionaryAsync(p => p.Hour, ct);
        foreach (var (hour, counters) in changes)
        {
            stored.TryGetValue(hour, out var row);
            if (counters is null)
            {
                if (row is not null)
                    db.PlannedCounters.Remove(row);
                continue;
            }
            if (row is null)
                db.PlannedCounters.Add(row = new PlannedCounters { HallId = hallId, Weekday = weekday, Hour = hour });
            row.Counters = counters.Value;
            row.UpdatedAt = now;
            row.UpdatedByUserId = userId;
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return await ReadAsync(hallId, weekday, ct);
    }

    public async Task<PlannedWeekday> GetAsync(Guid hallId, Guid readerId, DayOfWeek weekday, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        return await ReadAsync(hallId, weekday, ct);
    }

    private async Task<PlannedWeekday> ReadAsync(Guid hallId, DayOfWeek weekday, CancellationToken ct) =>
        new(weekday, await db.PlannedCounters.AsNoTracking().Where(p => p.HallId == hallId && p.Weekday == weekday)
            .ToDictionaryAsync(p => p.Hour, p => p.Counters, ct));
}
