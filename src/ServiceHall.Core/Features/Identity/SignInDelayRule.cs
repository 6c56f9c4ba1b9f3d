namespace ServiceHall.Core.Features.Identity;

/// <summary>
/// How long sign-in waits after failed passwords (P2): a few failures are free (a typo, caps lock), then
/// each further failure doubles the wait up to a cap. Failures are forgotten after a quiet period.
/// Nothing here locks an account: the wait ends by itself, and only an administrator locks.
/// </summary>
public sealed record SignInDelayRule(int FreeFailures, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan ForgetAfter)
{
    /// <summary>The wait after this many failures in a row.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeFailures)
            return TimeSpan.Zero;
        // 2^20 first delays is beyond any sane cap; the exponent is bounded so the product cannot overflow.
        var doublings = Math.Min(failures - FreeFailures, 20);
        var delay = TimeSpan.FromTicks(FirstDelay.Ticks * (1L << doublings));
        return delay < MaxDelay ? delay : MaxDelay;
    }

    /// <summary>The failures that still count at <paramref name="now"/>: none once the quiet period has passed.</summary>
    public int CountingFailures(int failures, DateTime lastFailureAt, DateTime now) =>
        now - lastFailureAt >= ForgetAfter ? 0 : failures;

    /// <summary>How long a new attempt must still wait; zero when it may go ahead.</summary>
    public TimeSpan RetryAfter(int failures, DateTime lastFailureAt, DateTime now)
    {
        var counting = CountingFailures(failures, lastFailureAt, now);
        var until = lastFailureAt + DelayAfter(counting);
        return until > now ? until - now : TimeSpan.Zero;
    }
}
