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
using ServiceHall.Core.Features.Tallies;

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

/// <summary>
/// A record counted for an indicator, with the staff member, counter and department it counts for — or a sum of
/// <see cref="Count"/> such records (a day tally's row, a group of ratings), whose <see cref="AssessmentRecord.Value"/> and
/// <see cref="AssessmentRecord.Standard"/> are the sums of theirs.
/// </summary>
public sealed record AssessmentFact(Guid? Staff, Guid? Counter, Guid? Department, AssessmentRecord Record, int Count = 1)
{
    public Guid? UnitOf(AssessmentScope scope) => scope switch
    {
        AssessmentScope.Staff => Staff,
        AssessmentScope.Counter => Counter,
        _ => Department,
    };

    public static AssessmentFact Sum(Guid? staff, Guid? counter, Guid? department, AssessmentIndicator indicator, long count, double? value,
        double? standard) =>
        new(staff, counter, department, new(indicator, null, "", null, null, null, value, standard, null, null), (int)count);
}

/// <summary>
/// Everything a hall's month is scored from: its units, the records (or sums of records) of every indicator, and each staff
/// member's days attended (S3: present, late or left early), which a hall's target of tickets served counts by.
/// </summary>
public sealed record AssessmentFacts(List<AssessmentUnit> Units, List<AssessmentFact> Facts, IReadOnlyDictionary<Guid, int> DaysAttended);

/// <summary>
/// Reads a hall's month for the assessment (S7), by the hall's business days (ADR-024, addendum): tickets by their
/// business day, for the staff member and counter that called them, as the day tallies count them (served, service
/// time, waits over their item's limit); ratings by the business day of the service they rate; upheld complaints and
/// confirmed findings by when they were registered or found; attendance (S3) and cards (S9, by the day of the breach, as
/// <see cref="CountStandardCards"/> counts them). The scores read sums — the month's day tallies and its ratings counted
/// by group — and the drill-down reads the records of one unit and indicator by the same rules. With an
/// <c>asOf</c> time (a closed month's drill-down) it leaves out what was recorded after that time.
/// </summary>
public sealed class ReadAssessmentFacts(HallDbContext db, GetMonthlyAttendance attendance, ReadDayTallies tallies)
{
    private sealed record ItemInfo(string Name, Guid DepartmentId, int AverageServiceMinutes, int MaxWaitMinutes);

    /// <summary>The month's bounds and the hall's items and counters, which give a record its department.</summary>
    private sealed record Month(DateOnly First, DateOnly Next, DateTime Start, DateTime End, Dictionary<Guid, ItemInfo> Items,
        Dictionary<Guid, Guid?> CounterDepartment)
    {
        public Guid? DepartmentOf(Guid? item, Guid? counter) =>
            item is { } i && Items.TryGetValue(i, out var found) ? found.DepartmentId
            : counter is { } c ? CounterDepartment.GetValueOrDefault(c) : null;

        public string? ItemName(Guid? item) => item is { } i && Items.TryGetValue(i, out var found) ? found.Name : null;
    }

    private async Task<Month> MonthAsync(Guid hallId, int year, int month, CancellationToken ct)
    {
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId)
            .Select(i => new { i.Id, i.Name, i.NameEn, i.DepartmentId, i.AverageServiceMinutes, i.MaxWaitMinutes })
            .ToDictionaryAsync(i => i.Id, i => new ItemInfo(LocalNames.Of(i.Name, i.NameEn), i.DepartmentId, i.AverageServiceMinutes, i.MaxWaitMinutes), ct);
        var counterDepartment = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId).ToDictionaryAsync(c => c.Id, c => c.DepartmentId, ct);
        return new Month(first, next, clock.ToUtc(first, TimeOnly.MinValue), clock.ToUtc(next, TimeOnly.MinValue), items, counterDepartment);
    }

    /// <summary>
    /// What the scores are made of: the tickets' figures summed from the month's day tallies (a few thousand rows, not the
    /// month's tickets), the ratings counted per staff member, counter, department and item in the database, and the
    /// month's few other records one by one.
    /// </summary>
    public async Task<AssessmentFacts> ReadAsync(Guid hallId, Guid readerId, int year, int month, CancellationToken ct)
    {
        var m = await MonthAsync(hallId, year, month, ct);
        var facts = new List<AssessmentFact>();
        var tally = await tallies.HandleAsync(hallId, m.First, m.Next.AddDays(-1), ct);
        foreach (var t in tally.Tickets)
        {
            var department = m.DepartmentOf(t.ServiceItemId, t.CounterId);
            if (t.Served > 0)
                facts.Add(AssessmentFact.Sum(t.UserId, t.CounterId, department, AssessmentIndicator.TicketsServed, t.Served, null, null));
            if (t.Services > 0)
            {
                var standard = m.Items.TryGetValue(t.ServiceItemId, out var item) ? item.AverageServiceMinutes : 0;
                facts.Add(AssessmentFact.Sum(t.UserId, t.CounterId, department, AssessmentIndicator.ServiceTime, t.Services, t.ServiceSum ?? 0,
                    t.Services * standard));
            }
            if (t.Waits > t.WaitsInTime)
                facts.Add(AssessmentFact.Sum(t.UserId, t.CounterId, department, AssessmentIndicator.WaitsOverTarget, t.Waits - t.WaitsInTime, null, null));
        }

        var rated = await db.Ratings.AsNoTracking()
            .Where(r => r.HallId == hallId && r.BusinessDay >= m.First && r.BusinessDay < m.Next && r.ExcludedAt == null)
            .GroupBy(r => new { r.StaffUserId, r.CounterId, r.DepartmentId, r.ServiceItemId })
            .Select(g => new
            {
                g.Key.StaffUserId, g.Key.CounterId, g.Key.DepartmentId, g.Key.ServiceItemId, Rated = g.Count(),
                Good = g.Count(r => r.Level != SatisfactionLevel.Dissatisfied && r.Level != SatisfactionLevel.VeryDissatisfied),
            })
            .ToListAsync(ct);
        foreach (var r in rated)
            facts.Add(AssessmentFact.Sum(r.StaffUserId, r.CounterId, r.DepartmentId ?? m.DepartmentOf(r.ServiceItemId, r.CounterId),
                AssessmentIndicator.Satisfaction, r.Rated, r.Good, null));

        var days = await attendance.HandleAsync(hallId, readerId, year, month, ct);
        facts.AddRange(await OtherRecordsAsync(m, hallId, null, null, days, ct));
        return new AssessmentFacts(await UnitsAsync(hallId, facts, ct), facts, days.Staff.ToDictionary(p => p.UserId, p => p.Present));
    }

    /// <summary>The drill-down: the records behind one unit's figure, read for that unit and indicator only.</summary>
    public async Task<List<AssessmentRecord>> RecordsAsync(Guid hallId, Guid readerId, int year, int month, DateTime? asOf, AssessmentScope scope,
        Guid unitId, AssessmentIndicator indicator, CancellationToken ct)
    {
        var m = await MonthAsync(hallId, year, month, ct);
        var facts = indicator switch
        {
            AssessmentIndicator.TicketsServed or AssessmentIndicator.ServiceTime or AssessmentIndicator.WaitsOverTarget =>
                await TicketRecordsAsync(m, hallId, scope, unitId, indicator, ct),
            AssessmentIndicator.Satisfaction => await RatingRecordsAsync(m, hallId, scope, unitId, asOf, ct),
            AssessmentIndicator.Late or AssessmentIndicator.EarlyLeave or AssessmentIndicator.Absence =>
                await OtherRecordsAsync(m, hallId, asOf, indicator, await attendance.HandleAsync(hallId, readerId, year, month, ct), ct),
            _ => await OtherRecordsAsync(m, hallId, asOf, indicator, null, ct),
        };
        return [.. facts.Where(f => f.Record.Indicator == indicator && f.UnitOf(scope) == unitId).Select(f => f.Record)];
    }

    /// <summary>
    /// One unit's tickets of the month by the tally's rules (<see cref="DayTallySql"/>): served — finished; service time —
    /// finished with a start; waits — called walk-ins and visits' next steps (a transfer keeps its visit's wait) that waited
    /// longer than their item's limit, to the whole millisecond.
    /// </summary>
    private async Task<List<AssessmentFact>> TicketRecordsAsync(Month m, Guid hallId, AssessmentScope scope, Guid unitId, AssessmentIndicator indicator,
        CancellationToken ct)
    {
        var rows = db.Tickets.AsNoTracking().Where(t => t.HallId == hallId && t.BusinessDay >= m.First && t.BusinessDay < m.Next);
        var departmentItems = m.Items.Where(i => i.Value.DepartmentId == unitId).Select(i => i.Key).ToList();
        rows = scope switch
        {
            AssessmentScope.Staff => rows.Where(t => t.CalledByUserId == unitId),
            AssessmentScope.Counter => rows.Where(t => (t.CounterId ?? t.TargetCounterId) == unitId),
            _ => rows.Where(t => departmentItems.Contains(t.ServiceItemId)),
        };
        rows = indicator == AssessmentIndicator.WaitsOverTarget
            ? rows.Where(t => t.CalledAt != null && t.Channel != TicketChannel.Transfer)
            : rows.Where(t => t.Status == TicketStatus.Done && t.FinishedAt != null);
        var tickets = await rows
            .Select(t => new { t.Id, t.Number, t.CounterId, t.TargetCounterId, t.CalledByUserId, t.ServiceItemId, t.QueuedAt, t.ArrivedAt, t.CalledAt, t.StartedAt,
                t.FinishedAt })
            .ToListAsync(ct);
        var facts = new List<AssessmentFact>();
        foreach (var t in indicator == AssessmentIndicator.WaitsOverTarget ? tickets.OrderBy(t => t.CalledAt) : tickets.OrderBy(t => t.FinishedAt))
        {
            var counter = t.CounterId ?? t.TargetCounterId;
            var department = m.DepartmentOf(t.ServiceItemId, counter);
            var item = m.Items.GetValueOrDefault(t.ServiceItemId);
            if (indicator == AssessmentIndicator.WaitsOverTarget)
            {
                var target = item?.MaxWaitMinutes ?? 10;
                // A visit's next step waits from when it joined the step's line (ADR-029), as the tally counts it.
                var waited = Math.Round((t.CalledAt!.Value - (t.ArrivedAt ?? t.QueuedAt)).TotalMilliseconds) / 60000.0;
                if (waited > target)
                    facts.Add(new(t.CalledByUserId, counter, department, new(indicator, t.Id, t.Number, t.CalledAt, null, item?.Name,
                        Math.Round(waited, 1), target, null, null)));
                continue;
            }
            if (indicator == AssessmentIndicator.ServiceTime && t.StartedAt is null)
                continue;
            var minutes = Math.Round((t.FinishedAt!.Value - (t.StartedAt ?? t.CalledAt ?? t.FinishedAt.Value)).TotalMinutes, 1);
            facts.Add(new(t.CalledByUserId, counter, department, new(indicator, t.Id, t.Number, t.FinishedAt, null, item?.Name, minutes,
                item?.AverageServiceMinutes ?? 0, null, null)));
        }
        return facts;
    }

    /// <summary>One unit's ratings of the month's services, appealed ones left out.</summary>
    private async Task<List<AssessmentFact>> RatingRecordsAsync(Month m, Guid hallId, AssessmentScope scope, Guid unitId, DateTime? asOf, CancellationToken ct)
    {
        var rows = db.Ratings.AsNoTracking()
            .Where(r => r.HallId == hallId && r.BusinessDay >= m.First && r.BusinessDay < m.Next && r.ExcludedAt == null);
        rows = scope switch
        {
            AssessmentScope.Staff => rows.Where(r => r.StaffUserId == unitId),
            AssessmentScope.Counter => rows.Where(r => r.CounterId == unitId),
            // A rating without a department takes its item's (or counter's): narrowed in .NET.
            _ => rows.Where(r => r.DepartmentId == unitId || r.DepartmentId == null),
        };
        if (asOf is { } ratedBy)
            rows = rows.Where(r => r.RatedAt <= ratedBy);
        var ratings = await rows.OrderBy(r => r.ServedAt)
            .Select(r => new { r.Id, r.TicketNumber, r.StaffUserId, r.CounterId, r.DepartmentId, r.ServiceItemId, r.Level, r.RatedAt, r.Comment })
            .ToListAsync(ct);
        return [.. ratings.Select(r => new AssessmentFact(r.StaffUserId, r.CounterId, r.DepartmentId ?? m.DepartmentOf(r.ServiceItemId, r.CounterId),
            new(AssessmentIndicator.Satisfaction, r.Id, r.TicketNumber, r.RatedAt, null, m.ItemName(r.ServiceItemId), Rating.Bad(r.Level) ? 0 : 1, null,
                Name(r.Level), r.Comment)))];
    }

    /// <summary>
    /// The month's complaints, findings, attendance (from <paramref name="days"/>, when given) and cards, one fact each (a few
    /// hundred at most): all of them, or only those of <paramref name="only"/>.
    /// </summary>
    private async Task<List<AssessmentFact>> OtherRecordsAsync(Month m, Guid hallId, DateTime? asOf, AssessmentIndicator? only, AttendanceMonth? days,
        CancellationToken ct)
    {
        bool Wants(params AssessmentIndicator[] indicators) => only is not { } one || indicators.Contains(one);
        var (start, end, first, next) = (m.Start, m.End, m.First, m.Next);
        var facts = new List<AssessmentFact>();

        if (Wants(AssessmentIndicator.ComplaintsUpheld))
        {
            var complaintRows = db.Complaints.AsNoTracking()
                .Where(c => c.HallId == hallId && c.RegisteredAt >= start && c.RegisteredAt < end && c.Upheld == true);
            if (asOf is { } closedBy)
                complaintRows = complaintRows.Where(c => c.ClosedAt <= closedBy);
            var complaints = await complaintRows.OrderBy(c => c.RegisteredAt)
                .Select(c => new { c.Id, c.Number, c.StaffUserId, c.CounterId, c.ServiceItemId, c.AssigneeDepartmentId, c.RegisteredAt, c.Category, c.Title })
                .ToListAsync(ct);
            foreach (var c in complaints)
                facts.Add(new(c.StaffUserId, c.CounterId, m.DepartmentOf(c.ServiceItemId, c.CounterId) ?? c.AssigneeDepartmentId,
                    new(AssessmentIndicator.ComplaintsUpheld, c.Id, c.Number, c.RegisteredAt, null, m.ItemName(c.ServiceItemId), null, null, Name(c.Category),
                        c.Title)));
        }

        if (Wants(AssessmentIndicator.ConductFindings))
        {
            var findingRows = db.ConductFindings.AsNoTracking()
                .Where(f => f.HallId == hallId && f.Status == FindingStatus.Confirmed && f.FoundAt >= start && f.FoundAt < end);
            if (asOf is { } reviewedBy)
                findingRows = findingRows.Where(f => f.ReviewedAt <= reviewedBy);
            var findings = await (
                    from f in findingRows
                    join t in db.Tickets on f.TicketId equals t.Id into tickets
                    from t in tickets.DefaultIfEmpty()
                    orderby f.FoundAt
                    select new { f.Id, f.StaffUserId, f.Phrase, f.FoundAt, CounterId = t == null ? null : t.CounterId,
                        ItemId = t == null ? (Guid?)null : t.ServiceItemId, Number = t == null ? null : t.Number })
                .ToListAsync(ct);
            foreach (var f in findings)
                facts.Add(new(f.StaffUserId, f.CounterId, m.DepartmentOf(f.ItemId, f.CounterId), new(AssessmentIndicator.ConductFindings, f.Id,
                    f.Number ?? "", f.FoundAt, null, m.ItemName(f.ItemId), null, null, null, f.Phrase)));
        }

        if (days is not null && Wants(AssessmentIndicator.Late, AssessmentIndicator.EarlyLeave, AssessmentIndicator.Absence))
        {
            foreach (var person in days.Staff)
            foreach (var day in person.Days)
            {
                if (day.Status is AttendanceStatus.Late or AttendanceStatus.LateAndLeftEarly)
                    facts.Add(new(person.UserId, null, null, new(AssessmentIndicator.Late, null, "", day.SignedInAt, day.Day, null, day.LateMinutes, null,
                        Name(day.Status), null)));
                if (day.Status is AttendanceStatus.LeftEarly or AttendanceStatus.LateAndLeftEarly)
                    facts.Add(new(person.UserId, null, null, new(AssessmentIndicator.EarlyLeave, null, "", day.SignedOutAt, day.Day, null,
                        day.EarlyLeaveMinutes, null, Name(day.Status), null)));
                if (day.Status == AttendanceStatus.Absent)
                    facts.Add(new(person.UserId, null, null, new(AssessmentIndicator.Absence, null, "", null, day.Day, null, null, null, Name(day.Status),
                        null)));
            }
        }

        if (Wants(AssessmentIndicator.YellowCards, AssessmentIndicator.RedCards))
        {
            var cardRows = db.StandardCards.AsNoTracking().Where(c => c.HallId == hallId && c.Day >= first && c.Day < next);
            if (asOf is { } issuedBy)
                cardRows = cardRows.Where(c => c.IssuedAt <= issuedBy);
            var cards = await cardRows.OrderBy(c => c.Day).ThenBy(c => c.IssuedAt)
                .Select(c => new { c.Id, c.StaffUserId, c.CounterId, c.DepartmentId, c.Day, c.Colour, c.Rule, c.Figure, c.Threshold, c.IssuedAt })
                .ToListAsync(ct);
            foreach (var c in cards)
                facts.Add(new(c.StaffUserId, c.CounterId, c.DepartmentId, new(c.Colour == CardColour.Red ? AssessmentIndicator.RedCards
                    : AssessmentIndicator.YellowCards, c.Id, StandardCatalog.Info(c.Rule).Code, c.IssuedAt, c.Day, null, c.Figure, c.Threshold,
                    Name(c.Rule), null)));
        }
        return facts;
    }

    /// <summary>Enum values in the camelCase the JSON uses elsewhere.</summary>
    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The hall's staff, counters and departments, with anyone else a record of the month names (a supervisor who served).</summary>
    private async Task<List<AssessmentUnit>> UnitsAsync(Guid hallId, List<AssessmentFact> facts, CancellationToken ct)
    {
        var named = facts.Select(f => f.Staff).OfType<Guid>().Distinct().ToList();
        // The hall's staff by membership (ADR-032): a person who works in two halls is assessed in each on that hall's records.
        var members = HallMembers.WithRole(db, hallId, Roles.Staff).Select(u => u.Id);
        var people = await db.Users.AsNoTracking()
            .Where(u => members.Contains(u.Id) || named.Contains(u.Id))
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
