using ServiceHall.Core.Features.Appointments;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.UnitTests.Features.Appointments;

public class SlotTimesTests
{
    private static DaySchedule Open(int opens, int closes, int? lunchFrom = null, int? lunchTo = null) =>
        new(true, new TimeOnly(opens, 0), new TimeOnly(closes, 0), new TimeOnly(closes, 0),
            lunchFrom is { } f ? new TimeOnly(f, 0) : null, lunchTo is { } t ? new TimeOnly(t, 0) : null, true);

    [Fact]
    public void Of_DayOff_NoSlots()
    {
        Assert.Empty(SlotTimes.Of(DaySchedule.Closed, null, null, 30));
    }

    [Fact]
    public void Of_OpenDay_WholeSlotsFromOpeningToClosing()
    {
        var slots = SlotTimes.Of(Open(9, 11), null, null, 30);
        Assert.Equal(["09:00-09:30", "09:30-10:00", "10:00-10:30", "10:30-11:00"], slots.Select(Text));
    }

    [Fact]
    public void Of_LunchBreak_NoSlotCrossesIt_AfternoonStartsAtItsEnd()
    {
        var schedule = Open(9, 15, 12, 13) with { LunchStartsAt = new TimeOnly(11, 40), LunchEndsAt = new TimeOnly(13, 10) };
        var slots = SlotTimes.Of(schedule, null, null, 60).Select(Text).ToList();
        Assert.Equal(["09:00-10:00", "10:00-11:00", "13:10-14:10"], slots);
    }

    [Fact]
    public void Of_ItemServedPartOfTheDay_OnlyWithinItsHours()
    {
        var slots = SlotTimes.Of(Open(9, 17), new TimeOnly(14, 0), new TimeOnly(15, 30), 45).Select(Text).ToList();
        Assert.Equal(["14:00-14:45", "14:45-15:30"], slots);
    }

    [Fact]
    public void Of_LastPartialSlot_Dropped()
    {
        var slots = SlotTimes.Of(Open(9, 10), null, null, 40).Select(Text).ToList();
        Assert.Equal(["09:00-09:40"], slots);
    }

    [Fact]
    public void Of_OpenUntilMidnight_LastSlotEndsAtTheDaysEnd()
    {
        var schedule = new DaySchedule(true, new TimeOnly(23, 0), new TimeOnly(23, 59, 59), new TimeOnly(23, 59, 59), null, null, true);
        var slots = SlotTimes.Of(schedule, null, null, 30).Select(Text).ToList();
        Assert.Equal(["23:00-23:30", "23:30-23:59"], slots);
    }

    private static string Text(SlotTime s) => $"{s.Start:HH:mm}-{s.End:HH:mm}";
}
