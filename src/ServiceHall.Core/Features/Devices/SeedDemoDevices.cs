using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Devices;

/// <summary>
/// The demo's device accounts (kiosk1, display1, padN at counter N) are enrolled devices of the demo
/// hall, so they sign in through /login and land on their pages; an older demo database gets them too.
/// </summary>
public sealed class SeedDemoDevices(HallDbContext db, TimeProvider time)
{
    public async Task HandleAsync(CancellationToken ct)
    {
        (string UserName, DeviceKind Kind)[] demo =
        [
            ("kiosk1", DeviceKind.Kiosk), ("display1", DeviceKind.Display),
            .. Enumerable.Range(1, 6).Select(n => ($"pad{n}", DeviceKind.RatingPad)),
        ];
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (userName, kind) in demo)
        {
            var account = await db.Users.AsNoTracking()
                .Where(u => u.NormalizedUserName == userName.ToUpperInvariant() && u.HallId != null)
                .Select(u => new { u.Id, u.HallId, u.DisplayName }).FirstOrDefaultAsync(ct);
            if (account is null || await db.Devices.AnyAsync(d => d.UserId == account.Id, ct))
                continue;
            var hallId = account.HallId!.Value;
            var number = kind == DeviceKind.RatingPad ? int.Parse(userName["pad".Length..], System.Globalization.CultureInfo.InvariantCulture) : 0;
            var counterId = kind == DeviceKind.RatingPad
                ? await db.Counters.Where(c => c.HallId == hallId && c.Number == number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)
                : null;
            if (kind == DeviceKind.RatingPad && counterId is null)
                continue;
            db.Devices.Add(new Device
            {
                Id = Guid.CreateVersion7(now), HallId = hallId, Kind = kind, Name = account.DisplayName, CounterId = counterId,
                UserId = account.Id, CreatedAt = now, EnrolledAt = now,
            });
        }
        await using var write = await db.BeginWriteAsync(ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
    }
}
