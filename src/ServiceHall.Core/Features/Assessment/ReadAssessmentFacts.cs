using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Attendance;
using ServiceHall.Core.Features.Conduct;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.Core.Features.Standards;

namespace ServiceHall.Core.Features.Assessment;

/// <summary>A staff member, counter or department that gets a monthly score.</summary>
public sealed record AssessmentUnit(AssessmentScope Scope, Guid Id, string Name, string? BadgeNumber);

/// <summary>
/// One record behind a figure (the drill-down). Its fields by indicator: tickets — <see cref="Reference"/> the number,
/// <see cref="Value"/> minutes served or waited, <see cref="Standard"/> the item's standard or target minutes; ratings —
/// <see cref="Detail"/> the level, <see cref="Text"/> the comment (as stored: personal numbers masked); complaints — the
/// number, <see cref="Detail"/> the category and <see cref="Text"/> the title; findings — the ticket and phrase; attendance —
/// the day, <see cref="Detail"/> the status and minutes late or early; cards — the day, the rule, figure and threshold.
/// </summary>
public sealed record AssessmentRecord(AssessmentIndicator Indicator, Guid? Id, string Reference, DateTime? At, DateOnly? Day, string? Item,
    double? Value, double? Standard, string? Detail, string? Text);

/// <summary>A record counted for an indicator, with the staff member, counter and department it counts for.</summary>
public sealed record AssessmentFact(Guid? Staff, Guid? Counter, Guid? Department, AssessmentRecord Record)
{
    public Guid? UnitOf(AssessmentScope scope) => scope switch
    {
        AssessmentScope.Staff => Staff,
        AssessmentScope.Counter => Counter,
        _ => Department,
    };
}

/// <summary>Everything a hall's month is scored from: its units and the records of every indicator.</summary>
public sealed record AssessmentFacts(List<AssessmentUnit> Units, List<AssessmentFact> Facts);

/// <summary>
/// Reads a hall's month for the assessment (S7), by the hall's days: tickets by the time they were finished (served,
/// service time) or called (waits), ratings by the service they rate (a late rating counts in the month served),
/// upheld complaints and confirmed findings by when they were registered or found, attendance (S3) and cards (S9,
/// by the day of the breach, as <see cref="CountStandardCards"/> counts them). With <paramref name="asOf"/> (a closed
/// month's drill-down) it leaves out what was recorded after that time.
/// </summary>
public sealed class ReadAssessmentFacts(HallDbContext db, GetMonthlyAttendance attendance)
{
    public async Task<AssessmentFacts> ReadAsync(Guid hallId, Guid readerId, int year, int month, DateTime? asOf, CancellationToken ct)
    {
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        var start = clock.ToUtc(first, TimeOnly.MinValue);
        var end = clock.ToUtc(next, TimeOnly.MinValue);
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId)
            .ToDictionaryAsync(i => i.Id, i => new { i.Name, i.DepartmentId, i.AverageServiceMinutes, i.MaxWaitMinutes }, ct);
        var counterDepartment = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId).ToDictionaryAsync(c => c.Id, c => c.DepartmentId, ct);
        Guid? DepartmentOf(Guid? item, Guid? counter) =>
            item is { } i && items.TryGetValue(i, out var found) ? found.DepartmentId : counter is { } c ? counterDepartment.GetValueOrDefault(c) : null;
        string? ItemName(Guid? item) => item is { } i && items.TryGetValue(i, out var found) ? found.Name : null;
        var facts = new List<AssessmentFact>();

        // Tickets are indexed by business day: a ticket of the month's eve may still have been served (or called) after midnight.
        var fromDay = first.AddDays(-1);
        var served = await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.BusinessDay >= fromDay && t.BusinessDay < next && t.Status == TicketStatus.Done
                && t.FinishedAt >= start && t.FinishedAt < end)
            .Select(t => new
            {
                t.Id, t.Number, t.CounterId, t.ServiceItemId, t.CalledAt, t.StartedAt, t.FinishedAt,
                Staff = db.TicketEvents.Where(e => e.TicketId == t.Id && e.Kind == TicketEventKind.Finished).Select(e => e.UserId).FirstOrDefault()
                    ?? t.CalledByUserId,
            })
            .ToListAsync(ct);
        foreach (var t in served.OrderBy(t => t.FinishedAt))
        {
            var standard = items.TryGetValue(t.ServiceItemId, out var item) ? item.AverageServiceMinutes : 0;
            var minutes = Math.Round((t.FinishedAt!.Value - (t.StartedAt ?? t.CalledAt ?? t.FinishedAt.Value)).TotalMinutes, 1);
            var department = DepartmentOf(t.ServiceItemId, t.CounterId);
            foreach (var indicator in new[] { AssessmentIndicator.TicketsServed, AssessmentIndicator.ServiceTime })
                facts.Add(new(t.Staff, t.CounterId, department, new(indicator, t.Id, t.Number, t.FinishedAt, null, ItemName(t.ServiceItemId),
                    minutes, standard, null, null)));
        }

        var called = await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.BusinessDay >= fromDay && t.BusinessDay < next && t.CalledAt >= start && t.CalledAt < end)
            .Select(t => new { t.Id, t.Number, t.CounterId, t.CalledByUserId, t.ServiceItemId, t.QueuedAt, t.CalledAt }).ToListAsync(ct);
        foreach (var t in called.OrderBy(t => t.CalledAt))
        {
            var target = items.TryGetValue(t.ServiceItemId, out var item) ? item.MaxWaitMinutes : int.MaxValue;
            var waited = (t.CalledAt!.Value - t.QueuedAt).TotalMinutes;
            if (waited > target)
                facts.Add(new(t.CalledByUserId, t.CounterId, DepartmentOf(t.ServiceItemId, t.CounterId), new(AssessmentIndicator.WaitsOverTarget, t.Id,
                    t.Number, t.CalledAt, null, ItemName(t.ServiceItemId), Math.Round(waited, 1), target, null, null)));
        }

        // A rating follows its service: the (hall, rated at) index bounds the read from the month's start.
        var ratingRows = db.Ratings.AsNoTracking()
            .Where(r => r.HallId == hallId && r.RatedAt >= start && r.ServedAt >= start && r.ServedAt < end && r.ExcludedAt == null);
        if (asOf is { } ratedBy)
            ratingRows = ratingRows.Where(r => r.RatedAt <= ratedBy);
        var ratings = await ratingRows.OrderBy(r => r.ServedAt)
            .Select(r => new { r.Id, r.TicketNumber, r.StaffUserId, r.CounterId, r.DepartmentId, r.ServiceItemId, r.Level, r.RatedAt, r.Comment })
            .ToListAsync(ct);
        foreach (var r in ratings)
            facts.Add(new(r.StaffUserId, r.CounterId, r.DepartmentId ?? DepartmentOf(r.ServiceItemId, r.CounterId), new(AssessmentIndicator.Satisfaction,
                r.Id, r.TicketNumber, r.RatedAt, null, ItemName(r.ServiceItemId), Rating.Bad(r.Level) ? 0 : 1, null, Name(r.Level), r.Comment)));

        var complaintRows = db.Complaints.AsNoTracking().Where(c => c.HallId == hallId && c.RegisteredAt >= start && c.RegisteredAt < end && c.Upheld == true);
        if (asOf is { } closedBy)
            complaintRows = complaintRows.Where(c => c.ClosedAt <= closedBy);
        var complaints = await complaintRows.OrderBy(c => c.RegisteredAt)
            .Select(c => new { c.Id, c.Number, c.StaffUserId, c.CounterId, c.ServiceItemId, c.AssigneeDepartmentId, c.RegisteredAt, c.Category, c.Title })
            .ToListAsync(ct);
        foreach (var c in complaints)
            facts.Add(new(c.StaffUserId, c.CounterId, DepartmentOf(c.ServiceItemId, c.CounterId) ?? c.AssigneeDepartmentId,
                new(AssessmentIndicator.ComplaintsUpheld, c.Id, c.Number, c.RegisteredAt, null, ItemName(c.ServiceItemId), null, null, Name(c.Category), c.Title)));

        var findingRows = db.ConductFindings.AsNoTracking()
            .Where(f => f.HallId == hallId && f.Status == FindingStatus.Confirmed && f.FoundAt >= start && f.FoundAt < end);
        if (asOf is { } reviewedBy)
            findingRows = findingRows.Where(f => f.ReviewedAt <= reviewedBy);
        var findings = await (
                from f in findingRows
                join t in db.Tickets on f.TicketId equals t.Id into tickets
                from t in tickets.DefaultIfEmpty()
                orderby f.FoundAt
                select new { f.Id, f.StaffUserId, f.Phrase, f.FoundAt, CounterId = t == null ? null : t.CounterId, ItemId = t == null ? (Guid?)null : t.ServiceItemId,
                    Number = t == null ? null : t.Number })
            .ToListAsync(ct);
        foreach (var f in findings)
            facts.Add(new(f.StaffUserId, f.CounterId, DepartmentOf(f.ItemId, f.CounterId), new(AssessmentIndicator.ConductFindings, f.Id, f.Number ?? "",
                f.FoundAt, null, ItemName(f.ItemId), null, null, null, f.Phrase)));

        var days = await attendance.HandleAsync(hallId, readerId, year, month, ct);
        foreach (var person in days.Staff)
        foreach (var day in person.Days)
        {
            if (day.Status is AttendanceStatus.Late or AttendanceStatus.LateAndLeftEarly)
                facts.Add(new(person.UserId, null, null, new(AssessmentIndicator.Late, null, "", day.SignedInAt, day.Day, null, day.LateMinutes, null,
                    Name(day.Status), null)));
            if (day.Status is AttendanceStatus.LeftEarly or AttendanceStatus.LateAndLeftEarly)
                facts.Add(new(person.UserId, null, null, new(AssessmentIndicator.EarlyLeave, null, "", day.SignedOutAt, day.Day, null, day.EarlyLeaveMinutes,
                    null, Name(day.Status), null)));
            if (day.Status == AttendanceStatus.Absent)
                facts.Add(new(person.UserId, null, null, new(AssessmentIndicator.Absence, null, "", null, day.Day, null, null, null, Name(day.Status), null)));
        }

        var cardRows = db.StandardCards.AsNoTracking().Where(c => c.HallId == hallId && c.Day >= first && c.Day < next);
        if (asOf is { } issuedBy)
            cardRows = cardRows.Where(c => c.IssuedAt <= issuedBy);
        var cards = await cardRows.OrderBy(c => c.Day).ThenBy(c => c.IssuedAt)
            .Select(c => new { c.Id, c.StaffUserId, c.CounterId, c.DepartmentId, c.Day, c.Colour, c.Rule, c.Figure, c.Threshold, c.IssuedAt })
            .ToListAsync(ct);
        foreach (var c in cards)
            facts.Add(new(c.StaffUserId, c.CounterId, c.DepartmentId, new(c.Colour == CardColour.Red ? AssessmentIndicator.RedCards : AssessmentIndicator.YellowCards,
                c.Id, StandardCatalog.Info(c.Rule).Code, c.IssuedAt, c.Day, null, c.Figure, c.Threshold, Name(c.Rule), null)));

        return new AssessmentFacts(await UnitsAsync(hallId, facts, ct), facts);
    }

    /// <summary>Enum values in the camelCase the JSON uses elsewhere.</summary>
    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The hall's staff, counters and departments, with anyone else a record of the month names (a supervisor who served).</summary>
    private async Task<List<AssessmentUnit>> UnitsAsync(Guid hallId, List<AssessmentFact> facts, CancellationToken ct)
    {
        var staffRole = await db.Roles.Where(r => r.Name == Roles.Staff).Select(r => r.Id).FirstAsync(ct);
        var named = facts.Select(f => f.Staff).OfType<Guid>().Distinct().ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => (u.HallId == hallId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == staffRole)) || named.Contains(u.Id))
            .OrderBy(u => u.BadgeNumber).ThenBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.BadgeNumber }).ToListAsync(ct);
        var counterIds = facts.Select(f => f.Counter).OfType<Guid>().Distinct().ToList();
        var counters = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId && (c.IsActive || counterIds.Contains(c.Id)))
            .OrderBy(c => c.Number).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var departmentIds = facts.Select(f => f.Department).OfType<Guid>().Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => d.HallId == hallId && (d.IsActive || departmentIds.Contains(d.Id)))
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        return
        [
            .. people.Select(p => new AssessmentUnit(AssessmentScope.Staff, p.Id, p.DisplayName, p.BadgeNumber)),
            .. counters.Select(c => new AssessmentUnit(AssessmentScope.Counter, c.Id, c.Name, null)),
            .. departments.Select(d => new AssessmentUnit(AssessmentScope.Department, d.Id, d.Name, null)),
        ];
    }
}
