using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ServiceHall.Web.Realtime;

/// <summary>
/// Halls whose queue changed since the last broadcast. Many changes a second become one overview
/// and one alert scan per hall per tick instead of one per change.
/// </summary>
public sealed class DirtyHalls
{
    private readonly ConcurrentDictionary<Guid, byte> _halls = new();
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Mark(Guid hallId)
    {
        _halls[hallId] = 0;
        _signal.Writer.TryWrite(true);
    }

    public async Task<List<Guid>> WaitAndTakeAsync(CancellationToken ct)
    {
        await _signal.Reader.ReadAsync(ct);
        var taken = new List<Guid>();
        foreach (var hallId in _halls.Keys)
        {
            if (_halls.TryRemove(hallId, out _))
                taken.Add(hallId);
        }
        return taken;
    }
}
