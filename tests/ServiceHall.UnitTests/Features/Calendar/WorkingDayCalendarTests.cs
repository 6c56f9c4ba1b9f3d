using ServiceHall.Core;
using ServiceHall.Core.Features.Calendar;

namespace ServiceHall.UnitTests.Features.Calendar;

/// <summary>The calendar as shipped: the State Council's 2025 and 2026 schedules.</summary>
public class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _calendar = HallCalendar.From([]).Calendar;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    // ---- which days are working days -------------------------------------------------------

    [Theory]
    [InlineData("2026-02-14", true)] // Saturday, 春节 make-up workday
    [InlineData("2026-02-15", false)] // Sunday, first day of 春节
    [InlineData("2026-02-16", false)] // Monday inside 春节
    [InlineData("2026-02-23", false)] // Monday, last day of 春节
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)] // Saturday, make-up workday
    [InlineData("2026-03-01", false)] // ordinary Sunday
    [InlineData("2026-09-20", true)] // Sunday, 国庆 make-up workday
    [InlineData("2026-10-01", false)]
    [InlineData("2026-10-07", false)] // Wednesday, last day of 国庆
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)] // Saturday, make-up workday
    [InlineData("2026-01-04", true)] // Sunday, 元旦 make-up workday
    [InlineData("2025-01-26", true)] // Sunday, 2025 春节 make-up workday
    [InlineData("2025-02-04", false)]
    [InlineData("2025-02-08", true)]
    [InlineData("2025-04-27", true)]
    [InlineData("2025-09-28", true)]
    [InlineData("2025-10-08", false)] // 2025 国庆 and 中秋 together: eight days
    [InlineData("2025-10-11", true)]
    [InlineData("2026-11-23", true)] // an ordinary Monday
    public void IsWorkingDay_OfficialSchedules(string date, bool working)
    {
        Assert.Equal(working, _calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void OfficialSchedules_MakeUpWorkdays_AsPublished()
    {
        string[] expected =
        [
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
        ];
        var shipped = OfficialSchedules.All.Values.SelectMany(s => s.Days)
            .Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => CalendarImport.Format(d.Date)).Order();
        Assert.Equal(expected, shipped);
    }

    [Theory]
    [InlineData(2025, 28)] // 1 + 8 + 3 + 5 + 3 + 8 (weekends inside the holidays included)
    [InlineData(2026, 33)] // 3 + 9 + 3 + 5 + 3 + 3 + 7
    public void OfficialSchedules_DaysOffPerYear(int year, int daysOff)
    {
        Assert.Equal(daysOff, OfficialSchedules.For(year)!.Days.Count(d => d.Kind == CalendarDayKind.DayOff));
    }

    // ---- Nth working day after ---------------------------------------------------------------

    [Theory]
    // 春节 2026: Friday 02-13, then Saturday 02-14 is worked, then nine days off.
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-02-13", 2, "2026-02-24")]
    [InlineData("2026-02-13", 3, "2026-02-25")]
    [InlineData("2026-02-12", 3, "2026-02-24")]
    // Registered on the make-up Saturday itself: the start day is not counted.
    [InlineData("2026-02-14", 1, "2026-02-24")]
    // Registered during the holiday: the first working day after it is day 1.
    [InlineData("2026-02-18", 1, "2026-02-24")]
    // Across the week that ends with the make-up Saturday 02-28.
    [InlineData("2026-02-26", 2, "2026-02-28")]
    [InlineData("2026-02-26", 3, "2026-03-02")]
    // 国庆 2026: make-up Sunday 09-20 before, 中秋 09-25..27, 国庆 10-01..07, make-up Saturday 10-10.
    [InlineData("2026-09-18", 1, "2026-09-20")]
    [InlineData("2026-09-24", 1, "2026-09-28")]
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-09-30", 3, "2026-10-10")]
    [InlineData("2026-09-30", 4, "2026-10-12")]
    [InlineData("2026-09-29", 20, "2026-11-02")]
    // 2025: 春节 with make-up Sunday 01-26 and Saturday 02-08.
    [InlineData("2025-01-24", 1, "2025-01-26")]
    [InlineData("2025-01-24", 3, "2025-02-05")]
    [InlineData("2025-02-06", 2, "2025-02-08")]
    [InlineData("2025-09-26", 1, "2025-09-28")]
    [InlineData("2025-09-30", 1, "2025-10-09")]
    [InlineData("2025-09-30", 3, "2025-10-11")]
    // Year ends: 2025 into 元旦 2026 and its make-up Sunday 01-04.
    [InlineData("2025-12-31", 1, "2026-01-04")]
    [InlineData("2025-12-30", 2, "2026-01-04")]
    [InlineData("2025-12-31", 2, "2026-01-05")]
    [InlineData("2024-12-31", 1, "2025-01-02")]
    // 2026 into 2027, which has no published schedule: the computed 元旦 (Friday 01-01) counts, provisionally.
    [InlineData("2026-12-31", 1, "2027-01-04")]
    [InlineData("2026-12-31", 2, "2027-01-05")]
    // Ordinary weeks.
    [InlineData("2026-11-20", 1, "2026-11-23")]
    [InlineData("2026-11-23", 5, "2026-11-30")]
    public void AddWorkingDays_AcrossHolidaysAndMakeUpDays(string from, int days, string due)
    {
        Assert.Equal(D(due), _calendar.AddWorkingDays(D(from), days));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")] // a working day stays
    [InlineData("2026-10-03", "2026-10-08")] // a day off moves to the next working day
    [InlineData("2026-02-14", "2026-02-14")] // the make-up Saturday is a working day
    public void AddWorkingDays_Zero_IsTheDayOrNextWorkingDay(string from, string due)
    {
        Assert.Equal(D(due), _calendar.AddWorkingDays(D(from), 0));
    }

    [Fact]
    public void AddWorkingDays_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D("2026-01-05"), -1));
    }

    [Theory]
    // "一周内答复": seven calendar days, a day off moves to the next working day.
    [InlineData("2026-11-23", 7, "2026-11-30")]
    [InlineData("2026-09-24", 7, "2026-10-08")]
    [InlineData("2026-02-10", 7, "2026-02-24")]
    [InlineData("2026-11-20", 7, "2026-11-27")]
    public void AddCalendarDays_DayOffMovesToNextWorkingDay(string from, int days, string due)
    {
        Assert.Equal(D(due), _calendar.AddCalendarDays(D(from), days));
    }

    [Theory]
    [InlineData("2026-10-08", "2026-09-30")]
    [InlineData("2026-02-24", "2026-02-14")]
    [InlineData("2026-01-05", "2026-01-04")]
    [InlineData("2026-11-23", "2026-11-20")]
    public void PreviousWorkingDayBefore_SkipsHolidays(string day, string previous)
    {
        Assert.Equal(D(previous), _calendar.PreviousWorkingDayBefore(D(day)));
    }

    [Theory]
    [InlineData("2026-09-30", "2026-10-12", 4)]
    [InlineData("2026-02-13", "2026-02-24", 2)]
    [InlineData("2026-11-23", "2026-11-23", 0)]
    [InlineData("2026-11-23", "2026-11-20", 0)]
    public void WorkingDaysBetween_CountsAfterStartUpToEnd(string from, string to, int count)
    {
        Assert.Equal(count, _calendar.WorkingDaysBetween(D(from), D(to)));
    }

    // ---- cases registered after hours --------------------------------------------------------

    [Theory]
    [InlineData("2026-11-23", "16:59", "2026-11-23")] // before closing: today
    [InlineData("2026-11-23", "17:00", "2026-11-24")] // at closing: the next working day
    [InlineData("2026-11-27", "18:30", "2026-11-30")] // Friday evening: Monday
    [InlineData("2026-11-28", "10:00", "2026-11-30")] // Saturday (a hall open on weekends): Monday
    [InlineData("2026-02-13", "17:30", "2026-02-14")] // Friday evening before the make-up Saturday
    [InlineData("2026-02-14", "17:30", "2026-02-24")] // make-up Saturday evening: after 春节
    [InlineData("2026-09-30", "20:00", "2026-10-08")] // evening before 国庆
    [InlineData("2025-12-31", "17:01", "2026-01-04")] // year end, into 元旦 2026
    public void ReceivedDay_AfterHoursOrDayOff_NextWorkingDay(string date, string time, string received)
    {
        Assert.Equal(D(received), _calendar.ReceivedDay(D(date), TimeOnly.Parse(time), new TimeOnly(17, 0)));
    }

    [Fact]
    public void AfterHours_ThreeWorkingDayPromise_CountsFromNextWorkingDay()
    {
        // Received Friday 2026-02-13 at 17:30: counts as received on the make-up Saturday 02-14,
        // so day 1 is 02-24 after the nine days of 春节.
        var received = _calendar.ReceivedDay(D("2026-02-13"), new TimeOnly(17, 30), new TimeOnly(17, 0));
        Assert.Equal(D("2026-02-26"), _calendar.AddWorkingDays(received, 3));
    }

    // ---- a hall's own days -------------------------------------------------------------------

    [Fact]
    public void HallEntries_OverrideOfficialSchedule()
    {
        var hall = HallCalendar.From(
        [
            new HallCalendarDay { Date = D("2026-11-24"), Kind = CalendarDayKind.DayOff, Name = "本地假日" },
            new HallCalendarDay { Date = D("2026-02-14"), Kind = CalendarDayKind.Workday },
        ]);
        Assert.False(hall.Calendar.IsWorkingDay(D("2026-11-24")));
        Assert.False(hall.Calendar.IsWorkingDay(D("2026-02-14"))); // an ordinary Saturday for this hall
        Assert.Equal(D("2026-11-25"), hall.Calendar.AddWorkingDays(D("2026-11-23"), 1));
        var (known, days) = hall.Year(2026);
        Assert.True(known);
        Assert.Contains(days, d => d.Date == D("2026-11-24") && d.Source == CalendarSource.Hall);
        Assert.Contains(days, d => d.Date == D("2026-02-15") && d.Source == CalendarSource.Official);
        Assert.False(hall.Year(2027).Known);
    }
}
