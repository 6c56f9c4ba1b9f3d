using System.Collections.Concurrent;

namespace ServiceHall.Core.Data;

/// <summary>Who is waiting for the write gate.</summary>
public enum WritePriority
{
    /// <summary>A counter calling someone: a person waits at the counter and the hall waits for the voice.</summary>
    Call,
    /// <summary>Other counter actions and requests a person waits for.</summary>
    Interactive,
    /// <summary>Group commits and scans: they gain from waiting, as the batch only grows.</summary>
    Bulk,
}

/// <summary>
/// One writer at a time per SQLite database file within this process (ADR-002). Calls go first: up
/// to <see cref="MaxCallsInARow"/> in a row while others wait. The other interactive writers and the
/// bulk ones then take turns one for one, so that counter bookkeeping (start, finish) and ticket
/// batches each get half of what is left and neither starves. A call is resumed on the thread that
/// releases the gate to it (where that thread has no synchronization context: a request's or the
/// batcher's), the others in the thread pool.
/// </summary>
public sealed class WriteGate
{
    private const int MaxCallsInARow = 4;
    private static readonly ConcurrentDictionary<string, WriteGate> Gates = new();

    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _calls = new();
    private readonly Queue<TaskCompletionSource> _interactive = new();
    private readonly Queue<TaskCompletionSource> _bulk = new();
    private bool _held;
    private int _callsInARow;
    private bool _bulkNext;

    public static WriteGate For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new WriteGate());

    /// <summary>
    /// Blocks the calling thread until the gate is its own: for a writer on a thread of its own
    /// (the ticket batcher), which is then woken by the releasing thread directly instead of waiting
    /// for a thread-pool thread to run its continuation while the gate stands idle.
    /// </summary>
    public void Enter(WritePriority priority, CancellationToken ct) => EnterAsync(priority, ct).GetAwaiter().GetResult();

    public Task EnterAsync(WritePriority priority, CancellationToken ct)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }
            // A call goes on on the thread that hands it the gate, at once: handed to the thread pool, it
            // held the gate idle while it waited in the pool's queue behind every kiosk's request.
            waiter = priority == WritePriority.Call
                ? new TaskCompletionSource()
                : new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            QueueOf(priority).Enqueue(waiter);
        }
        if (ct.CanBeCanceled)
            ct.Register(() => waiter.TrySetCanceled(ct));
        return waiter.Task;
    }

    public void Release()
    {
        while (true)
        {
            TaskCompletionSource next;
            lock (_lock)
            {
                if (NextQueue() is not { } queue)
                {
                    _held = false;
                    return;
                }
                next = queue.Dequeue();
            }
            // Outside the lock: a call's continuation runs here, and others must still be able to queue.
            // A waiter whose request was cancelled is skipped; the gate passes to the next one.
            if (next.TrySetResult())
                return;
        }
    }

    private Queue<TaskCompletionSource> QueueOf(WritePriority priority) => priority switch
    {
        WritePriority.Call => _calls,
        WritePriority.Interactive => _interactive,
        _ => _bulk,
    };

    private Queue<TaskCompletionSource>? NextQueue()
    {
        var othersWaiting = _interactive.Count > 0 || _bulk.Count > 0;
        if (_calls.Count > 0 && (_callsInARow < MaxCallsInARow || !othersWaiting))
        {
            _callsInARow++;
            return _calls;
        }
        _callsInARow = 0;
        if (_interactive.Count > 0 && (_bulk.Count == 0 || !_bulkNext))
        {
            _bulkNext = true;
            return _interactive;
        }
        _bulkNext = false;
        return _bulk.Count > 0 ? _bulk : null;
    }
}
