using System.Collections.Concurrent;

namespace ServiceHall.Core.Data;

/// <summary>Who is waiting for the write gate: a person at a counter, or a background batch.</summary>
public enum WritePriority
{
    /// <summary>Counter actions and other requests a person waits for: served first.</summary>
    Interactive,
    /// <summary>Group commits and scans: they gain from waiting, as the batch only grows.</summary>
    Bulk,
}

/// <summary>
/// One writer at a time per SQLite database file within this process. Interactive writers go
/// before bulk ones, so a call at the counter never queues behind several ticket batches; after
/// <see cref="MaxInteractiveInARow"/> interactive grants a waiting bulk writer gets its turn, so
/// issue never starves.
/// </summary>
public sealed class WriteGate
{
    private const int MaxInteractiveInARow = 4;
    private static readonly ConcurrentDictionary<string, WriteGate> Gates = new();

    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _interactive = new();
    private readonly Queue<TaskCompletionSource> _bulk = new();
    private bool _held;
    private int _interactiveInARow;

    public static WriteGate For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new WriteGate());

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
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (priority == WritePriority.Interactive ? _interactive : _bulk).Enqueue(waiter);
        }
        if (ct.CanBeCanceled)
            ct.Register(() => waiter.TrySetCanceled(ct));
        return waiter.Task;
    }

    public void Release()
    {
        lock (_lock)
        {
            while (true)
            {
                var bulkTurn = _bulk.Count > 0 && (_interactive.Count == 0 || _interactiveInARow >= MaxInteractiveInARow);
                var queue = bulkTurn ? _bulk : _interactive;
                if (!queue.TryDequeue(out var next))
                {
                    _held = false;
                    return;
                }
                // A waiter whose request was cancelled is skipped; the gate passes to the next one.
                if (next.TrySetResult())
                {
                    _interactiveInARow = bulkTurn ? 0 : _interactiveInARow + 1;
                    return;
                }
            }
        }
    }
}
