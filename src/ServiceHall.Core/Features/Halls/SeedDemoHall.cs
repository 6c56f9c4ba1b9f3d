using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Halls;

/// <summary>
/// The demo hall of a district government service centre, seeded once in Development: departments,
/// items with prefixes, counters and the demo accounts named in the README. Whenever the demo starts,
/// its hall is open (<see cref="OpenNowAsync"/>).
/// </summary>
public sealed class SeedDemoHall(HallDbContext db, UserManager<User> users, TimeProvider time, SeedDemoKindHalls kinds)
{
    public const string DemoPassword = "Demo#2026";
    public const string DemoHallName = "滨江区政务服务中心";

    public async Task<Hall?> HandleAsync(CancellationToken ct)
    {
        if (await db.Halls.AnyAsync(ct))
        {
            await kinds.HandleAsync(ct);
            await OpenNowAsync(ct);
            return null;
        }
        var hall = new Hall
        {
            Id = Guid.CreateVersion7(),
            Name = DemoHallName,
            NameEn = Templates.TemplateEnglishNames.For(DemoHallName),
            Address = "滨江区江南大道 100 号 一楼大厅",
            // A real hall's day until 17:30 (issuing until 17:00), lunch 12:00–13:30 with issuing going
            // on; OpenNowAsync sets it from the hour the demo starts.
            NoticeLine = "请携带身份证原件，按号就座，留意叫号。",
            NoticeLineEn = Templates.TemplateEnglishNames.For("请携带身份证原件，按号就座，留意叫号。"),
        };
        var departments = new[] { "市场监管", "人力社保", "公安户政", "不动产登记" }
            .Select((name, i) => new Department
            {
                Id = Guid.CreateVersion7(), HallId = hall.Id, Name = name, NameEn = Templates.TemplateEnglishNames.For(name), SortOrder = i,
            })
            .ToArray();
        hall.Departments.AddRange(departments);
        db.Halls.Add(hall);

        (string Name, string Prefix, int Dept, int Minutes)[] itemSpecs =
        [
            ("企业开办登记", "A", 0, 8), ("个体工商户登记", "B", 0, 6),
            ("社保参保登记", "C", 1, 5), ("医保业务", "D", 1, 5),
            ("户籍办理", "E", 2, 7), ("居住证办理", "F", 2, 4),
            ("不动产登记", "G", 3, 12), ("综合咨询", "H", 3, 3),
        ];
        var items = itemSpecs.Select((s, i) => new ServiceItem
        {
            Id = Guid.CreateVersion7(), HallId = hall.Id, DepartmentId = departments[s.Dept].Id, Name = s.Name,
            NameEn = Templates.TemplateEnglishNames.For(s.Name),
            Prefix = s.Prefix, AverageServiceMinutes = s.Minutes, SortOrder = i,
        }).ToArray();
        db.ServiceItems.AddRange(items);
        db.ServiceGuides.AddRange(Guides.DemoGuides.For(items, DateTime.UtcNow));

        // Six counters: two per busy department, one each shared; counter 6 is the general desk.
        int[][] served = [[0, 1], [0, 1, 7], [2, 3], [2, 3, 7], [4, 5], [6, 7, 4, 5]];
        for (var n = 0; n < served.Length; n++)
        {
            var counter = new Counter
            {
                Id = Guid.CreateVersion7(), HallId = hall.Id, Number = n + 1, Name = $"{n + 1}号窗口",
                NameEn = Templates.TemplateEnglishNames.CounterName(n + 1),
                DepartmentId = items[served[n][0]].DepartmentId,
            };
            counter.ServiceItems.AddRange(served[n].Select(i => new CounterServiceItem { CounterId = counter.Id, ServiceItemId = items[i].Id }));
            db.Counters.Add(counter);
        }
        await db.SaveChangesAsync(ct);

        await AddUserAsync("admin", "系统管理员", null, null, Roles.Admin);
        await AddUserAsync("supervisor", "中心管理办", "S001", hall.Id, Roles.Supervisor);
        await AddUserAsync("staff1", "王晓明", "1001", hall.Id, Roles.Staff);
        await AddUserAsync("staff2", "李静", "1002", hall.Id, Roles.Staff);
        await AddUserAsync("staff3", "张伟", "1003", hall.Id, Roles.Staff);
        await AddUserAsync("kiosk1", "大厅取号机 1", null, hall.Id, Roles.Kiosk);
        await AddUserAsync("display1", "叫号大屏 1", null, hall.Id, Roles.Display);
        // A rating pad beside every counter (pad1 at counter 1 … pad6 at counter 6), as a hall has them.
        for (var n = 1; n <= served.Length; n++)
            await AddUserAsync($"pad{n}", $"{n}号窗口评价器", null, hall.Id, Roles.RatingPad);
        await SeedAppointmentsAsync(hall, items[6], ct);
        await kinds.HandleAsync(ct);
        await OpenNowAsync(ct);
        return hall;
    }

    /// <summary>
    /// Someone starting the demo can take a ticket at once and sign in on time: the demo hall's day
    /// opens at the present half hour (a sign-in now is not shown hours late), keeps at least two hours
    /// of issuing ahead (17:30 at the earliest), keeps its lunch break where it still fits, and today,
    /// if a day off, becomes a make-up workday of the demo. Only the demo hall, only with Demo:Seed.
    /// </summary>
    public async Task OpenNowAsync(CancellationToken ct)
    {
        var hall = await db.Halls.FirstOrDefaultAsync(h => h.Name == DemoHallName, ct);
        if (hall is not null)
            await OpenAsync(db, time, hall, ct);
        await kinds.OpenNowAsync(ct);
    }

    /// <summary>Opens one demo hall now, as <see cref="OpenNowAsync"/> says; a hall open around the clock keeps its hours.</summary>
    internal static async Task OpenAsync(HallDbContext db, TimeProvider time, Hall hall, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var clock = new HallClock(hall.TimeZoneId);
        var today = clock.BusinessDay(now);
        var local = clock.LocalTime(now);
        var end = new TimeOnly(23, 59, 59);

        var aroundTheClock = hall.OpensAt == TimeOnly.MinValue && hall.ClosesAt >= new TimeOnly(23, 59);
        if (!aroundTheClock)
            SetDay(hall, local, end);
        if (!(await HallDays.ScheduleAsync(db, hall, today, ct)).Open)
        {
            var day = await db.HallCalendarDays.FirstOrDefaultAsync(d => d.HallId == hall.Id && d.Date == today, ct);
            if (day is null)
                db.HallCalendarDays.Add(day = new Calendar.HallCalendarDay { Id = Guid.CreateVersion7(), HallId = hall.Id, Date = today });
            (day.Kind, day.Name, day.UpdatedAt, day.UpdatedByUserId) = (Calendar.CalendarDayKind.MakeUpWorkday, "演示开放日", now, Guid.Empty);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Q8 in the demo: an appointment platform's account, and 不动产登记 bookable in half-hour slots of four a week ahead.</summary>
    private async Task SeedAppointmentsAsync(Hall hall, ServiceItem item, CancellationToken ct)
    {
        await AddUserAsync("integrator1", "预约平台", null, hall.Id, Roles.Integrator);
        var supervisor = await users.FindByNameAsync("supervisor");
        db.AppointmentPlans.Add(new Appointments.AppointmentPlan
        {
            ServiceItemId = item.Id, HallId = hall.Id, SlotMinutes = 30, Capacity = 4, DaysAhead = 7, RequiresIdNumber = true,
            UpdatedAt = time.GetUtcNow().UtcDateTime, UpdatedByUserId = supervisor!.Id,
        });
        await db.SaveChangesAsync(ct);
    }

    private static void SetDay(Hall hall, TimeOnly local, TimeOnly end)
    {
        hall.WeekdayHours = [];
        hall.OpensAt = new TimeOnly(local.Hour, local.Minute < 30 ? 0 : 30);
        var closes = local.Hour >= 21 ? end : local.AddMinutes(150);
        hall.ClosesAt = closes < new TimeOnly(17, 30) ? new TimeOnly(17, 30) : closes;
        hall.IssueCutoff = hall.ClosesAt == end ? end : hall.ClosesAt.AddMinutes(-30);
        var lunchFits = hall.OpensAt < new TimeOnly(12, 0) && hall.ClosesAt > new TimeOnly(13, 30);
        hall.LunchStartsAt = lunchFits ? new TimeOnly(12, 0) : null;
        hall.LunchEndsAt = lunchFits ? new TimeOnly(13, 30) : null;
        hall.IssueDuringLunch = true;
    }

    private async Task AddUserAsync(string userName, string displayName, string? badge, Guid? hallId, string role)
    {
        var user = new User { UserName = userName, DisplayName = displayName, BadgeNumber = badge, HallId = hallId,
            CreatedAt = time.GetUtcNow().UtcDateTime };
        EnsureRoles.Check(await users.CreateAsync(user, DemoPassword));
        EnsureRoles.Check(await users.AddToRoleAsync(user, role));
    }
}
