using ServiceHall.Core.Features.Dashboard;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.UnitTests.Features.Visits;

/// <summary>Today's figures and the hospital template with visits of several steps (ADR-029).</summary>
public class VisitFiguresTests
{
    private static readonly HallClock Shanghai = new("Asia/Shanghai");
    private static readonly DateTime Nine = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Figures_ThreeStepVisit_IssuedOnce_ServedThrice_EachStepWaitsFromItsArrival()
    {
        // 挂号 waits 4 minutes and takes 3; 缴费 is joined at 09:08 and called at 09:10; 取药 joined 09:12, called 09:18.
        var registration = new TicketTimes(TicketChannel.Kiosk, TicketStatus.Done, Nine, Nine, Nine.AddMinutes(4), Nine.AddMinutes(5),
            Nine.AddMinutes(8));
        var payment = new TicketTimes(TicketChannel.NextStep, TicketStatus.Done, Nine, Nine, Nine.AddMinutes(10), Nine.AddMinutes(10),
            Nine.AddMinutes(12), ArrivedAt: Nine.AddMinutes(8));
        var pharmacy = new TicketTimes(TicketChannel.NextStep, TicketStatus.Done, Nine, Nine, Nine.AddMinutes(18), Nine.AddMinutes(18),
            Nine.AddMinutes(20), ArrivedAt: Nine.AddMinutes(12));

        var figures = TodayFiguresRule.Figures([registration, payment, pharmacy]);

        Assert.Equal((1, 3), (figures.Issued, figures.Served));
        Assert.Equal(4.0, figures.AverageWaitMinutes); // (4 + 2 + 6) / 3, not from 09:00 each time
        var nine = TodayFiguresRule.PerHour([registration, payment, pharmacy], Shanghai, new TimeOnly(8, 0), new TimeOnly(17, 0))
            .Single(h => h.Hour == 9);
        Assert.Equal((1, 3), (nine.Issued, nine.Served));
    }

    [Fact]
    public void IsVisit_TransfersAndNextStepsKeepANumberGivenBefore()
    {
        Assert.True(TodayFiguresRule.IsVisit(TicketChannel.Kiosk));
        Assert.True(TodayFiguresRule.IsVisit(TicketChannel.Appointment));
        Assert.False(TodayFiguresRule.IsVisit(TicketChannel.Transfer));
        Assert.False(TodayFiguresRule.IsVisit(TicketChannel.NextStep));
    }

    [Fact]
    public void HospitalTemplate_RegistrationPaymentPharmacy_CopiedIntoTheHallsItems()
    {
        var rows = ApplyHallTemplate.Rows(Guid.NewGuid(), HallTemplates.For(HallKind.Hospital), Nine);
        var byPrefix = rows.Items.ToDictionary(i => i.Prefix);
        Assert.Equal(byPrefix["B"].Id, byPrefix["A"].NextStepItemId);
        Assert.Equal(byPrefix["C"].Id, byPrefix["B"].NextStepItemId);
        Assert.Null(byPrefix["C"].NextStepItemId);
        Assert.Null(byPrefix["E"].NextStepItemId);
    }

    [Fact]
    public void GovernmentTemplate_NoChainInvented()
    {
        // The government template has no 受理 / 缴费 / 领证 items: no next steps.
        var rows = ApplyHallTemplate.Rows(Guid.NewGuid(), HallTemplates.For(HallKind.Government), Nine);
        Assert.All(rows.Items, i => Assert.Null(i.NextStepItemId));
    }
}
