using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Attendance;

public sealed record AttendanceView(Guid UserId, DateOnly Day, DateTime? SignedInAt, DateTime? SignedOutAt);

/// <summary>A staff member signs in and out at the workstation, once each per day of their hall (S3).</summary>
public sealed class SignInOut(HallDbContext db, TimeProvider time)
{
    public async Task<AttendanceView> SignInAsync(Guid userId, CancellationToken ct)
    {
        var (hallId, day, now) = await TodayAsync(userId, ct);
        await using var write = await db.BeginWriteAsync(ct);
        if (await db.AttendanceRecords.AnyAsync(a => a.UserId == userId && a.Day == day, ct))
            throw DomainException.Conflict(ErrorCodes.AlreadySignedIn);
        var record = new AttendanceRecord { Id = Guid.CreateVersion7(now), HallId = hallId, UserId = userId, Day = day, SignedInAt = now };
        db.AttendanceRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw DomainException.Conflict(ErrorCodes.AlreadySignedIn);
        }
        await write.CommitAsync(ct);
        return new AttendanceView(userId, day, record.SignedInAt, null);
    }

    public async Task<AttendanceView> SignOutAsync(Guid userId, CancellationToken ct)
    {
        var (_, day, now) = await TodayAsync(userId, ct);
        await using var write = await db.BeginWriteAsync(ct);
        var record = await db.AttendanceRecords.FirstOrDefaultAsync(a => a.UserId == userId && a.Day == day, ct)
            ?? throw DomainException.Conflict(ErrorCodes.NotSignedIn);
        var changed = await db.AttendanceRecords.Where(a => a.Id == record.Id && a.SignedOutAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SignedOutAt, now), ct);
        if (changed == 0)
            throw DomainException.Conflict(ErrorCodes.AlreadySignedOut);
        await write.CommitAsync(ct);
        return new AttendanceView(userId, day, record.SignedInAt, now);
    }

    public async Task<AttendanceView> GetTodayAsync(Guid userId, CancellationToken ct)
    {
        var (_, day, _) = await TodayAsync(userId, ct);
        var record = await db.AttendanceRecords.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Day == day, ct);
        return new AttendanceView(userId, day, record?.SignedInAt, record?.SignedOutAt);
    }

    private async Task<(Guid HallId, DateOnly Day, DateTime Now)> TodayAsync(Guid userId, CancellationToken ct)
    {
        var hallId = await db.Users.Where(u => u.Id == userId).Select(u => u.HallId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Conflict(ErrorCodes.NoHallForAttendance);
        var zone = await db.Halls.Where(h => h.Id == hallId).Select(h => h.TimeZoneId).FirstAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return (hallId, new HallClock(zone).BusinessDay(now), now);
    }
}
