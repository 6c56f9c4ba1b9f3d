using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Admin;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Halls.Templates;

namespace ServiceHall.Core.Features.Halls;

/// <summary>One demo hall of a kind other than the government centre, and the prefix of its accounts.</summary>
public sealed record DemoKindHall(HallKind Kind, string Name, string Address, string Accounts,
    (string Name, string Badge)[] Staff, string SupervisorName);

/// <summary>
/// P7: beside the district centre (<see cref="SeedDemoHall"/>), a hospital, a ticket office and a property front
/// desk, each created from its kind's template as an administrator would, with its own staff, supervisor, kiosk,
/// display and a rating pad at every counter ({accounts}-staff1, {accounts}-pad3 …). A demo database from before
/// gets those missing. Like the centre, each is open whenever the demo starts (<see cref="OpenNowAsync"/>).
/// </summary>
public sealed class SeedDemoKindHalls(HallDbContext db, UserManager<User> users, CreateHall createHall, TimeProvider time)
{
    public static readonly IReadOnlyList<DemoKindHall> Halls =
    [
        new(HallKind.Hospital, "滨江医院", "滨江区江南大道 300 号 门诊大厅", "hospital",
            [("赵敏", "2001"), ("孙磊", "2002")], "门诊办公室"),
        new(HallKind.TicketOffice, "滨江客运站售票处", "滨江区滨盛路 88 号 客运站一楼", "station",
            [("周婷", "3001"), ("吴昊", "3002")], "客运站值班站长"),
        new(HallKind.PropertyDesk, "滨江花园物业服务中心", "滨江花园 5 幢 一楼", "property",
            [("郑丽", "4001"), ("冯涛", "4002")], "物业客服主管"),
    ];

    public async Task HandleAsync(CancellationToken ct)
    {
        foreach (var demo in Halls)
        {
            if (await db.Halls.AnyAsync(h => h.Name == demo.Name, ct))
                continue;
            var hall = await createHall.HandleAsync(new HallRequest(demo.Name, demo.Address, Kind: demo.Kind), ct);
            await db.Halls.Where(h => h.Id == hall.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(h => h.NameEn, Templates.TemplateEnglishNames.For(demo.Name)), ct);
            await AddAccountsAsync(demo, hall.Id, ct);
            await SeedBookingAsync(demo, hall.Id, ct);
        }
    }

    /// <summary>Q8 where the kind books ahead (the hospital): its first item (门诊挂号) in half-hour slots of six, by real name (实名), a week ahead.</summary>
    private async Task SeedBookingAsync(DemoKindHall demo, Guid hallId, CancellationToken ct)
    {
        if (!HallTemplates.For(demo.Kind).Modules.Contains(HallModule.Appointments))
            return;
        var first = HallTemplates.For(demo.Kind).Items[0];
        var item = await db.ServiceItems.Where(i => i.HallId == hallId && i.Prefix == first.Prefix).Select(i => i.Id).FirstAsync(ct);
        var supervisor = await db.Users.Where(u => u.UserName == $"{demo.Accounts}-supervisor").Select(u => u.Id).FirstAsync(ct);
        db.AppointmentPlans.Add(new Appointments.AppointmentPlan
        {
            ServiceItemId = item, HallId = hallId, SlotMinutes = 30, Capacity = 6, DaysAhead = 7, RequiresIdNumber = true,
            UpdatedAt = time.GetUtcNow().UtcDateTime, UpdatedByUserId = supervisor,
        });
        await using var write = await db.BeginWriteAsync(ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
    }

    /// <summary>Each demo hall can take a ticket now: the same day as the centre's, and item hours that include it.</summary>
    public async Task OpenNowAsync(CancellationToken ct)
    {
        var names = Halls.Select(h => h.Name).ToList();
        foreach (var hall in await db.Halls.Where(h => names.Contains(h.Name)).ToListAsync(ct))
        {
            // A hospital is open around the clock and keeps its hours; its outpatient items have hours of their own.
            await SeedDemoHall.OpenAsync(db, time, hall, ct);
            var now = new HallClock(hall.TimeZoneId).LocalTime(time.GetUtcNow().UtcDateTime);
            var from = new TimeOnly(now.Hour, now.Minute < 30 ? 0 : 30);
            var until = now.Hour >= 21 ? hall.IssueCutoff : now.AddMinutes(150);
            foreach (var item in await db.ServiceItems.Where(i => i.HallId == hall.Id && (i.ServedFrom != null || i.ServedUntil != null)).ToListAsync(ct))
            {
                if (item.ServedFrom > from)
                    item.ServedFrom = from;
                if (item.ServedUntil < until)
                    item.ServedUntil = until > hall.IssueCutoff ? hall.IssueCutoff : until;
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task AddAccountsAsync(DemoKindHall demo, Guid hallId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // One hash of the demo password for every account of the hall: hashing is deliberately slow, and the
        // password is published anyway.
        var hash = users.PasswordHasher.HashPassword(new User { UserName = demo.Accounts }, SeedDemoHall.DemoPassword);
        async Task<User> AddAsync(string userName, string displayName, string? badge, string role)
        {
            var user = new User
            {
                UserName = userName, DisplayName = displayName, BadgeNumber = badge, HallId = hallId, CreatedAt = now, PasswordHash = hash,
            };
            EnsureRoles.Check(await users.CreateAsync(user));
            EnsureRoles.Check(await users.AddToRoleAsync(user, role));
            return user;
        }

        await AddAsync($"{demo.Accounts}-supervisor", demo.SupervisorName, null, Roles.Supervisor);
        for (var n = 0; n < demo.Staff.Length; n++)
            await AddAsync($"{demo.Accounts}-staff{n + 1}", demo.Staff[n].Name, demo.Staff[n].Badge, Roles.Staff);
        var devices = new List<(User User, DeviceKind Kind, Guid? CounterId)>
        {
            (await AddAsync($"{demo.Accounts}-kiosk1", "大厅取号机 1", null, Roles.Kiosk), DeviceKind.Kiosk, null),
            (await AddAsync($"{demo.Accounts}-display1", "叫号大屏 1", null, Roles.Display), DeviceKind.Display, null),
        };
        foreach (var counter in await db.Counters.AsNoTracking().Where(c => c.HallId == hallId).OrderBy(c => c.Number).ToListAsync(ct))
        {
            var pad = await AddAsync($"{demo.Accounts}-pad{counter.Number}", $"{counter.Number}号窗口评价器", null, Roles.RatingPad);
            devices.Add((pad, DeviceKind.RatingPad, counter.Id));
        }
        // Enrolled devices of the hall, as SeedDemoDevices makes the centre's: they sign in at /login and land on their pages.
        db.Devices.AddRange(devices.Select(d => new Device
        {
            Id = Guid.CreateVersion7(now), HallId = hallId, Kind = d.Kind, Name = d.User.DisplayName, CounterId = d.CounterId,
            UserId = d.User.Id, CreatedAt = now, EnrolledAt = now,
        }));
        await using var write = await db.BeginWriteAsync(ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
    }
}
