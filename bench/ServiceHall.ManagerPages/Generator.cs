using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Attendance;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Complaints;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Guides;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Inquiries;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Ratings;

namespace ServiceHall.ManagerPages;

/// <summary>
/// A year of a large hall written straight into the database (EF Core batches, a day per save, no change tracking kept),
/// on top of the demo hall the server seeded: counters and staff up to the asked numbers, then for each working day
/// before today tickets with realistic waits, services, transfers, no-shows and a few expired ones, their events,
/// counter sessions with pauses, sign-ins, ratings, complaints, cases, inquiries and alerts. Seeded: the same data every run.
/// </summary>
public sealed class Generator(Options options, DbContextOptions<HallDbContext> dbOptions)
{
    // Arrivals per opening hour (09:00…16:00): a morning peak, a lunch dip, an afternoon peak.
    private static readonly double[] HourWeights = [9, 14, 13, 8, 5, 10, 12, 9];
    private static readonly string[] ComplaintTitles = ["排队时间太长", "窗口人员态度生硬", "材料要求说明不清", "叫号屏显示错误", "办理进度无人告知", "窗口离岗无人顶替"];

    private readonly Random _random = new(options.Seed);

    public sealed record Result(Guid HallId, string FirstTicketNumber, DateOnly LastDay, int Tickets, int Rows, TimeSpan Elapsed);

    /// <summary>What a timing run needs of a database generated earlier: its hall, last day and that day's first number.</summary>
    public static async Task<Result> ReadBackAsync(DbContextOptions<HallDbContext> dbOptions, CancellationToken ct)
    {
        await using var db = new HallDbContext(dbOptions);
        var hallId = await db.Tickets.GroupBy(t => t.HallId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(ct);
        var lastDay = await db.Tickets.Where(t => t.HallId == hallId).MaxAsync(t => t.BusinessDay, ct);
        var first = await db.Tickets.Where(t => t.HallId == hallId && t.BusinessDay == lastDay).OrderBy(t => t.IssuedAt).Select(t => t.Number).FirstAsync(ct);
        return new Result(hallId, first, lastDay, await db.Tickets.CountAsync(ct), 0, TimeSpan.Zero);
    }

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        Guid hallId;
        TimeZoneInfo zone;
        TimeOnly opens;
        List<ServiceItem> items;
        List<(Counter Counter, Guid[] Items)> counters;
        List<Guid> staff;
        Guid supervisorId;
        await using (var db = new HallDbContext(dbOptions))
        {
            var hall = await db.Halls.OrderBy(h => h.Name).FirstAsync(ct);
            // The demo hall opens when the app starts, so that a demo can call at once (started at night, its day crossed
            // midnight); the year is of a real hall's day.
            (hall.OpensAt, hall.ClosesAt, hall.IssueCutoff) = (new TimeOnly(9, 0), new TimeOnly(17, 0), new TimeOnly(16, 30));
            await db.SaveChangesAsync(ct);
            (hallId, zone, opens) = (hall.Id, TimeZoneInfo.FindSystemTimeZoneById(hall.TimeZoneId), hall.OpensAt);
            items = await db.ServiceItems.Where(i => i.HallId == hallId && i.IsActive).OrderBy(i => i.SortOrder).ToListAsync(ct);
            (counters, staff) = await GrowHallAsync(db, hall, items, ct);
            supervisorId = await db.Users.Where(u => u.HallId == hallId && u.UserName == "supervisor").Select(u => u.Id).FirstAsync(ct);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone));
        var days = new List<DateOnly>();
        for (var day = today.AddDays(-1); days.Count < options.Days; day = day.AddDays(-1))
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                days.Insert(0, day);

        var (tickets, rows) = (0, 0);
        foreach (var (day, index) in days.Select((d, i) => (d, i)))
        {
            await using var db = new HallDbContext(dbOptions);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var dayRows = AddDay(db, hallId, zone, opens, day, index, items, counters, staff, supervisorId, out var dayTickets);
            await SaveDayAsync(db, ct);
            (tickets, rows) = (tickets + dayTickets, rows + dayRows);
            if ((index + 1) % 20 == 0 || index == days.Count - 1)
                Console.WriteLine($"  {index + 1}/{days.Count} days, {tickets:N0} tickets, {rows:N0} rows, {watch.Elapsed.TotalSeconds:0} s");
        }
        return new Result(hallId, $"{items[0].Prefix}001", days[^1], tickets, rows, watch.Elapsed);
    }

    /// <summary>
    /// One day in one transaction: each table through one prepared INSERT built from the EF model, parents before children.
    /// </summary>
    private static async Task SaveDayAsync(HallDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await BulkAsync<CounterSession>(db, ct);
        await BulkAsync<CounterPause>(db, ct);
        await BulkAsync<AttendanceRecord>(db, ct);
        await BulkAsync<Ticket>(db, ct);
        await BulkAsync<TicketEvent>(db, ct);
        await BulkAsync<Rating>(db, ct);
        await BulkAsync<Complaint>(db, ct);
        await BulkAsync<Case>(db, ct);
        await BulkAsync<Inquiry>(db, ct);
        await BulkAsync<Alert>(db, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task BulkAsync<T>(HallDbContext db, CancellationToken ct) where T : class
    {
        var entries = db.ChangeTracker.Entries<T>().ToList();
        var rows = entries.Select(e => e.Entity).ToList();
        foreach (var entry in entries)
            entry.State = EntityState.Detached;
        await PreparedInsert.InsertAsync(db, rows, ct);
    }

    /// <summary>Counters up to the asked number (each serving two items of the hall) and counter staff up to the asked number.</summary>
    private async Task<(List<(Counter, Guid[])> Counters, List<Guid> Staff)> GrowHallAsync(HallDbContext db, Hall hall, List<ServiceItem> items,
        CancellationToken ct)
    {
        var existing = await db.Counters.Include(c => c.ServiceItems).Where(c => c.HallId == hall.Id).OrderBy(c => c.Number).ToListAsync(ct);
        for (var number = existing.Count == 0 ? 1 : existing.Max(c => c.Number) + 1; existing.Count < options.Counters; number++)
        {
            var first = items[existing.Count % items.Count];
            var second = items[(existing.Count + 1) % items.Count];
            var counter = new Counter { Id = Guid.NewGuid(), HallId = hall.Id, DepartmentId = first.DepartmentId, Number = number, Name = $"{number}号窗口",
                InService = true, IsActive = true };
            counter.ServiceItems.Add(new CounterServiceItem { CounterId = counter.Id, ServiceItemId = first.Id });
            if (second.Id != first.Id)
                counter.ServiceItems.Add(new CounterServiceItem { CounterId = counter.Id, ServiceItemId = second.Id });
            db.Counters.Add(counter);
            existing.Add(counter);
        }
        var staffRole = await db.Roles.Where(r => r.Name == Roles.Staff).Select(r => r.Id).FirstAsync(ct);
        var staff = await db.Users.Where(u => u.HallId == hall.Id && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == staffRole))
            .OrderBy(u => u.BadgeNumber).Select(u => u.Id).ToListAsync(ct);
        for (var n = 1; staff.Count < options.Staff; n++)
        {
            var name = $"bench{n:D3}";
            if (await db.Users.AnyAsync(u => u.UserName == name, ct))
                continue;
            var user = new User
            {
                Id = Guid.NewGuid(), UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = $"工作人员{n:D3}",
                BadgeNumber = $"B{n:D3}", HallId = hall.Id, CreatedAt = DateTime.UtcNow, SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new() { UserId = user.Id, RoleId = staffRole });
            staff.Add(user.Id);
        }
        await db.SaveChangesAsync(ct);
        return ([.. existing.Select(c => (c, c.ServiceItems.Select(s => s.ServiceItemId).ToArray()))], staff);
    }

    private int AddDay(HallDbContext db, Guid hallId, TimeZoneInfo zone, TimeOnly opens, DateOnly day, int dayIndex, List<ServiceItem> items,
        List<(Counter Counter, Guid[] Items)> counters, List<Guid> staff, Guid supervisorId, out int ticketCount)
    {
        DateTime Utc(double minutesAfterOpening) =>
            TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(opens), DateTimeKind.Unspecified), zone).AddMinutes(minutesAfterOpening);
        var rows = 0;
        var workday = Enumerable.Range(0, counters.Count).Select(c => staff[(c + dayIndex * counters.Count) % staff.Count]).ToArray();
        var byItem = items.ToDictionary(i => i.Id, i => counters.Select((c, n) => (c.Counter, Staff: workday[n])).Where(c => c.Counter.ServiceItems
            .Any(s => s.ServiceItemId == i.Id)).ToArray());

        // Counters open at 09:00 (now and then a few minutes late), staffed all day, with a lunch pause and sometimes a short one.
        for (var c = 0; c < counters.Count; c++)
        {
            var session = new CounterSession { Id = Guid.NewGuid(), HallId = hallId, CounterId = counters[c].Counter.Id, UserId = workday[c],
                OpenedAt = Utc(_random.NextDouble() < 0.05 ? _random.Next(3, 20) : 0), ClosedAt = Utc(8 * 60 + _random.Next(0, 10)) };
            session.LastActionAt = session.ClosedAt;
            db.CounterSessions.Add(session);
            db.CounterPauses.Add(new CounterPause { Id = Guid.NewGuid(), SessionId = session.Id, CounterId = session.CounterId,
                StartedAt = Utc(180 + _random.Next(0, 60)), EndedAt = Utc(245 + _random.Next(0, 30)), Reason = "午餐", Category = PauseCategory.LunchBreak,
                SubstituteUserId = _random.NextDouble() < 0.7 ? workday[(c + 1) % counters.Count] : null });
            if (_random.NextDouble() < 0.3)
                db.CounterPauses.Add(new CounterPause { Id = Guid.NewGuid(), SessionId = session.Id, CounterId = session.CounterId,
                    StartedAt = Utc(60 + _random.Next(0, 300)), EndedAt = null, Reason = "临时离开", Category = PauseCategory.TemporaryLeave });
            // Sign-in: due 10 minutes before opening; one in ten arrives later.
            db.AttendanceRecords.Add(new AttendanceRecord { Id = Guid.NewGuid(), HallId = hallId, UserId = workday[c], Day = day,
                SignedInAt = Utc(_random.NextDouble() < 0.1 ? _random.Next(-9, 5) : _random.Next(-25, -10)), SignedOutAt = Utc(8 * 60 + _random.Next(5, 20)) });
            rows += 3;
        }
        // Pauses without an end are closed a few minutes later.
        foreach (var pause in db.ChangeTracker.Entries<CounterPause>().Select(e => e.Entity).Where(p => p.EndedAt is null))
            pause.EndedAt = pause.StartedAt.AddMinutes(_random.Next(3, 25));

        var sequences = items.ToDictionary(i => i.Id, _ => 0);
        var served = new List<Ticket>();
        var issued = 0;
        Ticket NewTicket(ServiceItem item, double arrival, TicketChannel channel)
        {
            var sequence = ++sequences[item.Id];
            issued++;
            return new Ticket { Id = Guid.NewGuid(), HallId = hallId, ServiceItemId = item.Id, BusinessDay = day, Sequence = sequence,
                Number = $"{item.Prefix}{sequence:D3}", Channel = channel, IssuedAt = Utc(arrival), QueuedAt = Utc(arrival),
                RatingKey = System.Buffers.Text.Base64Url.EncodeToString(Guid.NewGuid().ToByteArray()) };
        }
        void Event(Ticket t, TicketEventKind kind, DateTime at, Guid? user, Guid? counter, string? reason = null)
        {
            db.TicketEvents.Add(new TicketEvent { TicketId = t.Id, HallId = hallId, Kind = kind, At = at, UserId = user, CounterId = counter, Reason = reason });
            rows++;
        }
        var total = HourWeights.Sum();
        for (var n = 0; n < options.TicketsPerDay; n++)
        {
            var hour = Pick(HourWeights, total);
            var arrival = hour * 60 + _random.NextDouble() * 60;
            var item = items[Math.Min(items.Count - 1, (int)(Math.Pow(_random.NextDouble(), 1.6) * items.Count))];
            var ticket = NewTicket(item, arrival, _random.NextDouble() < 0.8 ? TicketChannel.Kiosk : TicketChannel.Phone);
            db.Tickets.Add(ticket);
            rows++;
            // A few arrive late in the day and are never called (Q7's expired tickets).
            if (arrival > 7.8 * 60 && _random.NextDouble() < 0.08)
            {
                ticket.Status = TicketStatus.Expired;
                Event(ticket, TicketEventKind.Expired, Utc(8 * 60 + 30), null, null);
                continue;
            }
            var peak = HourWeights[hour] / HourWeights.Max();
            var wait = Math.Min(60, -Math.Log(1 - _random.NextDouble()) * (3 + 7 * peak));
            var (counter, staffId) = byItem[item.Id][_random.Next(byItem[item.Id].Length)];
            ticket.CounterId = counter.Id;
            ticket.CalledByUserId = staffId;
            ticket.CalledAt = Utc(arrival + wait);
            var outOfOrder = _random.NextDouble() < 0.01;
            if (outOfOrder)
                ticket.CallReason = "老人优先";
            Event(ticket, outOfOrder ? TicketEventKind.CalledOutOfOrder : TicketEventKind.Called, ticket.CalledAt.Value, staffId, counter.Id, ticket.CallReason);
            var roll = _random.NextDouble();
            if (roll < 0.04)
            {
                ticket.Status = TicketStatus.NoShow;
                ticket.NoShowAt = ticket.CalledAt.Value.AddMinutes(3);
                Event(ticket, TicketEventKind.NoShow, ticket.NoShowAt.Value, staffId, counter.Id);
                continue;
            }
            var service = Math.Max(1, item.AverageServiceMinutes * Math.Exp(0.5 * Normal() - 0.125));
            ticket.StartedAt = ticket.CalledAt.Value.AddMinutes(0.5 + _random.NextDouble());
            Event(ticket, TicketEventKind.Started, ticket.StartedAt.Value, staffId, counter.Id);
            if (roll < 0.07)
            {
                // Transferred to another item: the first ticket ends here, a new one of the other item carries the visit on.
                ticket.Status = TicketStatus.Transferred;
                ticket.FinishedAt = ticket.StartedAt.Value.AddMinutes(2);
                Event(ticket, TicketEventKind.TransferredOut, ticket.FinishedAt.Value, staffId, counter.Id, "不属于本窗口职责");
                var other = items[(items.IndexOf(item) + 1) % items.Count];
                var next = NewTicket(other, arrival + wait + 3, TicketChannel.Transfer);
                next.TransferredFromTicketId = ticket.Id;
                db.Tickets.Add(next);
                rows++;
                Event(next, TicketEventKind.TransferredIn, next.QueuedAt, staffId, counter.Id, "不属于本窗口职责");
                var (to, toStaff) = byItem[other.Id][_random.Next(byItem[other.Id].Length)];
                (next.CounterId, next.CalledByUserId, next.CalledAt) = (to.Id, toStaff, next.QueuedAt.AddMinutes(2 + _random.NextDouble() * 6));
                next.StartedAt = next.CalledAt.Value.AddMinutes(1);
                (next.FinishedAt, next.Status) = (next.StartedAt.Value.AddMinutes(service), TicketStatus.Done);
                Event(next, TicketEventKind.Called, next.CalledAt.Value, toStaff, to.Id);
                Event(next, TicketEventKind.Started, next.StartedAt.Value, toStaff, to.Id);
                Event(next, TicketEventKind.Finished, next.FinishedAt.Value, toStaff, to.Id);
                served.Add(next);
                continue;
            }
            (ticket.FinishedAt, ticket.Status) = (ticket.StartedAt.Value.AddMinutes(service), TicketStatus.Done);
            Event(ticket, TicketEventKind.Finished, ticket.FinishedAt.Value, staffId, counter.Id);
            served.Add(ticket);
        }

        var itemById = items.ToDictionary(i => i.Id);
        // 好差评: about 60 % rate their visit (400,000 a year at full size), a few of them badly.
        foreach (var t in served.Where(_ => _random.NextDouble() < 0.6))
        {
            var level = _random.NextDouble() switch
            {
                < 0.70 => SatisfactionLevel.VerySatisfied,
                < 0.92 => SatisfactionLevel.Satisfied,
                < 0.98 => SatisfactionLevel.BasicallySatisfied,
                < 0.995 => SatisfactionLevel.Dissatisfied,
                _ => SatisfactionLevel.VeryDissatisfied,
            };
            db.Ratings.Add(new Rating { Id = Guid.NewGuid(), HallId = hallId, TicketId = t.Id, TicketNumber = t.Number, CounterId = t.CounterId,
                StaffUserId = t.CalledByUserId, ServiceItemId = t.ServiceItemId, DepartmentId = itemById[t.ServiceItemId].DepartmentId, Level = level,
                Channel = RatingChannel.HallPad, ServedAt = t.FinishedAt!.Value, BusinessDay = t.BusinessDay, RatedAt = t.FinishedAt.Value.AddMinutes(1),
                IsBad = level is SatisfactionLevel.Dissatisfied or SatisfactionLevel.VeryDissatisfied });
            rows++;
        }

        // Complaints: about 12 a working day (3,000 a year), most replied and closed within their limits.
        for (var n = 1; n <= 12; n++)
        {
            var t = served[_random.Next(served.Count)];
            var registered = Utc(_random.Next(0, 8 * 60));
            var subject = (ComplaintSubject)_random.Next(4);
            var late = _random.NextDouble() < 0.1;
            db.Complaints.Add(new Complaint
            {
                Id = Guid.NewGuid(), HallId = hallId, Number = $"TS{day:yyyyMMdd}-{n:D4}", TrackingCode = Guid.NewGuid(),
                Channel = (ComplaintChannel)_random.Next(5), Title = ComplaintTitles[_random.Next(ComplaintTitles.Length)], Content = "—", Anonymous = true,
                Subject = subject, Category = (ComplaintCategory)_random.Next(7),
                CounterId = subject is ComplaintSubject.Counter or ComplaintSubject.Staff ? t.CounterId : null,
                StaffUserId = subject == ComplaintSubject.Staff ? t.CalledByUserId : null,
                ServiceItemId = subject == ComplaintSubject.ServiceItem ? t.ServiceItemId : null,
                Status = ComplaintStatus.Closed, Disposition = ComplaintDisposition.None, RegisteredAt = registered, RegisteredByUserId = supervisorId,
                AssigneeDepartmentId = itemById[t.ServiceItemId].DepartmentId, AssignedAt = registered.AddHours(1),
                AssignDue = day.AddDays(1), ReplyDue = day.AddDays(5), CloseDue = day.AddDays(10),
                Finding = "属实", Reply = "已整改", RepliedAt = registered.AddDays(late ? 7 : 2), ClosedAt = registered.AddDays(late ? 12 : 4),
            });
            rows++;
        }

        // Cases: about 400 a working day (100,000 a year), promised in 5 working days; one in twenty finished late.
        for (var n = 1; n <= 400 && n <= served.Count; n++)
        {
            var t = served[(n * 7) % served.Count];
            var item = itemById[t.ServiceItemId];
            var due = day.AddDays(7);
            var completed = t.FinishedAt!.Value.AddDays(_random.NextDouble() < 0.05 ? 9 : _random.Next(0, 6));
            db.Cases.Add(new Case
            {
                Id = Guid.NewGuid(), HallId = hallId, ServiceItemId = item.Id, DepartmentId = item.DepartmentId, Number = $"SJ{day:yyyyMMdd}{n:D4}",
                TicketId = t.Id, CounterId = t.CounterId, Status = CaseStatus.Completed, Version = 1, RegisteredAt = t.StartedAt!.Value,
                RegisteredByUserId = t.CalledByUserId!.Value, TimeLimitClass = TimeLimitClass.Promised, PromisedDays = 5, PickupAfterWorkingDays = 1,
                AcceptedAt = t.FinishedAt.Value, AcceptedByUserId = t.CalledByUserId, ReceiptNumber = $"SL{day:yyyyMMdd}{n:D4}", ReceivedDay = day,
                DueDate = due, DueAt = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(due.ToDateTime(new TimeOnly(17, 0)), DateTimeKind.Unspecified), zone),
                PickupDate = due.AddDays(1), CompletedAt = completed, Result = "准予许可",
            });
            rows++;
        }

        // Inquiries: about 150 a working day, most answered on the spot, the rest promised for the next day.
        for (var n = 0; n < 150 && served.Count > 0; n++)
        {
            var t = served[(n * 11) % served.Count];
            var onTheSpot = _random.NextDouble() < 0.8;
            var recorded = t.StartedAt!.Value;
            db.Inquiries.Add(new Inquiry
            {
                Id = Guid.NewGuid(), HallId = hallId, Question = "办理需要哪些材料？", Channel = InquiryChannel.OnSite, OwnerUserId = t.CalledByUserId!.Value,
                RecordedAt = recorded, Status = InquiryStatus.Answered, AnsweredOnTheSpot = onTheSpot,
                PromisedReplyAt = onTheSpot ? null : recorded.AddDays(1), Reply = "已一次性告知", RepliedAt = recorded.AddHours(onTheSpot ? 0 : _random.Next(2, 30)),
                RepliedByUserId = t.CalledByUserId, Version = 1,
            });
            rows++;
        }

        // Alerts: queues over their limit at the peaks, now and then an empty counter; each cleared after a while.
        for (var n = 0; n < 4 + _random.Next(4); n++)
        {
            var item = items[_random.Next(items.Count)];
            var raised = Utc(60 + _random.Next(0, 6 * 60));
            db.Alerts.Add(new Alert { Id = Guid.NewGuid(), HallId = hallId, Kind = AlertKind.QueueTooLong, ServiceItemId = item.Id,
                ConditionKey = $"QueueTooLong:{item.Id}", Value = item.MaxWaiting + 1 + _random.Next(6), Threshold = item.MaxWaiting, RaisedAt = raised,
                ClearedAt = raised.AddMinutes(4 + _random.Next(40)), AcknowledgedAt = _random.NextDouble() < 0.7 ? raised.AddMinutes(2) : null,
                AcknowledgedByUserId = supervisorId });
            rows++;
        }
        var empty = counters[_random.Next(counters.Count)].Counter;
        var at = Utc(_random.Next(30, 7 * 60));
        db.Alerts.Add(new Alert { Id = Guid.NewGuid(), HallId = hallId, Kind = AlertKind.CounterUnstaffed, CounterId = empty.Id,
            ConditionKey = $"CounterUnstaffed:{empty.Id}", Value = 5, Threshold = 5, RaisedAt = at, ClearedAt = at.AddMinutes(3 + _random.Next(15)) });
        foreach (var alert in db.ChangeTracker.Entries<Alert>().Select(e => e.Entity).Where(a => a.AcknowledgedAt is null))
            alert.AcknowledgedByUserId = null;
        ticketCount = issued;
        return rows + 1;
    }

    private int Pick(double[] weights, double total)
    {
        var x = _random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
            if ((x -= weights[i]) < 0)
                return i;
        return weights.Length - 1;
    }

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
