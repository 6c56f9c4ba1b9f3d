using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Identity;

/// <summary>
/// The demo's person in two halls (ADR-032): the hospital's clerk 孙磊 (hospital-staff2, 工号 2002) also staffs the district
/// centre's 医保业务 windows, so signing in offers the chooser and the layout the switch. Added once; a demo database
/// from before gets it too.
/// </summary>
public sealed class SeedDemoMemberships(HallDbContext db, TimeProvider time)
{
    public const string UserName = "hospital-staff2";

    public async Task HandleAsync(CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == UserName.ToUpperInvariant(), ct);
        var centre = await db.Halls.Where(h => h.Name == SeedDemoHall.DemoHallName).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct);
        if (user?.HallId is null || centre is not { } centreId || user.HallId == centreId
            || await db.HallMemberships.AnyAsync(m => m.UserId == user.Id && m.HallId == centreId, ct))
            return;
        await using var write = await db.BeginWriteAsync(ct);
        await HallMembers.KeepOwnHallAsync(db, user, ct);
        db.HallMemberships.Add(new HallMembership
        {
            UserId = user.Id, HallId = centreId, Role = Roles.Staff, GrantedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
    }
}
