using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Staffing;

namespace ServiceHall.UnitTests.Features.Staffing;

public class StaffingHistoryTests
{
    private static readonly HallClock Shanghai = new("Asia/Shanghai");
    private static readonly Guid A = Guid.Parse("0000000a-0000-0000-0000-000000000000");
    private static readonly ItemDefaults ItemA = new(A, AverageServiceMinutes: 7, MaxWaitMinutes: 10);
    // Two Tuesdays the hall was open, and the Monday between.
    private static readonly DateOnly Tuesday1 = new(2026, 11, 10), Tuesday2 = new(2026, 11, 17);
    private static readonly DateOnly[] OpenDays = [Tuesday1, new(2026, 11, 16), Tuesday2];

    private static DateTime At(DateOnly day, int hour, int minute) => Shanghai.ToUtc(day, new TimeOnly(hour, minute));

    private static HistoryTicket Served(DateOnly day, int hour, int minute, double serviceMinutes,
        TicketPriority priority = TicketPriority.Normal, TicketChannel channel = TicketChannel.Kiosk)
    {
        var issued = At(day, hour, minute);
        return new HistoryTicket(A, channel, priority, TicketStatus.Done, issued, issued, issued.AddMinutes(1), issued.AddMinutes(1),
            issued.AddMinutes(1 + serviceMinutes), null);
    }

    [Fact]
    public void Demand_ArrivalsPerOpenWeekday_ServiceFromTheHour()
    {
        var tickets = Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            Served(Tuesday1, 10, i * 3, 4, i < 4 ? TicketPriority.Elderly : TicketPriority.Normal),
            Served(Tuesday2, 10, i * 3, 6),
        }).ToList();
        var demand = StaffingHistory.Demand(tickets, [ItemA], OpenDays, Shanghai);

        var tuesday10 = Assert.Single(demand.PerHour[(DayOfWeek.Tuesday, 10)]);
        Assert.Equal(20, tuesday10.ArrivalsPerHour, 9);
        Assert.Equal(5, tuesday10.ServiceMinutes, 9);
        Assert.Equal(4 / 40.0, tuesday10.PriorityShare, 9);
        Assert.False(demand.PerHour.ContainsKey((DayOfWeek.Monday, 10)));
    }

    [Fact]
    public void Demand_FewServicesInTheHour_ItemAverage_ElseExpected()
    {
        var tickets = Enumerable.Range(0, 12).Select(i => Served(Tuesday1, 9, i * 4, 3))
            .Append(Served(Tuesday1, 14, 0, 9)).ToList();
        var demand = StaffingHistory.Demand(tickets, [ItemA], OpenDays, Shanghai);

        // 14:00 has one service: the item's 13 services give (12 × 3 + 9) / 13 minutes.
        Assert.Equal((12 * 3 + 9) / 13.0, demand.PerHour[(DayOfWeek.Tuesday, 14)][0].ServiceMinutes, 9);
        Assert.Equal(0.5, demand.PerHour[(DayOfWeek.Tuesday, 14)][0].ArrivalsPerHour, 9);

        var waiting = new HistoryTicket(A, TicketChannel.Kiosk, TicketPriority.Normal, TicketStatus.Expired, At(Tuesday1, 11, 0),
            At(Tuesday1, 11, 0), null, null, null, null);
        var none = StaffingHistory.Demand([waiting], [ItemA], OpenDays, Shanghai);
        Assert.Equal(7, none.PerHour[(DayOfWeek.Tuesday, 11)][0].ServiceMinutes, 9);
    }

    [Fact]
    public void Demand_Transfer_ArrivesWhenQueued()
    {
        var issued = At(Tuesday1, 9, 50);
        var transfer = new HistoryTicket(A, TicketChannel.Transfer, TicketPriority.Normal, TicketStatus.Done, issued, At(Tuesday1, 10, 20),
            At(Tuesday1, 10, 25), At(Tuesday1, 10, 25), At(Tuesday1, 10, 30), null);
        var demand = StaffingHistory.Demand([transfer], [ItemA], OpenDays, Shanghai);
        Assert.True(demand.PerHour.ContainsKey((DayOfWeek.Tuesday, 10)));
        Assert.False(demand.PerHour.ContainsKey((DayOfWeek.Tuesday, 9)));
    }

    [Fact]
    public void Demand_NoShowShareOfCalls()
    {
        var tickets = Enumerable.Range(0, 10).Select(i => Served(Tuesday1, 10, i * 5, 5)).ToList();
        var called = At(Tuesday1, 10, 2);
        tickets.AddRange(Enumerable.Range(0, 10).Select(_ => new HistoryTicket(A, TicketChannel.Kiosk, TicketPriority.Normal, TicketStatus.NoShow,
            called, called, called, null, null, called.AddMinutes(3))));
        var demand = StaffingHistory.Demand(tickets, [ItemA], OpenDays, Shanghai);

        Assert.Equal(0.5, demand.PerHour[(DayOfWeek.Tuesday, 10)][0].NoShowShare, 9);
        Assert.Equal(3, demand.NoShowMinutes, 9);
    }

    [Fact]
    public void Buckets_QuarterHoursOfUtc_PutInTheHallsLocalHour_EvenAtAQuarterHourOffset()
    {
        var kathmandu = new HallClock("Asia/Kathmandu"); // UTC+5:45
        var ten = kathmandu.ToUtc(Tuesday1, new TimeOnly(10, 0));
        HistoryTicket At(DateTime issued) => new(A, TicketChannel.Kiosk, TicketPriority.Normal, TicketStatus.Done, issued, issued, issued,
            issued, issued.AddMinutes(4), null);
        var tickets = new[] { At(ten), At(ten.AddTicks(-1)), At(ten.AddMinutes(59).AddSeconds(59)), At(ten.AddHours(1)) };

        var buckets = StaffingHistory.Buckets(tickets);
        Assert.Equal([StaffingHistory.BucketOf(ten) - 1, StaffingHistory.BucketOf(ten), StaffingHistory.BucketOf(ten) + 3,
            StaffingHistory.BucketOf(ten) + 4], buckets.Select(b => b.Bucket).Order());
        Assert.Equal(ten, StaffingHistory.BucketStart(StaffingHistory.BucketOf(ten)));
        var demand = StaffingHistory.Demand(tickets, [ItemA], OpenDays, kathmandu);
        // 9:59:59.9999999 is hour 9; 10:00:00 and 10:59:59 are hour 10; 11:00 is hour 11.
        Assert.Equal([1.0 / 2, 2.0 / 2, 1.0 / 2], new[] { 9, 10, 11 }.Select(h => demand.PerHour[(DayOfWeek.Tuesday, h)][0].ArrivalsPerHour));
        Assert.Equal(4, demand.PerHour[(DayOfWeek.Tuesday, 10)][0].ServiceMinutes, 9);
    }

    [Fact]
    public void Demand_ItemsOfAnHourInItemOrder_WhateverOrderTheTicketsCameIn()
    {
        var b = Guid.Parse("0000000b-0000-0000-0000-000000000000");
        var issued = At(Tuesday1, 10, 5);
        HistoryTicket Of(Guid item) => new(item, TicketChannel.Kiosk, TicketPriority.Normal, TicketStatus.Done, issued, issued, issued, issued,
            issued.AddMinutes(5), null);
        ItemDefaults[] items = [ItemA, new(b, 5, 10)];

        var bFirst = StaffingHistory.Demand([Of(b), Of(A)], items, OpenDays, Shanghai).PerHour[(DayOfWeek.Tuesday, 10)];
        var aFirst = StaffingHistory.Demand([Of(A), Of(b)], items, OpenDays, Shanghai).PerHour[(DayOfWeek.Tuesday, 10)];
        Assert.Equal([A, b], bFirst.Select(d => d.ItemId));
        Assert.Equal([A, b], aFirst.Select(d => d.ItemId));
    }

    [Fact]
    public void CountersOpen_AverageOverOpenDays_WeightedByMinutes()
    {
        var c1 = Guid.NewGuid();
        var c2 = Guid.NewGuid();
        var c3 = Guid.NewGuid();
        var sessions = new[]
        {
            // Tuesday 1: two counters 9:30–11:00 and a third 10:00–11:00; Tuesday 2: one 9:00–10:30.
            new HistorySession(c1, At(Tuesday1, 9, 30), At(Tuesday1, 11, 0)),
            new HistorySession(c2, At(Tuesday1, 9, 30), At(Tuesday1, 11, 0)),
            new HistorySession(c3, At(Tuesday1, 10, 0), At(Tuesday1, 11, 0)),
            new HistorySession(c1, At(Tuesday2, 9, 0), At(Tuesday2, 10, 30)),
        };
        var open = StaffingHistory.CountersOpen(sessions, OpenDays, Shanghai, At(Tuesday2, 18, 0));

        Assert.Equal(1, open[(DayOfWeek.Tuesday, 9)]);   // (30 + 30 + 60 minutes) / 60 / 2 days = 1
        Assert.Equal(2, open[(DayOfWeek.Tuesday, 10)]);  // (60 + 60 + 60 + 30) / 60 / 2 = 1.75
        Assert.False(open.ContainsKey((DayOfWeek.Tuesday, 11)));
    }
}
