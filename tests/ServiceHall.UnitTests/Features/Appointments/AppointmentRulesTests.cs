using ServiceHall.Core.Features.Appointments;

namespace ServiceHall.UnitTests.Features.Appointments;

public class AppointmentRulesTests
{
    private static readonly AppointmentRules Rules = AppointmentRules.Default;
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly DateTime SlotStart = new(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);

    // ---- the held share (保留线下号源) ----------------------------------------------------------

    [Theory]
    [InlineData(50, 20, 10)]
    [InlineData(5, 20, 1)]
    [InlineData(4, 20, 0)] // rounded down: a small slot holds nothing back
    [InlineData(10, 0, 0)]
    [InlineData(10, 100, 10)]
    [InlineData(10, 150, 10)]
    public void HeldOf_ShareOfCapacity_RoundedDown(int capacity, int percent, int held)
    {
        Assert.Equal(held, AppointmentRules.HeldOf(capacity, percent));
    }

    [Theory]
    [InlineData(10, 2, 0, false, 8)]
    [InlineData(10, 2, 0, true, 10)]
    [InlineData(10, 2, 8, false, 0)]
    [InlineData(10, 2, 8, true, 2)]
    [InlineData(10, 2, 10, true, 0)]
    [InlineData(3, 2, 5, false, 0)] // capacity cut below bookings: never negative
    public void Available_HeldPlacesOnlyForThoseWhoMayTakeThem(int capacity, int held, int booked, bool mayTakeHeld, int available)
    {
        Assert.Equal(available, AppointmentRules.Available(capacity, held, booked, mayTakeHeld));
    }

    [Fact]
    public void MayTakeHeld_OnSiteElderlyOrAfterRelease_OnlineYoungerBeforeReleaseNot()
    {
        var morning = Day.ToDateTime(new TimeOnly(9, 0));
        var afternoon = Day.ToDateTime(new TimeOnly(12, 0));
        Assert.True(Rules.MayTakeHeld(BookingChannel.OnSite, 30, Day, morning));
        Assert.True(Rules.MayTakeHeld(BookingChannel.Online, 60, Day, morning));
        Assert.False(Rules.MayTakeHeld(BookingChannel.Online, 59, Day, morning));
        Assert.False(Rules.MayTakeHeld(BookingChannel.Online, null, Day, morning));
        Assert.True(Rules.MayTakeHeld(BookingChannel.Online, null, Day, afternoon));
        // The day before, a release hour already past on that day does not release tomorrow's places.
        Assert.False(Rules.MayTakeHeld(BookingChannel.Online, null, Day, Day.AddDays(-1).ToDateTime(new TimeOnly(18, 0))));
    }

    // ---- cancelling ---------------------------------------------------------------------------

    [Fact]
    public void MayCancel_UntilTheDeadlineBeforeTheSlot()
    {
        Assert.True(Rules.MayCancel(SlotStart.AddMinutes(-61), SlotStart));
        Assert.True(Rules.MayCancel(SlotStart.AddMinutes(-60), SlotStart));
        Assert.False(Rules.MayCancel(SlotStart.AddMinutes(-59), SlotStart));
        Assert.False(Rules.MayCancel(SlotStart.AddMinutes(5), SlotStart));
    }

    // ---- check-in window ----------------------------------------------------------------------

    [Theory]
    [InlineData(-31, CheckInTiming.TooEarly)]
    [InlineData(-30, CheckInTiming.InTime)]
    [InlineData(0, CheckInTiming.InTime)]
    [InlineData(15, CheckInTiming.InTime)]
    [InlineData(16, CheckInTiming.TooLate)]
    public void CheckInAt_FromEarlyToLateMinutesAroundTheStart(int minutes, CheckInTiming expected)
    {
        Assert.Equal(expected, Rules.CheckInAt(SlotStart.AddMinutes(minutes), SlotStart));
    }

    // ---- 爽约 ----------------------------------------------------------------------------------

    [Fact]
    public void BlockedUntil_ThreeNoShowsWithin180Days_BlockedNinetyDaysFromTheLast()
    {
        var now = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var last = now.AddDays(-10);
        DateTime[] noShows = [now.AddDays(-170), now.AddDays(-40), last];
        Assert.Equal(last.AddDays(90), Rules.BlockedUntil(noShows, now));
    }

    [Fact]
    public void BlockedUntil_OneNoShowOutsideTheWindow_NotBlocked()
    {
        var now = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Null(Rules.BlockedUntil([now.AddDays(-181), now.AddDays(-40), now.AddDays(-10)], now));
        Assert.Null(Rules.BlockedUntil([now.AddDays(-40), now.AddDays(-10)], now));
    }

    [Fact]
    public void BlockedUntil_BlockOver_NotBlocked()
    {
        var now = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var rules = Rules with { NoShowWindowDays = 365 };
        Assert.Null(rules.BlockedUntil([now.AddDays(-120), now.AddDays(-110), now.AddDays(-100)], now));
    }

    [Fact]
    public void BlockedUntil_LimitZero_RuleOff()
    {
        var now = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Null((Rules with { NoShowLimit = 0 }).BlockedUntil([now.AddDays(-1)], now));
    }

    // ---- age from the ID number ---------------------------------------------------------------

    [Theory]
    [InlineData("11010519491231002X", 76)]
    [InlineData("110105196611240012", 60)] // sixty on the day
    [InlineData("110105196611250018", 59)] // sixty tomorrow
    public void IdNumberAge_FromTheBirthDate(string id, int age)
    {
        Assert.Equal(age, IdNumberAge.On(id, Day));
    }

    [Fact]
    public void IdNumberAge_NoOrBadNumber_Null()
    {
        Assert.Null(IdNumberAge.On(null, Day));
        Assert.Null(IdNumberAge.On("110105196611240013", Day)); // wrong check digit
    }
}
