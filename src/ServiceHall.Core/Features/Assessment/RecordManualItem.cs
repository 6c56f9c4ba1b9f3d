using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Assessment;

public sealed record ManualItemRequest(AssessmentScope? Scope, Guid? UnitId, ManualItemKind? Kind, double? Points, string? Reason, DateOnly? Day);

public sealed record RemoveManualItemRequest(string? Reason);

/// <summary>
/// Manual items (training and 模拟接待 results, 仪容仪表 checks, commendations): points with a reason, recorded by a
/// supervisor or administrator of the hall for a day of an open month, audited; removed only with a reason, never deleted.
/// </summary>
public sealed class RecordManualItem(HallDbContext db, TimeProvider time)
{
    public async Task<AssessmentManualItem> HandleAsync(Guid hallId, Guid userId, ManualItemRequest request, CancellationToken ct)
    {
        var scope = request.Scope is { } s && Enum.IsDefined(s) ? s : throw DomainException.Required("scope");
        var unitId = request.UnitId ?? throw DomainException.Required("unitId");
        var kind = request.Kind is { } k && Enum.IsDefined(k) ? k : throw DomainException.Required("kind");
        var points = AssessmentUnits.Points(request.Points);
        var reason = Reasons.Require(request.Reason, "reason");
        var day = request.Day ?? throw DomainException.Required("day");
        await HallAccess.EnsureAsync(db, hallId, userId, ct);
        var today = await AssessmentMonths.TodayAsync(db, time, hallId, ct);
        if (day > today || day < today.AddYears(-1))
            throw DomainException.Invalid("day", ErrorCodes.InvalidDate);
        await AssessmentUnits.EnsureAsync(db, hallId, scope, unitId, ct);

        var now = time.GetUtcNow().UtcDateTime;
        var item = new AssessmentManualItem
        {
            Id = Guid.CreateVersion7(), HallId = hallId, Scope = scope, UnitId = unitId, Kind = kind, Points = points, Reason = reason, Day = day,
            RecordedByUserId = userId, RecordedAt = now,
        };
        await using var write = await db.BeginWriteAsync(ct);
        await AssessmentUnits.EnsureOpenAsync(db, hallId, day.Year, day.Month, ct);
        db.AssessmentManualItems.Add(item);
        db.AssessmentEvents.Add(new AssessmentEvent
        {
            HallId = hallId, Action = AssessmentAction.ManualItemRecorded, Year = day.Year, Month = day.Month, UserId = userId, At = now,
            Detail = UpdateAssessmentWeights.Truncate($"{scope} {unitId} {kind} {points:+0.#;-0.#} {day:yyyy-MM-dd}: {reason}"),
        });
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return item;
    }
}

/// <summary>A manual item of an open month is taken back with a reason; it stays on record, marked removed.</summary>
public sealed class RemoveManualItem(HallDbContext db, TimeProvider time)
{
    public async Task<AssessmentManualItem> HandleAsync(Guid hallId, Guid itemId, Guid userId, RemoveManualItemRequest request, CancellationToken ct)
    {
        var reason = Reasons.Require(request.Reason, "reason");
        await HallAccess.EnsureAsync(db, hallId, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        var item = await db.AssessmentManualItems.FirstOrDefaultAsync(i => i.Id == itemId && i.HallId == hallId, ct)
            ?? throw DomainException.NotFound(AssessmentErrors.ManualItemNotFound);
        if (item.RemovedAt is not null)
            throw DomainException.Conflict(AssessmentErrors.ManualItemRemoved);
        await AssessmentUnits.EnsureOpenAsync(db, hallId, item.Day.Year, item.Day.Month, ct);
        item.RemovedAt = now;
        item.RemovedByUserId = userId;
        item.RemovalReason = reason;
        db.AssessmentEvents.Add(new AssessmentEvent
        {
            HallId = hallId, Action = AssessmentAction.ManualItemRemoved, Year = item.Day.Year, Month = item.Day.Month, UserId = userId, At = now,
            Detail = UpdateAssessmentWeights.Truncate($"{item.Id}: {reason}"),
        });
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return item;
    }
}

/// <summary>Checks shared by the use cases that write to a month.</summary>
public static class AssessmentUnits
{
    public static double Points(double? points)
    {
        var value = points ?? throw DomainException.Required("points");
        if (double.IsNaN(value) || value == 0 || Math.Abs(value) > AssessmentRules.MaxManualPoints)
            throw DomainException.Invalid("points", ErrorCodes.OutOfRange, "points", -AssessmentRules.MaxManualPoints, AssessmentRules.MaxManualPoints);
        return AssessmentRules.Round(value);
    }

    /// <summary>The unit must be the hall's own staff member, counter or department.</summary>
    public static async Task EnsureAsync(HallDbContext db, Guid hallId, AssessmentScope scope, Guid unitId, CancellationToken ct)
    {
        var exists = scope switch
        {
            AssessmentScope.Staff => await db.Users.Where(HallMembers.In(db, hallId)).AnyAsync(u => u.Id == unitId, ct),
            AssessmentScope.Counter => await db.Counters.AnyAsync(c => c.Id == unitId && c.HallId == hallId, ct),
            _ => await db.Departments.AnyAsync(d => d.Id == unitId && d.HallId == hallId, ct),
        };
        if (!exists)
            throw DomainException.Invalid("unitId", AssessmentErrors.UnitNotFound);
    }

    public static async Task EnsureOpenAsync(HallDbContext db, Guid hallId, int year, int month, CancellationToken ct)
    {
        if (await db.AssessmentClosedMonths.AnyAsync(c => c.HallId == hallId && c.Year == year && c.Month == month, ct))
            throw DomainException.Conflict(AssessmentErrors.MonthClosed);
    }
}
