using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Halls;

public sealed record HallView(Guid Id, string Name, string? Address, string TimeZoneId, TimeOnly OpensAt,
    TimeOnly ClosesAt, TimeOnly IssueCutoff, PriorityPolicy PriorityPolicy, string? NoticeLine);

public sealed record ServiceItemView(Guid Id, Guid DepartmentId, string DepartmentName, string Name, string Prefix,
    int MaxWaiting, int MaxWaitMinutes, int AverageServiceMinutes, Guid[] CounterIds);

/// <summary>The public reads kiosks, displays and phones need: halls, items, counters.</summary>
public sealed class ListHalls(HallDbContext db)
{
    public Task<List<HallView>> HandleAsync(CancellationToken ct) =>
        db.Halls.AsNoTracking().OrderBy(h => h.Name)
            .Select(h => new HallView(h.Id, h.Name, h.Address, h.TimeZoneId, h.OpensAt, h.ClosesAt, h.IssueCutoff,
                h.PriorityPolicy, h.NoticeLine))
            .ToListAsync(ct);
}

public sealed class ListServiceItems(HallDbContext db)
{
    public async Task<List<ServiceItemView>> HandleAsync(Guid hallId, CancellationToken ct)
    {
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        return await db.ServiceItems.AsNoTracking()
            .Where(i => i.HallId == hallId && i.IsActive)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Prefix)
            .Select(i => new ServiceItemView(i.Id, i.DepartmentId,
                db.Departments.Where(d => d.Id == i.DepartmentId).Select(d => d.Name).First(),
                i.Name, i.Prefix, i.MaxWaiting, i.MaxWaitMinutes, i.AverageServiceMinutes,
                i.Counters.Select(c => c.CounterId).ToArray()))
            .ToListAsync(ct);
    }
}

public sealed class ListCounters(HallDbContext db)
{
    public async Task<List<CounterStatusView>> HandleAsync(Guid hallId, CancellationToken ct)
    {
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var counters = await db.Counters.AsNoTracking().Include(c => c.ServiceItems)
            .Where(c => c.HallId == hallId && c.IsActive).OrderBy(c => c.Number).ToListAsync(ct);
        var sessions = await db.CounterSessions.AsNoTracking()
            .Where(s => s.HallId == hallId && s.ClosedAt == null).ToListAsync(ct);
        var staffIds = sessions.Select(s => s.UserId).ToList();
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        // What each counter has called: a display opened mid-day shows the hall as it is.
        var current = await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.CounterId != null && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .Select(t => new { CounterId = t.CounterId!.Value, t.Number, t.Status })
            .ToListAsync(ct);
        return counters.Select(c =>
        {
            var session = sessions.FirstOrDefault(s => s.CounterId == c.Id);
            var ticket = current.FirstOrDefault(t => t.CounterId == c.Id);
            return CounterStatusView.From(c, session, session is null ? null : staff.GetValueOrDefault(session.UserId),
                ticket?.Number, ticket?.Status == TicketStatus.Serving);
        }).ToList();
    }
}
