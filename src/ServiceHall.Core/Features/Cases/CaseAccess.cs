using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Cases;

/// <summary>Who acts on a case: staff and supervisors of the case's hall (administrators of every hall).</summary>
public sealed record CaseActor(Guid UserId, Guid? HallId, string DisplayName, string? BadgeNumber, bool IsSupervisor);

public static class CaseAccess
{
    public static async Task<CaseActor> ActorAsync(HallDbContext db, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.HallId, u.DisplayName, u.BadgeNumber }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(ErrorCodes.UserNotFound);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name).ToListAsync(ct);
        return new CaseActor(userId, user.HallId, user.DisplayName, user.BadgeNumber,
            roles.Contains(Roles.Supervisor) || roles.Contains(Roles.Admin));
    }

    /// <summary>A case of another hall is not found rather than forbidden: its existence is not told.</summary>
    public static void EnsureHall(CaseActor actor, Guid hallId)
    {
        if (actor.HallId is { } own && own != hallId)
            throw DomainException.NotFound(ErrorCodes.CaseNotFound);
    }

    /// <summary>The case with its materials and notices, tracked, for a change inside the caller's write transaction.</summary>
    public static async Task<Case> LoadForChangeAsync(HallDbContext db, Guid caseId, CaseActor actor, CancellationToken ct)
    {
        var found = await db.Cases.Include(c => c.Materials).Include(c => c.Notices).Include(c => c.Pauses)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.CaseNotFound);
        EnsureHall(actor, found.HallId);
        return found;
    }

    /// <summary>Moves the case to a state the machine allows and records who and when.</summary>
    public static void Move(HallDbContext db, Case c, CaseStatus to, Guid userId, DateTime now, string? note = null)
    {
        if (!CaseStateMachine.CanMove(c.Status, to))
            throw DomainException.Conflict(ErrorCodes.CaseStateConflict, c.Number, c.Status);
        c.Version++;
        db.CaseEvents.Add(new CaseEvent
        {
            Id = Guid.CreateVersion7(now), CaseId = c.Id, Sequence = c.Version, FromStatus = c.Status, ToStatus = to, At = now,
            UserId = userId, Note = note,
        });
        c.Status = to;
        if (!CaseStateMachine.IsRunning(to) && c.ClockPausedAt is not null)
        {
            // Done, refused or withdrawn while paused: the pause ends with the case, nothing more to count.
            c.ClockPausedAt = null;
            foreach (var pause in c.Pauses.Where(p => p.ResumedAt is null))
            {
                pause.ResumedAt = now;
                pause.ResumedByUserId = userId;
            }
        }
    }

    /// <summary>
    /// Moves a running case's promise to a new due date (art. 42 extension, art. 45 pause): the due time
    /// and the pickup date follow as at acceptance, and the first promise stays on record.
    /// </summary>
    public static void MovePromise(Case c, DateOnly dueDate, WorkingDayCalendar calendar, HallClock clock, Hall hall)
    {
        c.OriginalDueDate ??= c.DueDate;
        c.DueDate = dueDate;
        c.DueAt = CasePromise.DueAt(clock, hall, dueDate);
        c.PickupDate = CasePromise.PickupDate(calendar, dueDate, c.PickupAfterWorkingDays);
    }

    /// <summary>Records a step that keeps the state (特别程序, an approval): who, when and why.</summary>
    public static void Step(HallDbContext db, Case c, CaseStep step, Guid userId, DateTime now, string? note)
    {
        c.Version++;
        db.CaseEvents.Add(new CaseEvent
        {
            Id = Guid.CreateVersion7(now), CaseId = c.Id, Sequence = c.Version, FromStatus = c.Status, ToStatus = c.Status, At = now,
            UserId = userId, Note = note, Step = step,
        });
    }

    /// <summary>Saves; a concurrent change of the same case (another counter, another node) is a conflict, not a merge.</summary>
    public static async Task SaveAsync(HallDbContext db, WriteScope write, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict(ErrorCodes.CaseChangedConcurrently);
        }
        await write.CommitAsync(ct);
    }

    /// <summary>Ticks the received materials; ids not on the case's list are refused.</summary>
    public static void Tick(Case c, IReadOnlyCollection<Guid>? receivedMaterialIds)
    {
        var received = receivedMaterialIds ?? [];
        var unknown = received.Where(id => c.Materials.All(m => m.MaterialId != id)).ToList();
        if (unknown.Count > 0)
            throw DomainException.Invalid("receivedMaterialIds", ErrorCodes.MaterialNotFound);
        foreach (var material in c.Materials)
            material.Received = received.Contains(material.MaterialId);
    }

    public static List<CaseMaterial> Missing(Case c) =>
        [.. c.Materials.Where(m => m.IsRequired && !m.Received).OrderBy(m => m.SortOrder)];
}
