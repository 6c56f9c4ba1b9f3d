using ServiceHall.Core.Features.Identity;

namespace ServiceHall.UnitTests.Features.Identity;

public sealed class SignInDelayRuleTests
{
    private static readonly DateTime At = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static readonly SignInDelayRule Rule =
        new(FreeFailures: 3, FirstDelay: TimeSpan.FromSeconds(2), MaxDelay: TimeSpan.FromSeconds(60), ForgetAfter: TimeSpan.FromMinutes(60));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(5, 8)]
    [InlineData(7, 32)]
    [InlineData(8, 60)]
    [InlineData(1000, 60)]
    public void DelayAfter_FreeFailuresThenDoublingUpToTheCap(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Rule.DelayAfter(failures));

    [Fact]
    public void DelayAfter_HugeCap_NoOverflow() =>
        Assert.Equal(TimeSpan.FromSeconds(2L << 20), (Rule with { MaxDelay = TimeSpan.MaxValue }).DelayAfter(int.MaxValue));

    [Fact]
    public void RetryAfter_CountsFromTheLastFailure()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), Rule.RetryAfter(4, At, At));
        Assert.Equal(TimeSpan.FromSeconds(1), Rule.RetryAfter(4, At, At.AddSeconds(3)));
        Assert.Equal(TimeSpan.Zero, Rule.RetryAfter(4, At, At.AddSeconds(4)));
        Assert.Equal(TimeSpan.Zero, Rule.RetryAfter(2, At, At));
    }

    [Fact]
    public void CountingFailures_ForgottenAfterAQuietPeriod()
    {
        Assert.Equal(9, Rule.CountingFailures(9, At, At.AddMinutes(59)));
        Assert.Equal(0, Rule.CountingFailures(9, At, At.AddMinutes(60)));
        Assert.Equal(TimeSpan.Zero, Rule.RetryAfter(1000, At, At.AddHours(2)));
    }

    [Fact]
    public void Options_AddressWaitsLaterAndLongerThanAnAccount()
    {
        var options = new SignInThrottleOptions();
        Assert.Equal(TimeSpan.Zero, options.AddressRule.DelayAfter(9));
        Assert.Equal(TimeSpan.FromSeconds(2), options.AccountRule.DelayAfter(3));
        Assert.Equal(TimeSpan.FromSeconds(60), options.AccountRule.DelayAfter(100));
        Assert.Equal(TimeSpan.FromSeconds(900), options.AddressRule.DelayAfter(100));
    }
}
