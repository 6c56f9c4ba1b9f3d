using ServiceHall.Core.Features.Calendar;

namespace ServiceHall.UnitTests.Features.Calendar;

public class StatutoryHolidaysTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    [Theory]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2033, "2033-01-31")]
    public void SpringFestivalDay_KnownYears_Matches(int year, string expected) =>
        Assert.Equal(D(expected), StatutoryHolidays.SpringFestivalDay(year));

    [Theory]
    [InlineData(2025, "2025-05-31")]
    [InlineData(2026, "2026-06-19")]
    [InlineData(2027, "2027-06-09")]
    [InlineData(2020, "2020-06-25")] // a year with a leap 4th month: 五月 is the 6th month of the year
    public void DragonBoatDay_KnownYears_Matches(int year, string expected) =>
        Assert.Equal(D(expected), StatutoryHolidays.DragonBoatDay(year));

    [Theory]
    [InlineData(2025, "2025-10-06")]
    [InlineData(2026, "2026-09-25")]
    [InlineData(2027, "2027-09-15")]
    [InlineData(2023, "2023-09-29")] // leap 2nd month
    public void MidAutumnDay_KnownYears_Matches(int year, string expected) =>
        Assert.Equal(D(expected), StatutoryHolidays.MidAutumnDay(year));

    [Theory]
    [InlineData(2000, "2000-04-04")]
    [InlineData(2008, "2008-04-04")]
    [InlineData(2019, "2019-04-05")]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    [InlineData(2028, "2028-04-04")]
    public void TombSweepingDay_KnownYears_Matches(int year, string expected) =>
        Assert.Equal(D(expected), StatutoryHolidays.TombSweepingDay(year));

    [Fact]
    public void TombSweepingDay_OutsideFormulaCentury_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.TombSweepingDay(2100));

    /// <summary>The computed days off of a shipped year all lie inside the State Council's schedule, holiday by holiday.</summary>
    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void For_ShippedYears_InsideOfficialSchedule(int year)
    {
        var official = OfficialSchedules.For(year)!.Days.Where(d => d.Kind == CalendarDayKind.DayOff).ToDictionary(d => d.Date);
        var computed = StatutoryHolidays.For(year);
        Assert.All(computed, day =>
        {
            Assert.True(official.ContainsKey(day.Date), $"{day.Date} ({day.Name}) is not a day off in the {year} schedule");
            Assert.Contains(day.Name!.Split('、')[0], official[day.Date].Name);
        });
        // Every holiday is there: each statutory day of the official schedule is computed.
        Assert.Contains(computed, d => d.Date == StatutoryHolidays.SpringFestivalDay(year).AddDays(-1)); // 除夕
        Assert.Contains(computed, d => d.Date == StatutoryHolidays.TombSweepingDay(year));
        Assert.Contains(computed, d => d.Date == StatutoryHolidays.DragonBoatDay(year));
        Assert.Contains(computed, d => d.Date == StatutoryHolidays.MidAutumnDay(year));
        Assert.Contains(computed, d => d.Date == new DateOnly(year, 5, 1));
        Assert.Contains(computed, d => d.Date == new DateOnly(year, 10, 7));
    }

    [Fact]
    public void For_2027_ProvisionalPeriods()
    {
        var days = StatutoryHolidays.For(2027).ToDictionary(d => d.Date, d => d.Name);
        // 春节 02-06 (Sat): 除夕 02-05 to 初三 02-08, four days.
        Assert.All(new[] { "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08" },
            d => Assert.Equal(StatutoryHolidays.SpringFestival, days[D(d)]));
        Assert.False(days.ContainsKey(D("2027-02-04")));
        Assert.False(days.ContainsKey(D("2027-02-09")));
        // 元旦 on a Friday takes the weekend; 清明 on a Monday the weekend before.
        Assert.Equal(StatutoryHolidays.NewYear, days[D("2027-01-03")]);
        Assert.Equal(StatutoryHolidays.TombSweeping, days[D("2027-04-03")]);
        Assert.Equal(StatutoryHolidays.TombSweeping, days[D("2027-04-05")]);
        // 端午 on a Wednesday and 中秋 on a Wednesday: the day alone.
        Assert.Equal(StatutoryHolidays.DragonBoat, days[D("2027-06-09")]);
        Assert.False(days.ContainsKey(D("2027-06-10")));
        Assert.Equal(StatutoryHolidays.MidAutumn, days[D("2027-09-15")]);
        Assert.Equal(StatutoryHolidays.NationalDay, days[D("2027-10-07")]);
        Assert.False(days.ContainsKey(D("2027-10-08")));
        Assert.Equal(StatutoryHolidays.LabourDay, days[D("2027-05-05")]);
        Assert.All(days.Keys, d => Assert.Equal(2027, d.Year));
    }

    [Fact]
    public void For_MidAutumnInGoldenWeek_EightDaysTogether()
    {
        // 2028: 中秋 10-03, as 2025's 10-06: 10-01 to 10-08 in one period.
        var days = StatutoryHolidays.For(2028).Where(d => d.Name == StatutoryHolidays.NationalDayAndMidAutumn).Select(d => d.Date).ToList();
        Assert.Equal(D("2028-10-01"), days.First());
        Assert.Equal(D("2028-10-08"), days.Last());
        Assert.Equal(8, days.Count);
    }

    [Fact]
    public void For_OutsideRange_Empty() => Assert.Empty(StatutoryHolidays.For(2100));

    [Fact]
    public void HallCalendar_UnknownYear_ProvisionalDaysCount_ImportEndsThem()
    {
        var calendar = HallCalendar.From([]);
        Assert.True(calendar.IsProvisional(2027));
        Assert.False(calendar.IsProvisional(2026));
        Assert.False(calendar.Calendar.IsWorkingDay(D("2027-02-08"))); // Monday in 春节
        Assert.All(calendar.Year(2027).Days, d => Assert.Equal(CalendarSource.Provisional, d.Source));

        // A local day alone keeps the year provisional; an imported schedule replaces the computed one.
        var local = HallCalendar.From([new HallCalendarDay { Date = D("2027-03-02"), Kind = CalendarDayKind.DayOff }]);
        Assert.True(local.IsProvisional(2027));
        Assert.False(local.Calendar.IsWorkingDay(D("2027-02-08")));
        var imported = HallCalendar.From([new HallCalendarDay { Date = D("2027-01-01"), Kind = CalendarDayKind.DayOff, Imported = true }]);
        Assert.False(imported.IsProvisional(2027));
        Assert.True(imported.Calendar.IsWorkingDay(D("2027-02-08")));
    }
}
