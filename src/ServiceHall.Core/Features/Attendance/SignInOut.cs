using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Attendance;

/// <param name="SignedInLocal">The first sign-in in the hall's local time.</param>
/// <param name="LateMinutes">Minutes after the time the hall's rule wants the person in (opening less the early-arrival minutes).</param>
/// <param name="SignedIn">Signed in now (not signed out since the last sign-in).</param>
public sealed record AttendanceView(Guid UserId, DateOnly Day, DateTime? SignedInAt, DateTime? SignedOutAt, TimeOnly? SignedInLocal = null,
    TimeOnly? SignedOutLocal = null, int LateMinutes = 0, int SignInCount = 0, bool SignedIn = false);

/// <summary>
/// A staff member signs in and out at the workstation (S3). A sign-in after a sign-out the same day
/// (a lunch break) continues the day: the first sign-in and the last sign-out count.
/// </summary>
public sealed class SignInOut(HallDbContext db, TimeProvider time, HallSupervisionRules rules)
{
    public async Task<AttendanceView> SignInAsync(Guid userId, CancellationToken ct)
    {
        var today = await TodayAsync(userId, ct);
        var now = today.Now;
        await using var write = await db.BeginWriteAsync(ct);
        var record = await db.AttendanceRecords.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Day == today.Day, ct);
        if (record is not null)
        {
            // Back from a break: only a signed-out day is continued, once per sign-out even with two clicks at once.
            var back = await db.AttendanceRecords.Where(a => a.Id == record.Id && a.SignedOutAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.SignedOutAt, (DateTime?)null).SetProperty(a => a.SignInCount, a => a.SignInCount + 1), ct);
            if (back == 0)
                throw DomainException.Conflict(ErrorCodes.AlreadySignedIn);
            await write.CommitAsync(ct);
            record.SignedOutAt = null;
            record.SignInCount++;
            return await ViewAsync(today, record, ct);
        }
        record = new AttendanceRecord { Id = Guid.CreateVersion7(now), HallId = today.HallId, UserId = userId, Day = today.Day, SignedInAt = now };
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
        return await ViewAsync(today, record, ct);
    }

    public async Task<AttendanceView> SignOutAsync(Guid userId, CancellationToken ct)
    {
        var today = await TodayAsync(userId, ct);
        await using var write = await db.BeginWriteAsync(ct);
        var record = await db.AttendanceRecords.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Day == today.Day, ct)
            ?? throw DomainException.Conflict(ErrorCodes.NotSignedIn);
        var changed = await db.AttendanceRecords.Where(a => a.Id == record.Id && a.SignedOutAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SignedOutAt, today.Now), ct);
        if (changed == 0)
            throw DomainException.Conflict(ErrorCodes.AlreadySignedOut);
        await write.CommitAsync(ct);
        record.SignedOutAt = today.Now;
        return await ViewAsync(today, record, ct);
    }

    public async Task<AttendanceView> GetTodayAsync(Guid userId, CancellationToken ct)
    {
        var today = await TodayAsync(userId, ct);
        var record = await db.AttendanceRecords.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Day == today.Day, ct);
        return await ViewAsync(today, record, ct);
    }

    private async Task<AttendanceView> ViewAsync(Today today, AttendanceRecord? record, CancellationToken ct)
    {
        if (record is null)
            return new AttendanceView(today.UserId, today.Day, null, null);
        var early = (await rules.ForHallAsync(today.HallId, ct)).EarlyArrivalMinutes;
        var signedIn = today.Clock.ToLocal(record.SignedInAt);
        var late = AttendanceRules.LateMinutes(today.Day, today.Opens, today.Closes, early, signedIn);
        return new AttendanceView(today.UserId, today.Day, record.SignedInAt, record.SignedOutAt, TimeOnly.FromDateTime(signedIn),
            record.SignedOutAt is { } o ? TimeOnly.FromDateTime(today.Clock.ToLocal(o)) : null, late, record.SignInCount,
            record.SignedOutAt is null);
    }

    private sealed record Today(Guid UserId, Guid HallId, DateOnly Day, DateTime Now, HallClock Clock, TimeOnly Opens, TimeOnly Closes);

    private async Task<Today> TodayAsync(Guid userId, CancellationToken ct)
    {
        var hallId = await db.Users.Where(u => u.Id == userId).Select(u => u.HallId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Conflict(ErrorCodes.NoHallForAttendance);
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == hallId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var clock = new HallClock(hall.TimeZoneId);
        var day = clock.BusinessDay(now);
        // Lateness counts from the day's own opening (a weekday's hours, a make-up workday's), not the default.
        var schedule = await HallDays.ScheduleAsync(db, hall, day, ct);
        var (opens, closes) = schedule.Open ? (schedule.OpensAt, schedule.ClosesAt) : (hall.OpensAt, hall.ClosesAt);
        return new Today(userId, hallId, day, now, clock, opens, closes);
    }
}
