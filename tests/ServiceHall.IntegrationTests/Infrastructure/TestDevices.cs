using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.IntegrationTests.Infrastructure;

/// <summary>
/// Enrolled devices of a test's own hall. Their accounts get the demo password so that tests reach the
/// API with a bearer token; a real device gets no password (tests of enrolment go through /enrol).
/// </summary>
public static class TestDevices
{
    public static async Task<string> AddAsync(HallApp app, Guid hallId, DeviceKind kind, Guid? counterId = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var name = $"{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}";
        var user = new User { UserName = name, DisplayName = name, HallId = hallId };
        Assert.True((await users.CreateAsync(user, SeedDemoHall.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, CreateDevice.RoleOf(kind))).Succeeded);
        await EnrolAsync(app, user.Id, hallId, kind, counterId);
        return name;
    }

    /// <summary>Binds an existing device account to an enrolled device record (a pad to the hall's first counter unless told).</summary>
    public static async Task EnrolAsync(HallApp app, Guid userId, Guid hallId, DeviceKind kind, Guid? counterId = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        if (kind == DeviceKind.RatingPad)
            counterId ??= await db.Counters.Where(c => c.HallId == hallId).OrderBy(c => c.Number).Select(c => c.Id).FirstAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        db.Devices.Add(new Device
        {
            Id = Guid.CreateVersion7(), HallId = hallId, Kind = kind, Name = $"test {kind}", CounterId = counterId, UserId = userId,
            CreatedAt = now, EnrolledAt = now,
        });
        await db.SaveChangesAsync();
    }

    public static DeviceKind KindOf(string role) => role switch
    {
        Roles.Kiosk => DeviceKind.Kiosk,
        Roles.Display => DeviceKind.Display,
        _ => DeviceKind.RatingPad,
    };
}
