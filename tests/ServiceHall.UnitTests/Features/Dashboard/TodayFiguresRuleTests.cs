using ServiceHall.Core.Features.Dashboard;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.UnitTests.Features.Dashboard;

public class TodayFiguresRuleTests
{
    private static readonly HallClock Shanghai = new("Asia/Shanghai");
    // 09:00 in Shanghai.
    private static readonly DateTime Nine = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    private static TicketTimes Done(DateTime issued, int waitMinutes, int serviceMinutes, TicketChannel channel = TicketChannel.Kiosk)
    {
        var called = issued.AddMinutes(waitMinutes);
        return new TicketTimes(channel, TicketStatus.Done, issued, issued, called, called.AddMinutes(1), called.AddMinutes(1 + serviceMinutes));
    }

    private static TicketTimes Waiting(DateTime issued) =>
        new(TicketChannel.Phone, TicketStatus.Waiting, issued, issued, null, null, null);

    [Fact]
    public void Figures_NoTickets_ZeroesAndNoAverages()
    {
        var figures = TodayFiguresRule.Figures([]);
        Assert.Equal(new DayFigures(0, 0, 0, 0, null, null), figures);
    }

    [Fact]
    public void Figures_AveragesOfWaitAndService_RoundedToTenths()
    {
        var figures = TodayFiguresRule.Figures([Done(Nine, 4, 5), Done(Nine.AddMinutes(2), 6, 6), Done(Nine.AddMinutes(3), 5, 7), Waiting(Nine)]);
        Assert.Equal(4, figures.Issued);
        Assert.Equal(3, figures.Served);
        Assert.Equal(1, figures.Waiting);
        Assert.Equal(5.0, figures.AverageWaitMinutes);
        Assert.Equal(6.0, figures.AverageServiceMinutes);
    }

    [Fact]
    public void Figures_TransferIsNotIssuedTwice_NorWaitedTwice_ButItsServiceCounts()
    {
        var original = new TicketTimes(TicketChannel.Kiosk, TicketStatus.Transferred, Nine, Nine, Nine.AddMinutes(10), Nine.AddMinutes(10), null);
        var transferred = Done(Nine, 20, 3, TicketChannel.Transfer);
        var figures = TodayFiguresRule.Figures([original, transferred]);
        Assert.Equal(1, figures.Issued);
        Assert.Equal(1, figures.Served);
        Assert.Equal(10.0, figures.AverageWaitMinutes);
        Assert.Equal(3.0, figures.AverageServiceMinutes);
    }

    [Fact]
    public void PerHour_CoversTheWorkingDay_AndHoursWithTicketsOutsideIt()
    {
        var tickets = new[] { Waiting(Nine.AddMinutes(30)), Waiting(Nine.AddMinutes(59)), Done(Nine.AddHours(9), 10, 5) };
        var hours = TodayFiguresRule.PerHour(tickets, Shanghai, new TimeOnly(9, 0), new TimeOnly(17, 0));
        Assert.Equal(Enumerable.Range(9, 10), hours.Select(h => h.Hour));
        Assert.Equal(2, hours[0].Issued);
        Assert.Equal(1, hours.Single(h => h.Hour == 18).Issued);
        Assert.Equal(1, hours.Single(h => h.Hour == 18).Served);
        Assert.Equal(0, hours.Single(h => h.Hour == 16).Issued);
    }

    [Fact]
    public void PerHour_ClosingAtHalfPast_IncludesThatHour()
    {
        var hours = TodayFiguresRule.PerHour([], Shanghai, new TimeOnly(8, 30), new TimeOnly(17, 30));
        Assert.Equal(8, hours.First().Hour);
        Assert.Equal(17, hours.Last().Hour);
    }
}
