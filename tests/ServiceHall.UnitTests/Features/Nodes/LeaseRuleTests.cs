using ServiceHall.Core.Features.Nodes;

namespace ServiceHall.UnitTests.Features.Nodes;

/// <summary>P6: which node may run a scan's round — the rule the database's conditional update runs.</summary>
public class LeaseRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void MayTake_NeverTaken_Yes() =>
        Assert.True(LeaseRule.MayTake(new ScanLease { Name = "s", Holder = null, ExpiresAt = DateTime.UnixEpoch }, "b", Now));

    [Fact]
    public void MayTake_HeldByAnotherUnexpired_No() =>
        Assert.False(LeaseRule.MayTake(new ScanLease { Name = "s", Holder = "a", ExpiresAt = Now.AddSeconds(1) }, "b", Now));

    [Fact]
    public void MayTake_HeldByItself_RenewsBeforeExpiry() =>
        Assert.True(LeaseRule.MayTake(new ScanLease { Name = "s", Holder = "b", ExpiresAt = Now.AddSeconds(30) }, "b", Now));

    [Fact]
    public void MayTake_HolderStoppedRenewing_OthersTakeAtExpiry()
    {
        var lease = new ScanLease { Name = "s", Holder = "a", ExpiresAt = Now };
        Assert.False(LeaseRule.MayTake(lease, "b", Now.AddTicks(-1)));
        Assert.True(LeaseRule.MayTake(lease, "b", Now));
    }

    [Fact]
    public void MayTake_Released_OthersTakeAtOnce() =>
        Assert.True(LeaseRule.MayTake(new ScanLease { Name = "s", Holder = null, ExpiresAt = Now.AddMinutes(5) }, "b", Now));

    [Theory]
    [InlineData(1, 5)]
    [InlineData(15, 30)]
    [InlineData(60, 120)]
    public void LeaseFor_TwoPeriodsAtLeastFiveSeconds(int periodSeconds, int leaseSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(leaseSeconds), LeaseRule.LeaseFor(TimeSpan.FromSeconds(periodSeconds)));
}
