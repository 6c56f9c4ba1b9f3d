using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Attendance;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Complaints;
using ServiceHall.Core.Features.Conduct;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Features.Tallies;

namespace ServiceHall.Core.Features.Standards;

/// <summary>
/// The records every rule judges over a span of hall days, read with one narrow query per source (ADR-021):
/// calls and expired tickets, queue and counter alerts with the counter sessions, sign-ins, cases, inquiries,
/// notices, follow-ups, complaints and confirmed conduct findings. Deadlines count once, on the day they fall
/// due, and only once decided (met, or passed). The figures and verdicts are formed from these by
/// <see cref="StandardFigures"/>.
/// </summary>
public sealed class ReadStandardFacts(HallDbContext db, HallSupervisionRules supervision, ReadDayTallies tallies)
{
    /// <summary>Follow-ups and complaints are read from this long before the span: their deadlines fall weeks after they open.</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(120);

    /// <param name="withRecords">
    /// Each call as its own fact with its ticket number (the cards name them); otherwise a day's calls per counter, staff
    /// member and item as one fact from the day's tally (the pages).
    /// </param>
    public async Task<List<StandardFact>> HandleAsync(Hall hall, IReadOnlyList<StandardRuleView> rules, DateOnly from, DateOnly until,
        DateTime now, bool withRecords, CancellationToken ct)
    {
        var hallId = hall.Id;
        var clock = new HallClock(hall.TimeZoneId);
        var fromUtc = clock.ToUtc(from, TimeOnly.MinValue);
        var untilUtc = clock.ToUtc(until, TimeOnly.MinValue);
        var today = clock.BusinessDay(now);
        var byRule = rules.ToDictionary(r => r.Rule);
        var facts = new List<StandardFact>();

        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId)
            .Select(i => new { i.Id, i.DepartmentId, i.MaxWaitMinutes, i.Name }).ToDictionaryAsync(i => i.Id, ct);
        var counters = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId)
            .Select(c => new { c.Id, c.DepartmentId }).ToDictionaryAsync(c => c.Id, c => c.DepartmentId, ct);
        Guid? ItemDepartment(Guid? itemId) => itemId is { } id && items.TryGetValue(id, out var item) ? item.DepartmentId : null;
        Guid? CounterDepartment(Guid? counterId) => counterId is { } id ? counters.GetValueOrDefault(id) : null;

        // Q5, Q7, fairness: each call of the span with its wait, each ticket that expired uncalled.
        if (withRecords)
            await CallsAsync(hallId, from, until, items.ToDictionary(i => i.Key, i => i.Value.MaxWaitMinutes), ItemDepartment, facts, ct);
        else
            await TalliedCallsAsync(hallId, from, until, ItemDepartment, facts, ct);

        // Q5 and Q6 from the alerts: how long each condition held within the span, and who staffed the counter.
        AlertKind[] kinds = [AlertKind.QueueTooLong, AlertKind.CounterUnstaffed, AlertKind.CounterPausedTooLong];
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => a.HallId == hallId && kinds.Contains(a.Kind) && a.RaisedAt < untilUtc && (a.ClearedAt == null || a.ClearedAt > fromUtc))
            .Select(a => new { a.Kind, a.ServiceItemId, a.CounterId, a.RaisedAt, a.ClearedAt }).ToListAsync(ct);
        var sessions = await db.CounterSessions.AsNoTracking()
            .Where(s => s.HallId == hallId && s.OpenedAt < untilUtc && (s.ClosedAt == null || s.ClosedAt > fromUtc.AddDays(-1)))
            .Select(s => new { s.CounterId, s.UserId, s.OpenedAt, s.ClosedAt }).ToListAsync(ct);
        var counterItems = (await db.CounterServiceItems.AsNoTracking()
                .Where(x => db.Counters.Any(c => c.Id == x.CounterId && c.HallId == hallId))
                .Select(x => new { x.CounterId, x.ServiceItemId }).ToListAsync(ct))
            .ToLookup(x => x.ServiceItemId, x => x.CounterId).ToDictionary(g => g.Key, g => g.ToHashSet());
        var openWithin = byRule[StandardRule.CounterOpenedOnAlert].Parameter ?? 10;
        foreach (var a in alerts)
        {
            var end = a.ClearedAt ?? now;
            var minutes = Overlap(a.RaisedAt, end, fromUtc, untilUtc);
            var day = Max(clock.BusinessDay(a.RaisedAt), from);
            var span = $"{clock.TimeText(a.RaisedAt)}–{(a.ClearedAt is { } cleared ? clock.TimeText(cleared) : "")}";
            if (a.Kind == AlertKind.QueueTooLong)
            {
                var department = ItemDepartment(a.ServiceItemId);
                var itemName = a.ServiceItemId is { } itemId && items.TryGetValue(itemId, out var item) ? item.Name : "";
                facts.Add(new(StandardRule.QueueOverMinutes, day, department, null, null, minutes, null, $"{itemName} {span}"));
                var decidedAt = a.RaisedAt.AddMinutes(openWithin);
                if (a.RaisedAt >= fromUtc && decidedAt <= now)
                {
                    HashSet<Guid> serving = a.ServiceItemId is { } i && counterItems.TryGetValue(i, out var counterSet) ? counterSet : [];
                    var answered = a.ClearedAt <= decidedAt
                        || sessions.Any(s => serving.Contains(s.CounterId) && s.OpenedAt >= a.RaisedAt && s.OpenedAt <= decidedAt);
                    facts.Add(new(StandardRule.CounterOpenedOnAlert, day, department, null, null, 0, answered, $"{itemName} {span}"));
                }
            }
            else if (minutes > 0)
            {
                // A pause past its limit is the staff member's; an empty counter is nobody's at the counter.
                var staff = a.Kind == AlertKind.CounterPausedTooLong
                    ? sessions.Where(s => s.CounterId == a.CounterId && s.OpenedAt <= a.RaisedAt && (s.ClosedAt == null || s.ClosedAt >= a.RaisedAt))
                        .Select(s => (Guid?)s.UserId).FirstOrDefault()
                    : null;
                facts.Add(new(StandardRule.UnstaffedMinutes, day, CounterDepartment(a.CounterId), a.CounterId, staff, minutes, null, span));
            }
        }

        // S3: each sign-in against the day's opening less the hall's early-arrival minutes.
        var attendance = await db.AttendanceRecords.AsNoTracking().Where(a => a.HallId == hallId && a.Day >= from && a.Day < until)
            .Select(a => new { a.UserId, a.Day, a.SignedInAt }).ToListAsync(ct);
        HallCalendar? calendar = null;
        if (attendance.Count > 0)
        {
            calendar = await HallCalendar.LoadAsync(db, hallId, ct);
            var early = (await supervision.ForHallAsync(hallId, ct)).EarlyArrivalMinutes;
            var schedules = new Dictionary<DateOnly, DaySchedule>();
            foreach (var a in attendance)
            {
                if (!schedules.TryGetValue(a.Day, out var schedule))
                    schedules[a.Day] = schedule = OpeningHours.For(hall, a.Day, calendar.Calendar.IsWorkingDay(a.Day),
                        calendar.Year(a.Day.Year).Days.FirstOrDefault(d => d.Date == a.Day)?.Kind);
                // A day around the clock has no time due in (shifts without a roster): S3 is not judged on it.
                if (!schedule.Open || AttendanceRules.IsRoundTheClock(schedule.OpensAt, schedule.ClosesAt))
                    continue;
                var late = AttendanceRules.LateMinutes(a.Day, schedule.OpensAt, schedule.ClosesAt, early, clock.ToLocal(a.SignedInAt));
                facts.Add(new(StandardRule.OnTimeArrival, a.Day, null, null, a.UserId, late, late == 0, clock.TimeText(a.SignedInAt)));
            }
        }

        // M5: cases completed in the span against their promise; cases whose promise ran out in it.
        var completed = await db.Cases.AsNoTracking()
            .Where(c => c.HallId == hallId && c.CompletedAt >= fromUtc && c.CompletedAt < untilUtc && c.DueAt != null)
            .Select(c => new { c.Number, c.DepartmentId, c.CounterId, Staff = c.AcceptedByUserId ?? c.RegisteredByUserId, c.CompletedAt, c.DueAt })
            .ToListAsync(ct);
        foreach (var c in completed)
            facts.Add(new(StandardRule.CasesOnTime, clock.BusinessDay(c.CompletedAt!.Value), c.DepartmentId, c.CounterId, c.Staff, 0,
                c.CompletedAt <= c.DueAt, c.Number));
        var dueUntil = untilUtc < now ? untilUtc : now;
        var overdue = await db.Cases.AsNoTracking()
            .Where(c => c.HallId == hallId && c.DueAt >= fromUtc && c.DueAt < dueUntil && (c.CompletedAt == null || c.CompletedAt > c.DueAt)
                        && c.ClockPausedAt == null && c.Status != CaseStatus.Refused && c.Status != CaseStatus.Withdrawn)
            .Select(c => new { c.Number, c.DepartmentId, c.CounterId, Staff = c.AcceptedByUserId ?? c.RegisteredByUserId, c.DueAt })
            .ToListAsync(ct);
        foreach (var c in overdue)
            facts.Add(new(StandardRule.OverdueCases, clock.BusinessDay(c.DueAt!.Value), c.DepartmentId, c.CounterId, c.Staff, 1, null, c.Number));

        // M6: promised replies that fell due in the span (or came early), owned by the first receiver.
        var inquiries = await db.Inquiries.AsNoTracking()
            .Where(i => i.HallId == hallId && !i.AnsweredOnTheSpot && i.PromisedReplyAt >= fromUtc && i.PromisedReplyAt < untilUtc
                        && (i.PromisedReplyAt <= now || i.RepliedAt != null))
            .Select(i => new { i.OwnerUserId, i.PromisedReplyAt, i.RepliedAt, i.RecordedAt }).ToListAsync(ct);
        foreach (var i in inquiries)
            facts.Add(new(StandardRule.InquiriesOnTime, clock.BusinessDay(i.PromisedReplyAt!.Value), null, null, i.OwnerUserId, 0,
                i.RepliedAt <= i.PromisedReplyAt, clock.ToLocal(i.RecordedAt).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)));

        // M3: each notice within N working days of the case's registration (行政许可法 art. 32).
        var notices = await db.OneTimeNotices.AsNoTracking().Where(n => n.HallId == hallId && n.IssuedAt >= fromUtc && n.IssuedAt < untilUtc)
            .Join(db.Cases, n => n.CaseId, c => c.Id, (n, c) => new { n.Number, n.IssuedAt, n.IssuedByUserId, c.RegisteredAt, c.DepartmentId, c.CounterId })
            .ToListAsync(ct);
        if (notices.Count > 0)
        {
            calendar ??= await HallCalendar.LoadAsync(db, hallId, ct);
            var days = byRule[StandardRule.NoticesInTime].Parameter ?? 5;
            foreach (var n in notices)
            {
                var issued = clock.BusinessDay(n.IssuedAt);
                var inTime = issued <= calendar.Calendar.AddWorkingDays(clock.BusinessDay(n.RegisteredAt), days);
                facts.Add(new(StandardRule.NoticesInTime, issued, n.DepartmentId, n.CounterId, n.IssuedByUserId, 0, inTime, n.Number));
            }
        }

        // S1: call-backs and rectifications of bad ratings (not those removed on appeal), on their deadline's day.
        var openedFrom = fromUtc - Lookback;
        var followUps = await db.RatingFollowUps.AsNoTracking().Where(f => f.HallId == hallId && f.OpenedAt >= openedFrom && f.OpenedAt < untilUtc)
            .Join(db.Ratings, f => f.RatingId, r => r.Id, (f, r) => new
            {
                f.CallbackDue, f.ResolveDue, f.RectificationDue, f.CalledBackAt, f.RectifiedAt, f.ClosedAt, f.OwnerUserId,
                r.DepartmentId, r.TicketNumber, r.ExcludedAt,
            })
            .Where(x => x.ExcludedAt == null).ToListAsync(ct);
        foreach (var f in followUps)
        {
            if (Decided(f.CallbackDue, f.CalledBackAt, from, until, today))
                facts.Add(new(StandardRule.CallbacksInTime, f.CallbackDue, f.DepartmentId, null, null, 0,
                    InTime(clock, f.CalledBackAt, f.CallbackDue), f.TicketNumber));
            var due = f.RectificationDue ?? f.ResolveDue;
            var settled = f.RectifiedAt ?? f.ClosedAt;
            if (Decided(due, settled, from, until, today))
                facts.Add(new(StandardRule.RectifiedInTime, due, f.DepartmentId, null, f.OwnerUserId, 0, InTime(clock, settled, due), f.TicketNumber));
        }

        // S2: replies and closures against their (possibly extended) stage deadlines, answerable by the assignee.
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.HallId == hallId && c.RegisteredAt >= openedFrom && c.RegisteredAt < untilUtc)
            .Select(c => new { c.Number, c.ReplyDue, c.CloseDue, c.RepliedAt, c.ClosedAt, c.AssigneeDepartmentId, c.AssigneeUserId, c.Disposition })
            .ToListAsync(ct);
        foreach (var c in complaints)
        {
            // A malicious or duplicate complaint is closed without a reply of its own.
            var needsReply = c.Disposition == ComplaintDisposition.None || c.ClosedAt is null;
            if (needsReply && Decided(c.ReplyDue, c.RepliedAt, from, until, today))
                facts.Add(new(StandardRule.ComplaintsRepliedInTime, c.ReplyDue, c.AssigneeDepartmentId, null, c.AssigneeUserId, 0,
                    InTime(clock, c.RepliedAt, c.ReplyDue), c.Number));
            if (Decided(c.CloseDue, c.ClosedAt, from, until, today))
                facts.Add(new(StandardRule.ComplaintsClosedInTime, c.CloseDue, c.AssigneeDepartmentId, null, c.AssigneeUserId, 0,
                    InTime(clock, c.ClosedAt, c.CloseDue), c.Number));
        }

        // S4: forbidden phrases a supervisor confirmed in the span, on the day of the confirmation.
        var findings = await db.ConductFindings.AsNoTracking()
            .Where(f => f.HallId == hallId && f.Status == FindingStatus.Confirmed && f.ReviewedAt >= fromUtc && f.ReviewedAt < untilUtc
                        && (f.Kind == FindingKind.Forbidden || f.Kind == FindingKind.ForbiddenVariant))
            .Select(f => new { f.StaffUserId, f.ReviewedAt, f.Matched }).ToListAsync(ct);
        foreach (var f in findings)
            facts.Add(new(StandardRule.ConductFindings, clock.BusinessDay(f.ReviewedAt!.Value), null, null, f.StaffUserId, 1, null, f.Matched));

        return facts;
    }

    private async Task CallsAsync(Guid hallId, DateOnly from, DateOnly until, Dictionary<Guid, int> limits, Func<Guid?, Guid?> departmentOf,
        List<StandardFact> facts, CancellationToken ct)
    {
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.BusinessDay >= from && t.BusinessDay < until
                        && (t.CalledAt != null || t.Status == TicketStatus.Expired))
            .Select(t => new { t.ServiceItemId, t.CounterId, t.CalledByUserId, t.QueuedAt, t.ArrivedAt, t.CalledAt, t.Number, t.BusinessDay, t.CallReason, t.Channel })
            .ToListAsync(ct);
        foreach (var t in tickets)
        {
            var department = departmentOf(t.ServiceItemId);
            if (t.CalledAt is not { } calledAt)
            {
                facts.Add(new(StandardRule.ExpiredTickets, t.BusinessDay, department, null, null, 1, null, t.Number));
                continue;
            }
            // A transferred ticket keeps its place from the first issue: its time in line includes the first service.
            if (t.Channel != TicketChannel.Transfer)
            {
                // A visit's next step waits from when it joined the step's line (ADR-029).
                var wait = Math.Max(0, (calledAt - (t.ArrivedAt ?? t.QueuedAt)).TotalMinutes);
                var limit = limits.TryGetValue(t.ServiceItemId, out var itemLimit) ? itemLimit : 10;
                facts.Add(new(StandardRule.WaitsCalledInTime, t.BusinessDay, department, t.CounterId, t.CalledByUserId, wait, wait <= limit, t.Number));
                facts.Add(new(StandardRule.LongestWait, t.BusinessDay, department, t.CounterId, t.CalledByUserId, wait, null,
                    $"{t.Number} {Math.Floor(wait).ToString(CultureInfo.InvariantCulture)}′"));
            }
            if (t.CallReason is { } reason)
                facts.Add(new(StandardRule.CallsOutOfOrder, t.BusinessDay, department, t.CounterId, t.CalledByUserId, 1, null, $"{t.Number}: {reason}"));
        }
    }

    /// <summary>The same facts from the days' tallies (ADR-026): one per day, counter, staff member and item, weighing its calls.</summary>
    private async Task TalliedCallsAsync(Guid hallId, DateOnly from, DateOnly until, Func<Guid?, Guid?> departmentOf, List<StandardFact> facts,
        CancellationToken ct)
    {
        foreach (var t in (await tallies.HandleAsync(hallId, from, until.AddDays(-1), ct)).Tickets)
        {
            var department = departmentOf(t.ServiceItemId);
            if (t.ExpiredUncalled > 0)
                facts.Add(new(StandardRule.ExpiredTickets, t.Day, department, null, null, 1, null, "", (int)t.ExpiredUncalled));
            if (t.Waits > 0)
            {
                var longest = Math.Max(0, t.WaitMax ?? 0);
                facts.Add(new(StandardRule.WaitsCalledInTime, t.Day, department, t.CounterId, t.UserId, t.WaitSum ?? 0, null, "", (int)t.Waits,
                    (int)t.WaitsInTime));
                facts.Add(new(StandardRule.LongestWait, t.Day, department, t.CounterId, t.UserId, longest, null,
                    $"{t.LongestWaitNumber} {Math.Floor(longest).ToString(CultureInfo.InvariantCulture)}′", (int)t.Waits, (int)t.WaitsInTime));
            }
            if (t.CallsOutOfOrder > 0)
                facts.Add(new(StandardRule.CallsOutOfOrder, t.Day, department, t.CounterId, t.UserId, 1, null, "", (int)t.CallsOutOfOrder));
        }
    }

    /// <summary>A deadline of the span is judged once it is met or its day is over.</summary>
    private static bool Decided(DateOnly due, DateTime? doneAt, DateOnly from, DateOnly until, DateOnly today) =>
        due >= from && due < until && (doneAt is not null || due < today);

    private static bool InTime(HallClock clock, DateTime? doneAt, DateOnly due) => doneAt is { } at && clock.BusinessDay(at) <= due;

    private static double Overlap(DateTime start, DateTime end, DateTime from, DateTime until)
    {
        var s = start > from ? start : from;
        var e = end < until ? end : until;
        return e > s ? Math.Round((e - s).TotalMinutes, 1) : 0;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
