using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Attendance;

public sealed record AttendanceReportRow(Guid UserId, string Name, string? BadgeNumber, DateTime? SignedInAt, DateTime? SignedOutAt,
    AttendanceStatus Status, int LateMinutes, int EarlyLeaveMinutes, bool MissingSignOut, LeaveKind? Leave);

public sealed record AttendanceReport(Guid HallId, DateOnly Day, bool WorkingDay, TimeOnly DueBy, TimeOnly Closes, List<AttendanceReportRow> Staff);

/// <summary>The daily attendance of a hall's staff: late, early leave, absence, leave (S3).</summary>
public sealed class GetAttendanceReport(HallDbContext db, TimeProvider time, IWorkingDays workingDays, HallSupervisionRules rules)
{
    public async Task<AttendanceReport> HandleAsync(Guid hallId, Guid readerId, DateOnly? date, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == hallId, ct);
        var clock = new HallClock(hall.TimeZoneId);
        var now = clock.ToLocal(time.GetUtcNow().UtcDateTime);
        var day = date ?? DateOnly.FromDateTime(now);
        var workingDay = await workingDays.IsWorkingDayAsync(hallId, day, ct);
        var schedule = await HallDays.ScheduleAsync(db, hall, day, ct);
        var (opens, closes) = schedule.Open ? (schedule.OpensAt, schedule.ClosesAt) : (hall.OpensAt, hall.ClosesAt);
        var staff = await HallMembers.WithRole(db, hallId, Roles.Staff).AsNoTracking()
            .OrderBy(u => u.BadgeNumber).ThenBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.BadgeNumber, u.CreatedAt }).ToListAsync(ct);
        var ids = staff.Select(s => s.Id).ToList();
        // Their records in any hall: a day signed in at another hall is that hall's (ADR-032).
        var records = await db.AttendanceRecords.AsNoTracking().Where(a => ids.Contains(a.UserId) && a.Day == day).ToDictionaryAsync(a => a.UserId, ct);
        var homes = await HallMembers.HomeHallsAsync(db, ids, ct);
        var leaves = await db.LeaveRecords.AsNoTracking().Where(l => l.HallId == hallId && l.From <= day && l.To >= day).ToListAsync(ct);
        var early = (await rules.ForHallAsync(hallId, ct)).EarlyArrivalMinutes;
        var rows = staff.Select(s =>
        {
            var record = records.GetValueOrDefault(s.Id);
            var leave = leaves.FirstOrDefault(l => l.UserId == s.Id);
            if (!AttendanceRules.CountsIn(hallId, record?.HallId, homes.GetValueOrDefault(s.Id)))
                return new AttendanceReportRow(s.Id, s.DisplayName, s.BadgeNumber, null, null, AttendanceStatus.OtherHall, 0, 0, false, null);
            var result = AttendanceRules.Evaluate(workingDay, leave is not null, opens, closes, early,
                record is null ? null : clock.ToLocal(record.SignedInAt),
                record?.SignedOutAt is { } o ? clock.ToLocal(o) : null, now, day, clock.ToLocal(s.CreatedAt));
            return new AttendanceReportRow(s.Id, s.DisplayName, s.BadgeNumber, record?.SignedInAt, record?.SignedOutAt, result.Status,
                result.LateMinutes, result.EarlyLeaveMinutes, result.MissingSignOut, leave?.Kind);
        }).ToList();
        return new AttendanceReport(hallId, day, workingDay, opens.AddMinutes(-early), closes, rows);
    }
}
