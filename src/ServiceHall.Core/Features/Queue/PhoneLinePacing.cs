using System.Collections.Concurrent;

namespace ServiceHall.Core.Features.Queue;

/// <summary>
/// Q9 at scale: a phone hears its item's line only as a hint to re-read its place in line (each phone at most every
/// 10 s), so an item's line goes to its phones at most once per interval, not on every coalesced change: with thousands
/// of phones that was thousands of messages a second. A change inside the interval is held, and the caller scans the
/// hall again when the interval ends, so the last change always goes out. A line that looks unchanged is still sent:
/// one called ahead and one issued behind leave the count alone but move every place. Times are the caller's
/// monotonic clock.
/// </summary>
public sealed class PhoneLinePacing(TimeSpan interval)
{
    private readonly ConcurrentDictionary<(Guid Hall, Guid Item), TimeSpan> _sentAt = new();

    /// <returns>Null when the line goes now (noted as sent); otherwise how long until it may.</returns>
    public TimeSpan? Offer(Guid hallId, Guid serviceItemId, TimeSpan now)
    {
        var key = (hallId, serviceItemId);
        if (_sentAt.TryGetValue(key, out var sent) && now - sent < interval)
            return interval - (now - sent);
        _sentAt[key] = now;
        return null;
    }
}
