using ServiceHall.Core.Features.Dashboard;

namespace ServiceHall.UnitTests.Features.Dashboard;

public class QueueColoursTests
{
    [Theory]
    [InlineData(0, 0, QueueColour.Green)]
    [InlineData(0, 30, QueueColour.Green)]
    [InlineData(7, 7, QueueColour.Green)]
    [InlineData(8, 0, QueueColour.Amber)]
    [InlineData(10, 0, QueueColour.Amber)]
    [InlineData(1, 8, QueueColour.Amber)]
    [InlineData(1, 10, QueueColour.Amber)]
    [InlineData(11, 0, QueueColour.Red)]
    [InlineData(1, 11, QueueColour.Red)]
    public void For_DefaultThresholds_GreenAmberRed(int waiting, int oldestMinutes, QueueColour expected) =>
        Assert.Equal(expected, QueueColours.For(waiting, oldestMinutes, maxWaiting: 10, maxWaitMinutes: 10));

    [Fact]
    public void For_ThresholdOfOne_AmberAtFirstTicketRedAtSecond()
    {
        Assert.Equal(QueueColour.Amber, QueueColours.For(1, 0, maxWaiting: 1, maxWaitMinutes: 60));
        Assert.Equal(QueueColour.Red, QueueColours.For(2, 0, maxWaiting: 1, maxWaitMinutes: 60));
    }

    [Fact]
    public void For_RedWhereTheOverviewSaysOver_SameBoundary()
    {
        // The overview flags a queue over its threshold when waiting > max; the colour agrees.
        Assert.Equal(QueueColour.Amber, QueueColours.For(5, 0, maxWaiting: 5, maxWaitMinutes: 10));
        Assert.Equal(QueueColour.Red, QueueColours.For(6, 0, maxWaiting: 5, maxWaitMinutes: 10));
    }
}
