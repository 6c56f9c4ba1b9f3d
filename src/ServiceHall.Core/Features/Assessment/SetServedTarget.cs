using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Assessment;

/// <summary>The hall's target of tickets served per staff member and working day attended; null to score against the month's best.</summary>
public sealed record ServedTargetRequest(int? PerDay);

public sealed record ServedTargetView(int? PerDay);

/// <summary>
/// Supervisors and administrators of the hall set its own target for tickets served (ADR-024): so many per staff member and
/// working day attended, or none (the month's best). Checked before anything is written, kept in the audit trail with the
/// old and new target; open months are scored with it at once, closed months keep the one in their snapshot.
/// </summary>
public sealed class SetServedTarget(HallDbContext db, TimeProvider time)
{
    public async Task<ServedTargetView> GetAsync(Guid hallId, Guid readerId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        return new ServedTargetView(await GetAssessment.ServedTargetAsync(db, hallId, ct));
    }

    public async Task<ServedTargetView> HandleAsync(Guid hallId, Guid userId, ServedTargetRequest request, CancellationToken ct)
    {
        if (request.PerDay is < 1 or > AssessmentRules.MaxServedPerDay)
            throw DomainException.Invalid("perDay", ErrorCodes.OutOfRange, "perDay", 1, AssessmentRules.MaxServedPerDay);
        await HallAccess.EnsureAsync(db, hallId, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = await AssessmentMonths.TodayAsync(db, time, hallId, ct);
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var row = await db.AssessmentServedTargets.FirstOrDefaultAsync(t => t.HallId == hallId, ct);
            var before = row?.PerDay;
            if (before != request.PerDay)
            {
                if (request.PerDay is not { } perDay)
                    db.AssessmentServedTargets.Remove(row!);
                else
                {
                    if (row is null)
                        db.AssessmentServedTargets.Add(row = new AssessmentServedTarget { HallId = hallId });
                    row.PerDay = perDay;
                    row.UpdatedAt = now;
                    row.UpdatedByUserId = userId;
                }
                db.AssessmentEvents.Add(new AssessmentEvent
                {
                    HallId = hallId, Action = AssessmentAction.ServedTargetChanged, Year = today.Year, Month = today.Month, UserId = userId, At = now,
                    Detail = $"TicketsServed target {before?.ToString() ?? "none"}→{request.PerDay?.ToString() ?? "none"}",
                });
                await db.SaveChangesAsync(ct);
            }
            await write.CommitAsync(ct);
        }
        return new ServedTargetView(await GetAssessment.ServedTargetAsync(db, hallId, ct));
    }
}
