using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Priorities;
using ServiceHall.Core.Features.Statistics;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Standards;

/// <summary>Claims checked in one category at one counter on one day.</summary>
public sealed record ClaimFigureRow(DateOnly Day, Guid CategoryId, string CategoryZh, string CategoryEn, Guid CounterId, int CounterNumber,
    int Verified, int Downgraded);

/// <summary>One downgrade with its reason (ID and mobile numbers masked), ticket, counter and staff member.</summary>
public sealed record ClaimDowngradeView(DateOnly Day, DateTime At, string TicketNumber, string CategoryZh, string CategoryEn, int CounterNumber,
    string StaffName, string Reason);

public sealed record PriorityClaimFigures(Guid HallId, DateOnly From, DateOnly To, List<ClaimFigureRow> Rows, List<ClaimDowngradeView> Downgrades)
{
    public int Verified => Rows.Sum(r => r.Verified);
    public int Downgraded => Rows.Sum(r => r.Downgraded);
}

/// <summary>
/// Q2 fairness, beside the calls out of order: the priority claims checked at the counters — verified and downgraded
/// per category, counter and day, and each downgrade with its reason — from the checks themselves (a few rows a day).
/// </summary>
public sealed class GetPriorityClaimFigures(HallDbContext db)
{
    /// <param name="to">The last day, included; the span as the statistics allow it (<see cref="StatisticsPeriod"/>).</param>
    public async Task<PriorityClaimFigures> HandleAsync(Guid hallId, Guid readerId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var period = StatisticsPeriod.Of(from, to);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var checks = await db.Set<PriorityClaimCheck>().AsNoTracking()
            .Where(c => c.HallId == hallId && c.BusinessDay >= period.From && c.BusinessDay <= period.To)
            .Join(db.Tickets, c => c.TicketId, t => t.Id, (c, t) => new { c.BusinessDay, c.At, c.CategoryId, c.CounterId, c.UserId, c.Downgraded, c.Reason, t.Number })
            .ToListAsync(ct);
        var categories = await db.Set<PriorityCategory>().AsNoTracking().Where(c => c.HallId == hallId)
            .ToDictionaryAsync(c => c.Id, ct);
        var counters = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var userIds = checks.Where(c => c.Downgraded).Select(c => c.UserId).Distinct().ToList();
        var staff = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var rows = checks.GroupBy(c => (c.BusinessDay, c.CategoryId, c.CounterId))
            .Select(g => new ClaimFigureRow(g.Key.BusinessDay, g.Key.CategoryId, categories[g.Key.CategoryId].NameZh, categories[g.Key.CategoryId].NameEn,
                g.Key.CounterId, counters.GetValueOrDefault(g.Key.CounterId), g.Count(c => !c.Downgraded), g.Count(c => c.Downgraded)))
            .OrderBy(r => r.Day).ThenBy(r => categories[r.CategoryId].SortOrder).ThenBy(r => r.CounterNumber).ToList();
        var downgrades = checks.Where(c => c.Downgraded).OrderBy(c => c.At)
            .Select(c => new ClaimDowngradeView(c.BusinessDay, c.At, c.Number, categories[c.CategoryId].NameZh, categories[c.CategoryId].NameEn,
                counters.GetValueOrDefault(c.CounterId), staff.GetValueOrDefault(c.UserId) ?? "", c.Reason ?? ""))
            .ToList();
        return new PriorityClaimFigures(hallId, period.From, period.To, rows, downgrades);
    }
}
