using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Attendance;

public sealed record AttendanceMonthDay(DateOnly Day, AttendanceStatus Status, DateTime? SignedInAt, DateTime? SignedOutAt, int LateMinutes,
    int EarlyLeaveMinutes, bool MissingSignOut, LeaveKind? Leave);

/// <summary>One staff member's month: working days so far and how each went.</summary>
public sealed record AttendanceMonthRow(Guid UserId, string Name, string? BadgeNumber, int WorkingDays, int Present, int Late, int LateMinutes,
    int LeftEarly, int EarlyLeaveMinutes, int Absent, int OnLeave, int MissingSignOut, List<AttendanceMonthDay> Days);

public sealed record AttendanceMonth(Guid HallId, int Year, int Month, List<AttendanceMonthRow> Staff);

/// <summary>A month's attendance per staff member (S3), day by day up to today, by the same rules as the daily report.</summary>
public sealed class GetMonthlyAttendance(HallDbContext db, TimeProvider time, IWorkingDays workingDays, HallSupervisionRules rules)
{
    public async Task<AttendanceMonth> HandleAsync(Guid hallId, Guid readerId, int year, int month, CancellationToken ct)
    {
        if (year is < 2000 or > 2100 || month is < 1 or > 12)
            throw DomainException.Invalid("month", ErrorCodes.InvalidDate);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == hallId, ct);
        var clock = new HallClock(hall.TimeZoneId);
        var now = clock.ToLocal(time.GetUtcNow().UtcDateTime);
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var until = DateOnly.FromDateTime(now) < last ? DateOnly.FromDateTime(now) : last;
        var early = (await rules.ForHallAsync(hallId, ct)).EarlyArrivalMinutes;
        var staff = await HallMembers.WithRole(db, hallId, Roles.Staff).AsNoTracking()
            .OrderBy(u => u.BadgeNumber).ThenBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.BadgeNumber, u.CreatedAt }).ToListAsync(ct);
        var ids = staff.Select(s => s.Id).ToList();
        // Their records in any hall: a day signed in at another hall is that hall's (ADR-032).
        var records = await db.AttendanceRecords.AsNoTracking().Where(a => ids.Contains(a.UserId) && a.Day >= first && a.Day <= last)
            .ToListAsync(ct);
        var homes = await HallMembers.HomeHallsAsync(db, ids, ct);
        var byPersonDay = records.ToDictionary(a => (a.UserId, a.Day));
        var leaves = await db.LeaveRecords.AsNoTracking().Where(l => l.HallId == hallId && l.From <= last && l.To >= first).ToListAsync(ct);
        var days = new List<(DateOnly Day, bool Working, TimeOnly Opens, TimeOnly Closes)>();
        for (var d = first; d <= until; d = d.AddDays(1))
        {
            var schedule = await HallDays.ScheduleAsync(db, hall, d, ct);
            var (opens, closes) = schedule.Open ? (schedule.OpensAt, schedule.ClosesAt) : (hall.OpensAt, hall.ClosesAt);
            days.Add((d, await workingDays.IsWorkingDayAsync(hallId, d, ct), opens, closes));
        }

        var rows = staff.Select(s =>
        {
            var list = days.Select(d =>
            {
                var record = byPersonDay.GetValueOrDefault((s.Id, d.Day));
                var leave = leaves.FirstOrDefault(l => l.UserId == s.Id && l.From <= d.Day && l.To >= d.Day);
                var result = !AttendanceRules.CountsIn(hallId, record?.HallId, homes.GetValueOrDefault(s.Id)) ? AttendanceRules.InOtherHall
                    : AttendanceRules.Evaluate(d.Working, leave is not null, d.Opens, d.Closes, early,
                    record is null ? null : clock.ToLocal(record.SignedInAt), record?.SignedOutAt is { } o ? clock.ToLocal(o) : null, now, d.Day,
                    clock.ToLocal(s.CreatedAt));
                return new AttendanceMonthDay(d.Day, result.Status, record?.SignedInAt, record?.SignedOutAt, result.LateMinutes,
                    result.EarlyLeaveMinutes, result.MissingSignOut, leave?.Kind);
            }).ToList();
            int Count(params AttendanceStatus[] statuses) => list.Count(x => statuses.Contains(x.Status));
            return new AttendanceMonthRow(s.Id, s.DisplayName, s.BadgeNumber, list.Count(x => x.Status is not (AttendanceStatus.DayOff or AttendanceStatus.NotExpected or AttendanceStatus.OtherHall)),
                Count(AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.LeftEarly, AttendanceStatus.LateAndLeftEarly),
                Count(AttendanceStatus.Late, AttendanceStatus.LateAndLeftEarly), list.Sum(x => x.LateMinutes),
                Count(AttendanceStatus.LeftEarly, AttendanceStatus.LateAndLeftEarly), list.Sum(x => x.EarlyLeaveMinutes),
                Count(AttendanceStatus.Absent), Count(AttendanceStatus.OnLeave), list.Count(x => x.MissingSignOut), list);
        }).ToList();
        return new AttendanceMonth(hallId, year, month, rows);
    }
}
