using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Attendance;
using ServiceHall.Core.Features.Complaints;
using ServiceHall.Core.Features.Conduct;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.Core.Features.Standards;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Assessment;

/// <summary>
/// A scripted past month (October 2026, before the test clock's November) of a hall of two staff members at two counters,
/// written straight into the database so that every figure is known:
/// staff 1 at counter 1 — 4 tickets served in 25 minutes against 20 standard (125 %), 2 called after waiting over the
/// 10-minute target, ratings 非常满意 / 满意 / 不满意 (66.7 %), 1 upheld complaint (and 1 not upheld), 1 confirmed finding
/// (and 1 dismissed), late on 2 days, left early on 1, absent on 1, 1 yellow card;
/// staff 2 at counter 2 — 2 tickets in 10 minutes (100 %), no long wait, one rating 非常满意 (the other ticket unrated),
/// in every working day on time, 1 red card.
/// </summary>
public sealed record AssessmentMonth(TestHall Hall, Guid Staff1, Guid Staff2, Guid Department, Guid UnratedTicket, List<string> LongWaits, List<DateOnly> Working)
{
    public const int Year = 2026;
    public const int Month = 10;
    public const string Query = "year=2026&month=10";
    private static readonly HallClock Shanghai = new("Asia/Shanghai");

    public static DateTime At(int day, int hour, int minute) => Shanghai.ToUtc(new DateOnly(Year, Month, day), new TimeOnly(hour, minute));

    public static async Task<AssessmentMonth> CreateAsync(HallApp app)
    {
        var hall = await TestHall.CreateAsync(app, prefixes: ["A"], configure: h =>
        {
            h.OpensAt = new TimeOnly(9, 0);
            h.ClosesAt = new TimeOnly(17, 0);
            h.WeekdayHours = [];
            // The hall monitor scans on every change: a counter left empty would add cards of its own.
            h.UnstaffedGraceMinutes = 24 * 60;
        });
        var staff1 = await TestHall.UserIdAsync(app, hall.Staff[0]);
        var staff2 = await TestHall.UserIdAsync(app, hall.Staff[1]);
        var item = hall.Item("A");
        var (c1, c2) = (hall.Counters[0], hall.Counters[1]);
        var longWaits = new List<string>();
        Guid unrated = default;
        var department = Guid.Empty;
        var working = new List<DateOnly>();
        await app.WithDbAsync(async db =>
        {
            department = await db.ServiceItems.Where(i => i.Id == item).Select(i => i.DepartmentId).SingleAsync();
            // Both accounts existed long before October: every working day expects them.
            foreach (var user in await db.Users.Where(u => u.Id == staff1 || u.Id == staff2).ToListAsync())
                user.CreatedAt = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);

            var seq = 0;
            Ticket Served(Guid staff, Guid counter, int day, int waitMinutes, int serviceMinutes)
            {
                seq++;
                var queued = At(day, 10, seq);
                var called = queued.AddMinutes(waitMinutes);
                var ticket = new Ticket
                {
                    Id = Guid.CreateVersion7(), HallId = hall.Id, ServiceItemId = item, BusinessDay = new DateOnly(Year, Month, day), Sequence = seq,
                    Number = $"A{seq:000}", Status = TicketStatus.Done, IssuedAt = queued, QueuedAt = queued, CounterId = counter, CalledByUserId = staff,
                    CalledAt = called, StartedAt = called.AddMinutes(1), FinishedAt = called.AddMinutes(1 + serviceMinutes), RatingKey = $"k{seq}",
                };
                db.Tickets.Add(ticket);
                db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, HallId = hall.Id, Kind = TicketEventKind.Finished, At = ticket.FinishedAt!.Value,
                    UserId = staff, CounterId = counter });
                if (waitMinutes > 10)
                    longWaits.Add(ticket.Number);
                return ticket;
            }
            var a1 = Served(staff1, c1, 12, 2, 4);
            var a2 = Served(staff1, c1, 13, 12, 6);
            var a3 = Served(staff1, c1, 14, 15, 10);
            Served(staff1, c1, 15, 3, 5);
            var b1 = Served(staff2, c2, 12, 1, 5);
            var b2 = Served(staff2, c2, 13, 1, 5);
            unrated = b2.Id;

            Rating Rate(Ticket t, Guid staff, Guid counter, SatisfactionLevel level) => new()
            {
                Id = Guid.CreateVersion7(), HallId = hall.Id, TicketId = t.Id, TicketNumber = t.Number, CounterId = counter, StaffUserId = staff,
                ServiceItemId = item, DepartmentId = department, Level = level, IsBad = Rating.Bad(level), ServedAt = t.FinishedAt!.Value, BusinessDay = t.BusinessDay,
                RatedAt = t.FinishedAt!.Value.AddMinutes(1), Channel = RatingChannel.HallPad,
            };
            db.Ratings.AddRange(Rate(a1, staff1, c1, SatisfactionLevel.VerySatisfied), Rate(a2, staff1, c1, SatisfactionLevel.Satisfied),
                Rate(a3, staff1, c1, SatisfactionLevel.Dissatisfied), Rate(b1, staff2, c2, SatisfactionLevel.VerySatisfied));

            Complaint About(string number, bool? upheld) => new()
            {
                Id = Guid.CreateVersion7(), HallId = hall.Id, Number = number, TrackingCode = Guid.NewGuid(), Channel = ComplaintChannel.OnSite,
                Title = "办事态度差", Content = "窗口人员不耐烦", Subject = ComplaintSubject.Staff, Category = ComplaintCategory.Attitude, CounterId = c1,
                StaffUserId = staff1, ServiceItemId = item, Status = ComplaintStatus.Closed, RegisteredAt = At(16, 9, 0), ClosedAt = At(20, 9, 0),
                Upheld = upheld, AssignDue = new DateOnly(Year, Month, 17), ReplyDue = new DateOnly(Year, Month, 23), CloseDue = new DateOnly(Year, Month, 30),
            };
            db.Complaints.AddRange(About($"TS{hall.Id:N}"[..20], true), About($"TT{hall.Id:N}"[..20], false));

            var check = new ConductCheck { Id = Guid.CreateVersion7(), HallId = hall.Id, StaffUserId = staff1, TicketId = a2.Id, Text = "这不归我管",
                CheckedAt = At(13, 11, 0), CheckedByUserId = staff1 };
            db.ConductChecks.Add(check);
            ConductFinding Finding(FindingStatus status) => new()
            {
                Id = Guid.CreateVersion7(), CheckId = check.Id, HallId = hall.Id, StaffUserId = staff1, TicketId = a2.Id, Phrase = "这不归我管",
                Matched = "这不归我管", Kind = FindingKind.Forbidden, Status = status, FoundAt = At(13, 11, 0), ReviewedAt = At(14, 9, 0),
            };
            db.ConductFindings.AddRange(Finding(FindingStatus.Confirmed), Finding(FindingStatus.Dismissed));

            StandardCard Card(CardColour colour, Guid staff, Guid counter, int day) => new()
            {
                Id = Guid.CreateVersion7(), HallId = hall.Id, Rule = StandardRule.LongestWait, Colour = colour, Unit = StandardScope.Counter, UnitId = counter,
                DepartmentId = department, CounterId = counter, StaffUserId = staff, Day = new DateOnly(Year, Month, day), Figure = 15, Threshold = 10,
                IssuedAt = At(day, 18, 0), Status = CardStatus.Open,
            };
            db.StandardCards.AddRange(Card(CardColour.Yellow, staff1, c1, 14), Card(CardColour.Red, staff2, c2, 13));

            using var scope = app.Services.CreateScope();
            var workingDays = scope.ServiceProvider.GetRequiredService<IWorkingDays>();
            for (var d = new DateOnly(Year, Month, 1); d.Month == Month; d = d.AddDays(1))
                if (await workingDays.IsWorkingDayAsync(hall.Id, d, default))
                    working.Add(d);
            AttendanceRecord Day(Guid user, DateOnly day, TimeOnly signIn, TimeOnly signOut) => new()
            {
                Id = Guid.CreateVersion7(), HallId = hall.Id, UserId = user, Day = day, SignedInAt = Shanghai.ToUtc(day, signIn),
                SignedOutAt = Shanghai.ToUtc(day, signOut),
            };
            var onTime = new TimeOnly(8, 40);
            var closing = new TimeOnly(17, 5);
            for (var i = 0; i < working.Count; i++)
            {
                db.AttendanceRecords.Add(Day(staff2, working[i], onTime, closing));
                // Staff 1: late (due 08:50) on the 1st and 2nd working days, left early on the 3rd, absent on the 4th.
                if (i == 3)
                    continue;
                db.AttendanceRecords.Add(Day(staff1, working[i], i < 2 ? new TimeOnly(9, 5) : onTime, i == 2 ? new TimeOnly(16, 30) : closing));
            }
            await db.SaveChangesAsync();
        });
        return new AssessmentMonth(hall, staff1, staff2, department, unrated, longWaits, working);
    }
}
