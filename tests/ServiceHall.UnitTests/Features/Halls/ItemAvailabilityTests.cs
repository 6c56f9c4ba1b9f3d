using ServiceHall.Core.Features.Halls;

namespace ServiceHall.UnitTests.Features.Halls;

public class ItemAvailabilityTests
{
    // Monday 2026-03-02: 08:30–17:30, issuing until 17:00, lunch 12:00–13:30.
    private static Hall Hall(bool issueDuringLunch = true) => new()
    {
        Name = "测试大厅", OpensAt = new(8, 30), ClosesAt = new(17, 30), IssueCutoff = new(17, 0),
        LunchStartsAt = new(12, 0), LunchEndsAt = new(13, 30), IssueDuringLunch = issueDuringLunch,
    };

    private static DaySchedule Monday(Hall hall) => OpeningHours.For(hall, new DateOnly(2026, 3, 2), true, null);

    private static ItemFacts Item(TimeOnly? from = null, TimeOnly? until = null, int? quota = null, int issued = 0, int counters = 1) =>
        new(from, until, quota, issued, counters);

    [Fact]
    public void Check_OpenHallOpenCounter_Available()
    {
        Assert.Null(ItemAvailability.Check(Monday(Hall()), new(10, 0), Item()));
    }

    [Fact]
    public void Check_DayOff_HallClosedTodayBeforeAnythingElse()
    {
        Assert.Equal(UnavailableReason.HallClosedToday,
            ItemAvailability.Check(DaySchedule.Closed, new(10, 0), Item(quota: 1, issued: 5, counters: 0)));
    }

    [Theory]
    [InlineData(8, 29, UnavailableReason.NotYetOpen)]
    [InlineData(8, 30, null)]
    [InlineData(16, 59, null)]
    [InlineData(17, 0, UnavailableReason.AfterCutoff)]
    [InlineData(17, 45, UnavailableReason.AfterCutoff)]
    public void Check_AroundOpeningAndCutoff_Exact(int hour, int minute, UnavailableReason? expected)
    {
        Assert.Equal(expected, ItemAvailability.Check(Monday(Hall()), new(hour, minute), Item()));
    }

    [Fact]
    public void Check_LunchBreakWhereIssuingGoesOn_AvailableEvenWithNoCounterOpen()
    {
        // Tickets taken over lunch wait for the afternoon: nobody is expected at a counter then.
        Assert.Null(ItemAvailability.Check(Monday(Hall()), new(12, 30), Item(counters: 0)));
    }

    [Theory]
    [InlineData(11, 59, null)]
    [InlineData(12, 0, UnavailableReason.LunchBreak)]
    [InlineData(13, 29, UnavailableReason.LunchBreak)]
    [InlineData(13, 30, null)]
    public void Check_LunchBreakWhereIssuingPauses_LunchBreak(int hour, int minute, UnavailableReason? expected)
    {
        Assert.Equal(expected, ItemAvailability.Check(Monday(Hall(issueDuringLunch: false)), new(hour, minute), Item()));
    }

    [Theory]
    [InlineData(8, 59, UnavailableReason.NotServedNow)]
    [InlineData(9, 0, null)]
    [InlineData(11, 29, null)]
    [InlineData(11, 30, UnavailableReason.NotServedNow)]
    public void Check_ItemHours_NotServedNowOutsideThem(int hour, int minute, UnavailableReason? expected)
    {
        Assert.Equal(expected, ItemAvailability.Check(Monday(Hall()), new(hour, minute), Item(from: new(9, 0), until: new(11, 30))));
    }

    [Theory]
    [InlineData(49, null)]
    [InlineData(50, UnavailableReason.QuotaReached)]
    [InlineData(51, UnavailableReason.QuotaReached)]
    public void Check_DailyQuota_QuotaReachedOnceAllIssued(int issued, UnavailableReason? expected)
    {
        Assert.Equal(expected, ItemAvailability.Check(Monday(Hall()), new(10, 0), Item(quota: 50, issued: issued)));
    }

    [Fact]
    public void Check_NoOpenCounterInHours_NoCounterOpen()
    {
        Assert.Equal(UnavailableReason.NoCounterOpen, ItemAvailability.Check(Monday(Hall()), new(10, 0), Item(counters: 0)));
    }

    [Fact]
    public void Check_QuotaBeforeCounters_TheLastingReasonWins()
    {
        Assert.Equal(UnavailableReason.QuotaReached,
            ItemAvailability.Check(Monday(Hall()), new(10, 0), Item(quota: 3, issued: 3, counters: 0)));
    }

    [Fact]
    public void Refusal_NoCounterOpen_RefusesNobody()
    {
        Assert.Null(ItemAvailability.Refusal(UnavailableReason.NoCounterOpen, Monday(Hall()), Item(counters: 0)));
        Assert.Null(ItemAvailability.Refusal(null, Monday(Hall()), Item()));
    }

    [Theory]
    [InlineData(UnavailableReason.HallClosedToday, "HallClosedToday")]
    [InlineData(UnavailableReason.NotYetOpen, "IssuingNotYetOpen")]
    [InlineData(UnavailableReason.AfterCutoff, "IssuingClosed")]
    [InlineData(UnavailableReason.LunchBreak, "LunchBreak")]
    [InlineData(UnavailableReason.NotServedNow, "ItemNotServedNow")]
    [InlineData(UnavailableReason.QuotaReached, "QuotaReached")]
    public void Refusal_EachReason_ItsOwnCode(UnavailableReason reason, string code)
    {
        var refusal = ItemAvailability.Refusal(reason, Monday(Hall()), Item(from: new(9, 0), until: new(11, 0), quota: 5));

        Assert.NotNull(refusal);
        Assert.Equal(code, refusal.Code);
    }
}
