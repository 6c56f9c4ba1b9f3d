using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Inquiries;

public sealed record ForwardColleague(Guid Id, string DisplayName, string? BadgeNumber);

public sealed record ForwardDepartment(Guid Id, string Name);

public sealed record ForwardTargets(List<ForwardColleague> Colleagues, List<ForwardDepartment> Departments);

/// <summary>Whom an inquiry can be forwarded to in the caller's hall: the other staff accounts (not locked out) and the active departments.</summary>
public sealed class ListForwardTargets(HallDbContext db, TimeProvider time)
{
    public async Task<ForwardTargets> HandleAsync(Guid hallId, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct) || actor.HallId is { } own && own != hallId)
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var now = time.GetUtcNow();
        // SQLite cannot compare DateTimeOffset: the lockout is checked here, over one hall's few accounts.
        var users = await db.Users.AsNoTracking().Where(HallMembers.In(db, hallId)).Where(u => u.Id != userId)
            .Select(u => new { u.Id, u.DisplayName, u.BadgeNumber, u.LockoutEnd }).ToListAsync(ct);
        List<ForwardColleague> colleagues = [.. users.Where(u => u.LockoutEnd is null || u.LockoutEnd < now)
            .OrderBy(u => u.BadgeNumber).ThenBy(u => u.DisplayName).Select(u => new ForwardColleague(u.Id, u.DisplayName, u.BadgeNumber))];
        var departments = await db.Departments.AsNoTracking().Where(d => d.HallId == hallId && d.IsActive)
            .OrderBy(d => d.SortOrder).Select(d => new ForwardDepartment(d.Id, LocalNames.Of(d.Name, d.NameEn))).ToListAsync(ct);
        return new ForwardTargets(colleagues, departments);
    }
}
