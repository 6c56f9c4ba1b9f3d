using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Cases;

namespace ServiceHall.UnitTests.Features.Cases;

/// <summary>行政许可法 art. 42 extensions and art. 45 pauses on the shipped 2025–2026 schedules.</summary>
public class SpecialProceduresTests
{
    private readonly WorkingDayCalendar _calendar = HallCalendar.From([]).Calendar;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Extend_DefaultTenWorkingDays_AcrossSpringFestival_CountsMakeUpSaturdays()
    {
        // 02-13 Fri, 02-14 Sat (调休上班), 02-15..23 off, 02-24..27, 02-28 Sat (调休上班), 03-02..04.
        var due = SpecialProcedures.Extend(_calendar, D(2026, 2, 12), SpecialProcedures.DefaultExtensionDays);

        Assert.Equal(D(2026, 3, 4), due);
    }

    [Fact]
    public void Extend_FromDueDateBeforeWeekend_SkipsTheWeekend()
    {
        Assert.Equal(D(2026, 3, 9), SpecialProcedures.Extend(_calendar, D(2026, 3, 6), 1));
    }

    [Fact]
    public void Extend_ZeroDays_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialProcedures.Extend(_calendar, D(2026, 3, 6), 0));
    }

    [Theory]
    [InlineData("2026-03-06", "2026-03-06", 0)] // paused and resumed the same day
    [InlineData("2026-03-06", "2026-03-09", 1)] // Friday to Monday: the weekend never counted anyway
    [InlineData("2026-09-29", "2026-10-12", 5)] // 09-30, 10-08, 10-09, 10-10 (Sat, 调休上班), 10-12
    [InlineData("2025-12-30", "2026-01-05", 3)] // year end: 12-31, 01-04 (Sun, 调休上班), 01-05
    [InlineData("2026-02-13", "2026-02-24", 2)] // 02-14 (Sat, 调休上班), 02-24 after 春节
    [InlineData("2026-03-09", "2026-03-06", 0)] // a resume dated before the pause counts nothing
    public void PausedWorkingDays_CountsWorkingDaysAfterThePauseUpToTheResume(string paused, string resumed, int expected)
    {
        Assert.Equal(expected, SpecialProcedures.PausedWorkingDays(_calendar, DateOnly.Parse(paused), DateOnly.Parse(resumed)));
    }

    [Fact]
    public void AfterPause_MovesTheDueDateByThePausedDays_AcrossNationalDay()
    {
        Assert.Equal(D(2026, 10, 13), SpecialProcedures.AfterPause(_calendar, D(2026, 9, 30), 5));
        Assert.Equal(D(2026, 9, 30), SpecialProcedures.AfterPause(_calendar, D(2026, 9, 30), 0));
    }

    [Fact]
    public void PromiseThenPauseThenExtension_AcrossMidAutumnAndNationalDay()
    {
        // Accepted Thursday 09-24: 09-25..27 is 中秋, so three working days end on 09-30.
        var due = _calendar.AddWorkingDays(D(2026, 9, 24), 3);
        Assert.Equal(D(2026, 9, 30), due);

        // An expert review from Monday 09-28 to 10-09: 09-29, 09-30, 10-08, 10-09 do not count.
        var paused = SpecialProcedures.PausedWorkingDays(_calendar, D(2026, 9, 28), D(2026, 10, 9));
        Assert.Equal(4, paused);
        due = SpecialProcedures.AfterPause(_calendar, due, paused);
        Assert.Equal(D(2026, 10, 12), due); // 10-08, 10-09, 10-10 (Sat, 调休上班), 10-12

        due = SpecialProcedures.Extend(_calendar, due, SpecialProcedures.DefaultExtensionDays);
        Assert.Equal(D(2026, 10, 26), due);
        Assert.Equal(D(2026, 10, 28), CasePromise.PickupDate(_calendar, due, 2));
    }

    [Fact]
    public void PausedClock_IsNeitherDueSoonNorOverdue_EvenPastTheDueTime()
    {
        var dueAt = new DateTime(2026, 3, 6, 9, 0, 0, DateTimeKind.Utc);
        var later = dueAt.AddDays(3);

        Assert.Equal(DeadlineState.Paused,
            DeadlineRules.Evaluate(_calendar, D(2026, 3, 9), later, D(2026, 3, 6), dueAt, clockPaused: true));
        Assert.Equal(DeadlineState.Overdue,
            DeadlineRules.Evaluate(_calendar, D(2026, 3, 9), later, D(2026, 3, 6), dueAt, clockPaused: false));
    }

    [Fact]
    public void ExtendedDueDate_IsWhatTheWarningReads()
    {
        // Due Thursday 02-12 would be warned on 02-11; extended by 10 to 03-04, 02-11 is on time again.
        var dueAt = new DateTime(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc);
        var extended = SpecialProcedures.Extend(_calendar, D(2026, 2, 12), 10);
        Assert.Equal(DeadlineState.OnTime,
            DeadlineRules.Evaluate(_calendar, D(2026, 2, 11), new DateTime(2026, 2, 11, 2, 0, 0, DateTimeKind.Utc), extended, dueAt, false));
        Assert.Equal(DeadlineState.DueSoon,
            DeadlineRules.Evaluate(_calendar, D(2026, 3, 3), new DateTime(2026, 3, 3, 2, 0, 0, DateTimeKind.Utc), extended, dueAt, false));
    }
}
