using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Attendance;

public sealed record RecordLeaveRequest(Guid? UserId, DateOnly? From, DateOnly? To, LeaveKind? Kind, string? Reason);

public sealed record LeaveView(Guid Id, Guid UserId, DateOnly From, DateOnly To, LeaveKind Kind, string Reason, Guid RecordedByUserId,
    DateTime RecordedAt);

/// <summary>A supervisor records a staff member's leave; overlapping leave of the same person is refused.</summary>
public sealed class RecordLeave(HallDbContext db, TimeProvider time)
{
    public async Task<LeaveView> HandleAsync(Guid hallId, Guid supervisorId, RecordLeaveRequest request, CancellationToken ct)
    {
        if (request.UserId is not { } userId)
            throw DomainException.Required("userId");
        if (request.From is not { } from)
            throw DomainException.Required("from");
        var to = request.To ?? from;
        if (to < from || to.DayNumber - from.DayNumber > 366)
            throw DomainException.Invalid("to", ErrorCodes.InvalidDate);
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
            throw DomainException.Required("kind");
        var reason = Reasons.Require(request.Reason, "reason");
        await HallAccess.EnsureAsync(db, hallId, supervisorId, ct);
        if (!await db.Users.Where(HallMembers.In(db, hallId)).AnyAsync(u => u.Id == userId, ct))
            throw DomainException.Invalid("userId", ErrorCodes.UserNotFound);

        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        if (await db.LeaveRecords.AnyAsync(l => l.UserId == userId && l.From <= to && l.To >= from, ct))
            throw DomainException.Conflict(ErrorCodes.LeaveOverlaps);
        var leave = new LeaveRecord
        {
            Id = Guid.CreateVersion7(now), HallId = hallId, UserId = userId, From = from, To = to, Kind = kind, Reason = reason,
            RecordedByUserId = supervisorId, RecordedAt = now,
        };
        db.LeaveRecords.Add(leave);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return new LeaveView(leave.Id, userId, from, to, kind, reason, supervisorId, now);
    }
}
