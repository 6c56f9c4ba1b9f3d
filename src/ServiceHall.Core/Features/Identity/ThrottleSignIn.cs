using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ServiceHall.Core.Features.Identity;

/// <summary>Configuration section <c>Auth:Throttle</c>: the two <see cref="SignInDelayRule"/>s.</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Failures of one user name before it waits; a person mistypes now and then.</summary>
    public int AccountFreeFailures { get; set; } = 3;

    /// <summary>Failures from one address before it waits; higher, as a hall's staff share one address behind its router.</summary>
    public int AddressFreeFailures { get; set; } = 10;

    public int FirstDelaySeconds { get; set; } = 2;

    /// <summary>The longest wait of a user name: what a stranger can make its owner wait, at most.</summary>
    public int AccountMaxDelaySeconds { get; set; } = 60;

    public int AddressMaxDelaySeconds { get; set; } = 900;

    /// <summary>After this long without a failure the count starts again.</summary>
    public int ForgetAfterMinutes { get; set; } = 60;

    public SignInDelayRule AccountRule => new(AccountFreeFailures, TimeSpan.FromSeconds(FirstDelaySeconds),
        TimeSpan.FromSeconds(AccountMaxDelaySeconds), TimeSpan.FromMinutes(ForgetAfterMinutes));

    public SignInDelayRule AddressRule => new(AddressFreeFailures, TimeSpan.FromSeconds(FirstDelaySeconds),
        TimeSpan.FromSeconds(AddressMaxDelaySeconds), TimeSpan.FromMinutes(ForgetAfterMinutes));
}

/// <summary>
/// Slows password guessing per client address and per typed user name (P2), whether or not the name
/// exists, so the answer never tells which names do. An attempt that must wait is not tried at all.
/// </summary>
public sealed class ThrottleSignIn(ISignInFailureStore store, TimeProvider time, IOptions<SignInThrottleOptions> options)
{
    private SignInThrottleOptions Options => options.Value;

    /// <summary>How long this attempt must still wait; zero when the password may be checked.</summary>
    public async Task<TimeSpan> RetryAfterAsync(string address, string userName, CancellationToken ct)
    {
        var (addressKey, accountKey) = (AddressKey(address), AccountKey(userName));
        var counts = await store.GetAsync([addressKey, accountKey], ct);
        var now = time.GetUtcNow().UtcDateTime;
        var wait = TimeSpan.Zero;
        foreach (var count in counts)
        {
            var rule = count.Key == addressKey ? Options.AddressRule : Options.AccountRule;
            var retryAfter = rule.RetryAfter(count.Failures, count.LastFailureAt, now);
            if (retryAfter > wait)
                wait = retryAfter;
        }
        return wait;
    }

    public async Task FailedAsync(string address, string userName, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var forgetBefore = now - TimeSpan.FromMinutes(Options.ForgetAfterMinutes);
        await store.RecordFailureAsync(AddressKey(address), now, forgetBefore, ct);
        await store.RecordFailureAsync(AccountKey(userName), now, forgetBefore, ct);
    }

    /// <summary>
    /// The right password clears the user name's count: only its owner knows it. The address keeps
    /// its count, or one valid account would let its holder guess others' passwords without waiting.
    /// </summary>
    public Task SucceededAsync(string userName, CancellationToken ct) => store.ForgetAsync(AccountKey(userName), ct);

    public static string AccountKey(string userName) => Digest("account:" + userName.Trim().ToUpperInvariant());

    public static string AddressKey(string address) => Digest("address:" + address);

    private static string Digest(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
