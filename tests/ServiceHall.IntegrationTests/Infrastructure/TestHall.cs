using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.IntegrationTests.Infrastructure;

/// <summary>
/// A hall of a test's own, so tests sharing one database never see each other's queue: items by
/// prefix, counters serving every item, and staff accounts of that hall (demo password).
/// </summary>
public sealed record TestHall(Guid Id, Dictionary<string, Guid> Items, List<Guid> Counters, List<string> Staff, string Supervisor)
{
    /// <summary>An enrolled kiosk of this hall: it issues here without a limit, and nowhere else.</summary>
    public string Kiosk { get; init; } = "";

    public Guid Item(string prefix) => Items[prefix];

    public static async Task<TestHall> CreateAsync(HallApp app, string[]? prefixes = null, int counters = 2, int staff = 2,
        Action<Hall>? configure = null, int maxWaiting = 10, int maxWaitMinutes = 10)
    {
        prefixes ??= ["A", "B"];
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();

        var hall = new Hall
        {
            Id = Guid.CreateVersion7(), Name = $"测试大厅 {tag}", OpensAt = new TimeOnly(0, 0),
            ClosesAt = new TimeOnly(23, 59, 59), IssueCutoff = new TimeOnly(23, 59, 59),
            // Open every day of the week, so that a test's clock may pass a weekend; tests of the
            // calendar itself clear these.
            WeekdayHours = [AllDay(DayOfWeek.Saturday), AllDay(DayOfWeek.Sunday)],
        };
        configure?.Invoke(hall);
        var department = new Department { Id = Guid.CreateVersion7(), HallId = hall.Id, Name = "综合" };
        hall.Departments.Add(department);
        db.Halls.Add(hall);
        var items = prefixes.Select((p, i) => new ServiceItem
        {
            Id = Guid.CreateVersion7(), HallId = hall.Id, DepartmentId = department.Id, Name = $"事项 {p}", Prefix = p,
            SortOrder = i, MaxWaiting = maxWaiting, MaxWaitMinutes = maxWaitMinutes,
        }).ToList();
        db.ServiceItems.AddRange(items);
        var counterList = Enumerable.Range(1, counters).Select(n =>
        {
            var counter = new Counter { Id = Guid.CreateVersion7(), HallId = hall.Id, Number = n, Name = $"{n}号窗口" };
            counter.ServiceItems.AddRange(items.Select(i => new CounterServiceItem { CounterId = counter.Id, ServiceItemId = i.Id }));
            return counter;
        }).ToList();
        db.Counters.AddRange(counterList);
        // As every hall has: its kind's priority categories (ADR-031).
        db.AddRange(Core.Features.Priorities.PriorityClaims.FromTemplate(hall.Id, Core.Features.Halls.Templates.HallTemplates.For(hall.Kind), DateTime.UtcNow));
        await db.SaveChangesAsync();

        var staffNames = new List<string>();
        for (var n = 1; n <= staff; n++)
            staffNames.Add(await AddUserAsync(users, $"s{tag}-{n}", hall.Id, Roles.Staff, $"9{n:000}"));
        var supervisor = await AddUserAsync(users, $"v{tag}", hall.Id, Roles.Supervisor, null);
        var kiosk = await TestDevices.AddAsync(app, hall.Id, Core.Features.Devices.DeviceKind.Kiosk);
        return new TestHall(hall.Id, items.ToDictionary(i => i.Prefix, i => i.Id), counterList.Select(c => c.Id).ToList(),
            staffNames, supervisor) { Kiosk = kiosk };
    }

    public static WeekdayHours AllDay(DayOfWeek day) =>
        new(day, false, new TimeOnly(0, 0), new TimeOnly(23, 59, 59), new TimeOnly(23, 59, 59));

    public static async Task<Guid> UserIdAsync(HallApp app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        return (await users.FindByNameAsync(userName))!.Id;
    }

    private static async Task<string> AddUserAsync(UserManager<User> users, string name, Guid hallId, string role, string? badge)
    {
        var user = new User { UserName = name, DisplayName = name, HallId = hallId, BadgeNumber = badge };
        EnsureOk(await users.CreateAsync(user, SeedDemoHall.DemoPassword));
        EnsureOk(await users.AddToRoleAsync(user, role));
        return name;
    }

    private static void EnsureOk(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
