using ServiceHall.Core.Features.Queue;

namespace ServiceHall.UnitTests.Features.Queue;

public sealed class PhoneLinePacingTests
{
    private static readonly Guid Hall = Guid.NewGuid(), ItemA = Guid.NewGuid(), ItemB = Guid.NewGuid();

    [Fact]
    public void FirstLine_GoesAtOnce_NextInsideTheInterval_HeldForWhatIsLeft()
    {
        var pacing = new PhoneLinePacing(TimeSpan.FromSeconds(5));
        Assert.Null(pacing.Offer(Hall, ItemA, TimeSpan.FromSeconds(100)));
        Assert.Equal(TimeSpan.FromSeconds(3), pacing.Offer(Hall, ItemA, TimeSpan.FromSeconds(102)));
        Assert.Equal(TimeSpan.FromSeconds(0.5), pacing.Offer(Hall, ItemA, TimeSpan.FromSeconds(104.5)));
        Assert.Null(pacing.Offer(Hall, ItemA, TimeSpan.FromSeconds(105)));
        Assert.NotNull(pacing.Offer(Hall, ItemA, TimeSpan.FromSeconds(106)));
    }

    [Fact]
    public void Items_ArePacedApart()
    {
        var pacing = new PhoneLinePacing(TimeSpan.FromSeconds(5));
        Assert.Null(pacing.Offer(Hall, ItemA, TimeSpan.FromSeconds(10)));
        Assert.Null(pacing.Offer(Hall, ItemB, TimeSpan.FromSeconds(11)));
        Assert.Null(pacing.Offer(Guid.NewGuid(), ItemA, TimeSpan.FromSeconds(11)));
        Assert.NotNull(pacing.Offer(Hall, ItemA, TimeSpan.FromSeconds(11)));
    }

    [Fact]
    public void HeldLines_AreNotNotedAsSent()
    {
        var pacing = new PhoneLinePacing(TimeSpan.FromSeconds(5));
        Assert.Null(pacing.Offer(Hall, ItemA, TimeSpan.Zero));
        for (var s = 1; s < 5; s++)
            Assert.NotNull(pacing.Offer(Hall, ItemA, TimeSpan.FromSeconds(s)));
        Assert.Null(pacing.Offer(Hall, ItemA, TimeSpan.FromSeconds(5)));
    }
}
