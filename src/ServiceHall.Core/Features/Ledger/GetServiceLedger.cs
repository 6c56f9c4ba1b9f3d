using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Appointments;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Features.Tallies;

namespace ServiceHall.Core.Features.Ledger;

/// <summary>
/// 服务日志基础台帐 (S6): every counter's days by business type, computed from the records that exist — tickets
/// and their events, cases and notices, ratings, inquiries, pauses — with days in the hall's zone. Tickets come from
/// the days' tallies (ADR-026) and ratings are summed per day in the database; cases, notices, inquiries and pauses
/// of the range are few and are bucketed here. Supervisors and administrators of the hall read every line; a staff
/// member reads only their own.
/// </summary>
public sealed class GetServiceLedger(HallDbContext db, TimeProvider time, ReadDayTallies tallies)
{
    public async Task<ServiceLedger> HandleAsync(Guid hallId, Guid readerId, LedgerQuery query, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var reader = await CaseAccess.ActorAsync(db, readerId, ct);
        var onlyOwn = !reader.IsSupervisor;
        if (onlyOwn)
            query = query with { StaffUserId = readerId };
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var (firstDay, lastDay) = LedgerPeriods.Range(query.From, query.To, query.Period, clock.BusinessDay(now));
        var fromUtc = clock.ToUtc(firstDay, TimeOnly.MinValue);
        var toUtc = clock.ToUtc(lastDay.AddDays(1), TimeOnly.MinValue);

        var lines = new Dictionary<LineKey, Line>();
        Line LineOf(DateOnly day, Guid? counter, Guid? user, Guid item)
        {
            var key = new LineKey(day, counter, user, item);
            if (!lines.TryGetValue(key, out var line))
                lines[key] = line = new Line();
            return line;
        }

        foreach (var t in (await tallies.HandleAsync(hallId, firstDay, lastDay, ct)).Tickets)
            LineOf(t.Day, t.CounterId, t.UserId, t.ServiceItemId).Add(t);

        // A rating counts on its service's day, which it carries (its ticket's business day); one removed on appeal
        // (申诉复核) no longer does.
        var ratings = await (from r in db.Ratings
                             where r.HallId == hallId && r.ExcludedAt == null && r.BusinessDay >= firstDay && r.BusinessDay <= lastDay
                             group r by new { r.BusinessDay, r.CounterId, r.StaffUserId, r.ServiceItemId, r.Level } into g
                             select new { g.Key.BusinessDay, g.Key.CounterId, g.Key.StaffUserId, g.Key.ServiceItemId, g.Key.Level, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var r in ratings)
            LineOf(r.BusinessDay, r.CounterId, r.StaffUserId, r.ServiceItemId).Levels[(int)r.Level] += r.Count;

        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.HallId == hallId && (c.RegisteredAt >= fromUtc && c.RegisteredAt < toUtc
                || c.AcceptedAt >= fromUtc && c.AcceptedAt < toUtc || c.RefusedAt >= fromUtc && c.RefusedAt < toUtc))
            .Select(c => new
            {
                c.CounterId, c.ServiceItemId, c.RegisteredAt, c.RegisteredByUserId, c.AcceptedAt, c.AcceptedByUserId, c.RefusedAt,
                RefusedBy = c.Events.Where(e => e.ToStatus == CaseStatus.Refused && e.Step == null).Select(e => (Guid?)e.UserId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        bool InRange(DateTime? at) => at >= fromUtc && at < toUtc;
        foreach (var c in cases)
        {
            if (InRange(c.RegisteredAt))
                LineOf(clock.BusinessDay(c.RegisteredAt), c.CounterId, c.RegisteredByUserId, c.ServiceItemId).CasesRegistered++;
            if (InRange(c.AcceptedAt))
                LineOf(clock.BusinessDay(c.AcceptedAt!.Value), c.CounterId, c.AcceptedByUserId, c.ServiceItemId).CasesAccepted++;
            if (InRange(c.RefusedAt))
                LineOf(clock.BusinessDay(c.RefusedAt!.Value), c.CounterId, c.RefusedBy, c.ServiceItemId).CasesRefused++;
        }

        var notices = await (from n in db.OneTimeNotices
                             join c in db.Cases on n.CaseId equals c.Id
                             where n.HallId == hallId && n.IssuedAt >= fromUtc && n.IssuedAt < toUtc
                             select new { n.IssuedAt, n.IssuedByUserId, c.CounterId, c.ServiceItemId })
            .ToListAsync(ct);
        foreach (var n in notices)
            LineOf(clock.BusinessDay(n.IssuedAt), n.CounterId, n.IssuedByUserId, n.ServiceItemId).NoticesIssued++;

        var people = new Dictionary<(DateOnly Day, Guid User), Person>();
        Person PersonOf(DateOnly day, Guid user)
        {
            if (!people.TryGetValue((day, user), out var person))
                people[(day, user)] = person = new Person();
            return person;
        }

        var inquiries = await db.Inquiries.AsNoTracking()
            .Where(i => i.HallId == hallId && (i.RecordedAt >= fromUtc && i.RecordedAt < toUtc || i.RepliedAt >= fromUtc && i.RepliedAt < toUtc))
            .Select(i => new { i.OwnerUserId, i.RecordedAt, i.RepliedAt, i.RepliedByUserId })
            .ToListAsync(ct);
        foreach (var i in inquiries)
        {
            if (InRange(i.RecordedAt))
                PersonOf(clock.BusinessDay(i.RecordedAt), i.OwnerUserId).InquiriesRecorded++;
            if (InRange(i.RepliedAt))
                PersonOf(clock.BusinessDay(i.RepliedAt!.Value), i.RepliedByUserId ?? i.OwnerUserId).InquiriesAnswered++;
        }

        // A pause is the session owner's, on the day it began; one still running counts until now.
        var pauses = await (from p in db.CounterPauses
                            join s in db.CounterSessions on p.SessionId equals s.Id
                            where s.HallId == hallId && p.StartedAt >= fromUtc && p.StartedAt < toUtc
                            select new { p.CounterId, s.UserId, p.StartedAt, p.EndedAt, p.Category })
            .ToListAsync(ct);

        var summaries = await db.Set<DaySummary>().AsNoTracking()
            .Where(s => s.HallId == hallId && s.Day >= firstDay && s.Day <= lastDay)
            .ToListAsync(ct);

        var counters = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId)
            .ToDictionaryAsync(c => c.Id, c => new { c.Number, Name = LocalNames.Of(c.Name, c.NameEn), c.DepartmentId }, ct);
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId)
            .ToDictionaryAsync(i => i.Id, i => new { Name = LocalNames.Of(i.Name, i.NameEn), i.DepartmentId, i.SortOrder }, ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.HallId == hallId).ToDictionaryAsync(d => d.Id, d => LocalNames.Of(d.Name, d.NameEn), ct);

        // Filters: a line is the counter's, the item's and the person's; the people's table keeps to those the
        // filtered lines and pauses name, so that a counter's or department's view is about its own people.
        bool CounterPasses(Guid? counter) =>
            (query.CounterId is null || counter == query.CounterId)
            && (query.DepartmentId is null || counter is { } c && counters.TryGetValue(c, out var info) && info.DepartmentId == query.DepartmentId);
        var keptLines = lines.Where(l =>
                (query.StaffUserId is null || l.Key.User == query.StaffUserId)
                && (query.CounterId is null || l.Key.Counter == query.CounterId)
                && (query.ServiceItemId is null || l.Key.Item == query.ServiceItemId)
                && (query.DepartmentId is null || items.TryGetValue(l.Key.Item, out var item) && item.DepartmentId == query.DepartmentId))
            .ToList();
        var keptPauses = pauses.Where(p => (query.StaffUserId is null || p.UserId == query.StaffUserId) && CounterPasses(p.CounterId)).ToList();
        foreach (var p in keptPauses)
            PersonOf(clock.BusinessDay(p.StartedAt), p.UserId).AddPause(p.Category, ((p.EndedAt ?? now) - p.StartedAt).TotalMinutes);
        var narrowed = query.CounterId is not null || query.DepartmentId is not null || query.ServiceItemId is not null;
        var named = keptLines.Where(l => l.Key.User is not null).Select(l => l.Key.User!.Value)
            .Concat(keptPauses.Where(_ => query.ServiceItemId is null).Select(p => p.UserId)).ToHashSet();
        bool PersonPasses(Guid user) => (query.StaffUserId is null || user == query.StaffUserId) && (!narrowed || named.Contains(user));

        var userIds = keptLines.Where(l => l.Key.User is not null).Select(l => l.Key.User!.Value)
            .Concat(people.Keys.Select(k => k.User)).Concat(summaries.Select(s => s.UserId)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.BadgeNumber }, ct);

        var itemRows = keptLines
            .GroupBy(l => l.Key with { Day = LedgerPeriods.StartOf(l.Key.Day, query.Period) }, l => l.Value)
            .Select(g =>
            {
                var line = Line.Sum(g);
                var counter = g.Key.Counter is { } c && counters.TryGetValue(c, out var ci) ? ci : null;
                var item = items.GetValueOrDefault(g.Key.Item);
                var user = g.Key.User is { } u ? users.GetValueOrDefault(u) : null;
                return (Order: (counter?.Number ?? int.MaxValue, user?.DisplayName ?? "", item?.SortOrder ?? 0),
                    Row: new LedgerItemRow(g.Key.Day, g.Key.Counter, counter?.Number, counter?.Name, g.Key.User, user?.DisplayName,
                        user?.BadgeNumber, g.Key.Item, item?.Name ?? "", item is null ? null : departments.GetValueOrDefault(item.DepartmentId),
                        line.Served, line.NoShows, line.TransfersOut, line.TransfersIn, line.Expired,
                        Average(line.WaitSum, line.Waits), Round(line.WaitMax), Average(line.ServiceSum, line.Services), Round(line.ServiceMax),
                        line.CasesRegistered, line.CasesAccepted, line.CasesRefused, line.NoticesIssued,
                        line.Levels[(int)SatisfactionLevel.VerySatisfied], line.Levels[(int)SatisfactionLevel.Satisfied],
                        line.Levels[(int)SatisfactionLevel.BasicallySatisfied], line.Levels[(int)SatisfactionLevel.Dissatisfied],
                        line.Levels[(int)SatisfactionLevel.VeryDissatisfied]));
            })
            .OrderBy(x => x.Row.PeriodStart).ThenBy(x => x.Order.Item1).ThenBy(x => x.Order.Item2, StringComparer.Ordinal).ThenBy(x => x.Order.Item3)
            .Select(x => x.Row).ToList();

        var staffRows = people.Where(p => PersonPasses(p.Key.User))
            .GroupBy(p => (Day: LedgerPeriods.StartOf(p.Key.Day, query.Period), p.Key.User), p => p.Value)
            .Select(g =>
            {
                var person = Person.Sum(g);
                var user = users.GetValueOrDefault(g.Key.User);
                return new LedgerStaffRow(g.Key.Day, g.Key.User, user?.DisplayName, user?.BadgeNumber, person.InquiriesRecorded,
                    person.InquiriesAnswered, person.Pauses.Sum(p => p.Value.Count), Math.Round(person.Pauses.Sum(p => p.Value.Minutes), 1),
                    [.. Enum.GetValues<PauseCategory>().Where(person.Pauses.ContainsKey)
                        .Select(c => new LedgerPause(c, person.Pauses[c].Count, Math.Round(person.Pauses[c].Minutes, 1)))]);
            })
            .OrderBy(r => r.PeriodStart).ThenBy(r => r.StaffName, StringComparer.Ordinal).ToList();

        var summaryRows = summaries.Where(s => PersonPasses(s.UserId))
            .Select(s => new LedgerSummaryRow(s.Day, s.UserId, users.GetValueOrDefault(s.UserId)?.DisplayName,
                users.GetValueOrDefault(s.UserId)?.BadgeNumber, s.Text, s.WrittenAt, s.UpdatedAt))
            .OrderBy(s => s.Day).ThenBy(s => s.StaffName, StringComparer.Ordinal).ToList();

        // Bookings are the item's: a view of one counter or one person has none.
        var appointments = onlyOwn || query.CounterId is not null || query.StaffUserId is not null
            ? []
            : (await AppointmentTallies.PerItemAndDayAsync(db, hallId, firstDay, lastDay, ct))
                .Where(a => (query.ServiceItemId is null || a.ServiceItemId == query.ServiceItemId)
                    && (query.DepartmentId is null || items.TryGetValue(a.ServiceItemId, out var item) && item.DepartmentId == query.DepartmentId))
                .GroupBy(a => (Start: LedgerPeriods.StartOf(a.Day, query.Period), a.ServiceItemId))
                .Select(g => new LedgerAppointmentRow(g.Key.Start, g.Key.ServiceItemId, g.First().ServiceItemName,
                    items.TryGetValue(g.Key.ServiceItemId, out var item) ? departments.GetValueOrDefault(item.DepartmentId) : null,
                    g.Sum(a => a.Booked), g.Sum(a => a.CheckedIn), g.Sum(a => a.NoShows), g.Sum(a => a.Cancelled)))
                .OrderBy(r => r.PeriodStart).ThenBy(r => items.GetValueOrDefault(r.ServiceItemId)?.SortOrder ?? 0).ToList();

        return new ServiceLedger(hallId, firstDay, lastDay, query.Period, onlyOwn, itemRows, staffRows, summaryRows, appointments);
    }

    private static double? Average(double sum, long count) => count == 0 ? null : Math.Round(sum / count, 1);

    private static double? Round(double? minutes) => minutes is { } m ? Math.Round(m, 1) : null;

    private readonly record struct LineKey(DateOnly Day, Guid? Counter, Guid? User, Guid Item);

    private sealed class Line
    {
        public int Served, NoShows, TransfersOut, TransfersIn, Expired, CasesRegistered, CasesAccepted, CasesRefused, NoticesIssued;
        public long Waits, Services;
        public double WaitSum, ServiceSum;
        public double? WaitMax, ServiceMax;
        public int[] Levels { get; } = new int[Enum.GetValues<SatisfactionLevel>().Length];

        public void Add(TicketTally t)
        {
            Served += (int)t.Served;
            NoShows += (int)t.NoShows;
            TransfersOut += (int)t.TransfersOut;
            TransfersIn += (int)t.TransfersIn;
            Expired += (int)t.Expired;
            Waits += t.Waits;
            WaitSum += t.WaitSum ?? 0;
            WaitMax = Max(WaitMax, t.WaitMax);
            Services += t.Services;
            ServiceSum += t.ServiceSum ?? 0;
            ServiceMax = Max(ServiceMax, t.ServiceMax);
        }

        public static Line Sum(IEnumerable<Line> lines)
        {
            var sum = new Line();
            foreach (var l in lines)
            {
                sum.Served += l.Served;
                sum.NoShows += l.NoShows;
                sum.TransfersOut += l.TransfersOut;
                sum.TransfersIn += l.TransfersIn;
                sum.Expired += l.Expired;
                sum.Waits += l.Waits;
                sum.WaitSum += l.WaitSum;
                sum.WaitMax = Max(sum.WaitMax, l.WaitMax);
                sum.Services += l.Services;
                sum.ServiceSum += l.ServiceSum;
                sum.ServiceMax = Max(sum.ServiceMax, l.ServiceMax);
                sum.CasesRegistered += l.CasesRegistered;
                sum.CasesAccepted += l.CasesAccepted;
                sum.CasesRefused += l.CasesRefused;
                sum.NoticesIssued += l.NoticesIssued;
                for (var i = 0; i < sum.Levels.Length; i++)
                    sum.Levels[i] += l.Levels[i];
            }
            return sum;
        }

        private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
    }

    private sealed class Person
    {
        public int InquiriesRecorded, InquiriesAnswered;
        public Dictionary<PauseCategory, (int Count, double Minutes)> Pauses { get; } = new();

        public void AddPause(PauseCategory category, double minutes)
        {
            var (count, total) = Pauses.GetValueOrDefault(category);
            Pauses[category] = (count + 1, total + Math.Max(0, minutes));
        }

        public static Person Sum(IEnumerable<Person> people)
        {
            var sum = new Person();
            foreach (var p in people)
            {
                sum.InquiriesRecorded += p.InquiriesRecorded;
                sum.InquiriesAnswered += p.InquiriesAnswered;
                foreach (var (category, (count, minutes)) in p.Pauses)
                {
                    var (c, m) = sum.Pauses.GetValueOrDefault(category);
                    sum.Pauses[category] = (c + count, m + minutes);
                }
            }
            return sum;
        }
    }
}
