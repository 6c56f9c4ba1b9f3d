using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Complaints;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Statistics;

/// <summary>Complaints registered in one month of the hall (<c>2026-11</c>).</summary>
public sealed record ComplaintMonth(string Month, int Count, int Replied, int Closed);

/// <summary>
/// One complaint of the period as the statistics list it, for the drill-down: no complainant, only what the
/// complaint is about. <paramref name="Counted"/> is false for complaints marked duplicate or malicious.
/// </summary>
public sealed record ComplaintStatisticsRow(Guid Id, string Number, string Title, ComplaintChannel Channel, ComplaintCategory Category,
    ComplaintSubject Subject, Guid? DepartmentId, Guid? CounterId, Guid? StaffUserId, Guid? ServiceItemId, string? SubjectName,
    ComplaintStatus Status, ComplaintDisposition Disposition, DateTime RegisteredAt, string Month, bool Counted);

/// <summary>
/// The complaint statistics of a period: totals, the breakdowns by channel, category, subject kind, department,
/// counter, staff member and item, complaints per month, the recurring issues (热点), and the complaints themselves.
/// Complaints marked duplicate or malicious are listed and in <paramref name="Total"/>, in no other figure (a
/// duplicate is counted once, under the complaint it repeats).
/// </summary>
public sealed record ComplaintStatistics(Guid HallId, string TimeZoneId, DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo,
    int Total, int Counted, int PreviousCounted, int Replied, int Closed, List<ComplaintCount> ByChannel, List<ComplaintCount> ByCategory,
    List<ComplaintCount> BySubject, List<ComplaintCount> ByDepartment, List<ComplaintCount> ByCounter, List<ComplaintCount> ByStaff,
    List<ComplaintCount> ByItem, List<ComplaintMonth> ByMonth, List<ComplaintCount> Hotspots, List<ComplaintStatisticsRow> Complaints);

/// <summary>
/// S2 summarised ("每一个投诉件都应引起重视，及时总结和改进"): the complaints registered in a period of the hall's days,
/// compared with the period of the same length before. A complaint's department is the one of the item or counter it
/// names, otherwise its 承办单位.
/// </summary>
public sealed class GetComplaintStatistics(HallDbContext db)
{
    public async Task<ComplaintStatistics> HandleAsync(Guid hallId, Guid readerId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var period = StatisticsPeriod.Of(from, to);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        var previous = period.Previous;
        var start = previous.StartUtc(clock);
        var middle = period.StartUtc(clock);
        var end = period.EndUtc(clock);

        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.HallId == hallId && c.RegisteredAt >= start && c.RegisteredAt < end)
            .OrderBy(c => c.RegisteredAt)
            .Select(c => new
            {
                c.Id, c.Number, c.Title, c.Channel, c.Category, c.Subject, c.CounterId, c.StaffUserId, c.ServiceItemId,
                c.AssigneeDepartmentId, c.Status, c.Disposition, c.RegisteredAt, Replied = c.RepliedAt != null,
            })
            .ToListAsync(ct);

        var departments = await db.Departments.AsNoTracking().Where(d => d.HallId == hallId).ToDictionaryAsync(d => d.Id, d => LocalNames.Of(d.Name, d.NameEn), ct);
        var counters = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId)
            .ToDictionaryAsync(c => c.Id, c => new { Name = LocalNames.Of(c.Name, c.NameEn), c.DepartmentId }, ct);
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId)
            .ToDictionaryAsync(i => i.Id, i => new { Name = LocalNames.Of(i.Name, i.NameEn), i.DepartmentId }, ct);
        var staffIds = complaints.Select(c => c.StaffUserId).OfType<Guid>().Distinct().ToList();
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.BadgeNumber }).ToDictionaryAsync(u => u.Id, u => Punctuation.WithDetail(u.DisplayName, u.BadgeNumber), ct);

        Guid? DepartmentOf(Guid? counterId, Guid? itemId, Guid? assigned) =>
            (itemId is { } i && items.TryGetValue(i, out var item) ? (Guid?)item.DepartmentId : null)
            ?? (counterId is { } c && counters.TryGetValue(c, out var counter) ? counter.DepartmentId : null)
            ?? assigned;
        string? SubjectName(ComplaintSubject subject, Guid? counterId, Guid? staffId, Guid? itemId) => subject switch
        {
            ComplaintSubject.Counter when counterId is { } c => counters.GetValueOrDefault(c)?.Name,
            ComplaintSubject.Staff when staffId is { } s => staff.GetValueOrDefault(s),
            ComplaintSubject.ServiceItem when itemId is { } i => items.GetValueOrDefault(i)?.Name,
            _ => null,
        };

        var rows = complaints.Select(c =>
        {
            var local = clock.ToLocal(c.RegisteredAt);
            return new
            {
                InPeriod = c.RegisteredAt >= middle,
                c.Replied,
                Facts = new ComplaintFacts(c.Channel, c.Category, c.Subject, DepartmentOf(c.CounterId, c.ServiceItemId, c.AssigneeDepartmentId),
                    c.CounterId, c.StaffUserId, c.ServiceItemId),
                Row = new ComplaintStatisticsRow(c.Id, c.Number, c.Title, c.Channel, c.Category, c.Subject,
                    DepartmentOf(c.CounterId, c.ServiceItemId, c.AssigneeDepartmentId), c.CounterId, c.StaffUserId, c.ServiceItemId,
                    SubjectName(c.Subject, c.CounterId, c.StaffUserId, c.ServiceItemId), c.Status, c.Disposition, c.RegisteredAt,
                    local.ToString("yyyy-MM", CultureInfo.InvariantCulture), c.Disposition == ComplaintDisposition.None),
            };
        }).ToList();
        var current = rows.Where(r => r.InPeriod).ToList();
        var counted = current.Where(r => r.Row.Counted).Select(r => r.Facts).ToList();
        var before = rows.Where(r => !r.InPeriod && r.Row.Counted).Select(r => r.Facts).ToList();

        string? DisplayName(ComplaintDimension dimension, string key) => dimension switch
        {
            ComplaintDimension.Department => departments.GetValueOrDefault(Guid.Parse(key)),
            ComplaintDimension.Counter => counters.GetValueOrDefault(Guid.Parse(key))?.Name,
            ComplaintDimension.Staff => staff.GetValueOrDefault(Guid.Parse(key)),
            ComplaintDimension.Item => items.GetValueOrDefault(Guid.Parse(key))?.Name,
            _ => null,
        };
        List<ComplaintCount> By(ComplaintDimension dimension) =>
            ComplaintHotspots.Count(counted, before, dimension, key => DisplayName(dimension, key));

        // Staff named only in the period before have no name yet: read them too.
        var earlierStaff = before.Select(f => f.StaffUserId).OfType<Guid>().Where(id => !staff.ContainsKey(id)).Distinct().ToList();
        foreach (var u in await db.Users.AsNoTracking().Where(u => earlierStaff.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.BadgeNumber }).ToListAsync(ct))
            staff[u.Id] = Punctuation.WithDetail(u.DisplayName, u.BadgeNumber);

        var byCategory = By(ComplaintDimension.Category);
        var byDepartment = By(ComplaintDimension.Department);
        var byCounter = By(ComplaintDimension.Counter);
        var byStaff = By(ComplaintDimension.Staff);
        var byItem = By(ComplaintDimension.Item);
        var months = period.Months().Select(m => m.From.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        var byMonth = months.Select(m =>
        {
            var inMonth = current.Where(r => r.Row.Month == m && r.Row.Counted).ToList();
            return new ComplaintMonth(m, inMonth.Count, inMonth.Count(r => r.Replied),
                inMonth.Count(r => r.Row.Status == ComplaintStatus.Closed));
        }).ToList();

        return new ComplaintStatistics(hallId, clock.TimeZoneId, period.From, period.To, previous.From, previous.To,
            current.Count, counted.Count, before.Count, current.Count(r => r.Row.Counted && r.Replied),
            current.Count(r => r.Row.Counted && r.Row.Status == ComplaintStatus.Closed),
            By(ComplaintDimension.Channel), byCategory, By(ComplaintDimension.Subject), byDepartment, byCounter, byStaff, byItem, byMonth,
            ComplaintHotspots.Hotspots([.. byCategory, .. byItem, .. byCounter, .. byStaff, .. byDepartment]),
            current.Select(r => r.Row).OrderByDescending(r => r.RegisteredAt).ToList());
    }
}
