using ServiceHall.Core.Data;

namespace ServiceHall.UnitTests.Data;

public class WriteGateTests
{
    private static WriteGate NewGate() => WriteGate.For($"Data Source={Guid.NewGuid():N}.db");

    [Fact]
    public async Task Release_CallWaitingBehindOthers_CallGoesFirst()
    {
        var gate = NewGate();
        await gate.EnterAsync(WritePriority.Bulk, CancellationToken.None);
        var bulk = gate.EnterAsync(WritePriority.Bulk, CancellationToken.None);
        var interactive = gate.EnterAsync(WritePriority.Interactive, CancellationToken.None);
        var call = gate.EnterAsync(WritePriority.Call, CancellationToken.None);

        gate.Release();
        await call.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(bulk.IsCompleted);
        Assert.False(interactive.IsCompleted);
    }

    [Fact]
    public async Task Release_CallWaiting_GoesOnOnTheReleasingThreadBeforeReleaseReturns()
    {
        var gate = NewGate();
        await gate.EnterAsync(WritePriority.Bulk, CancellationToken.None);
        var ranOn = 0;
        var call = CallAsync();

        // Released as a request's thread releases it: a pool thread without a synchronization context.
        var (releasedOn, ranBeforeReleaseReturned) = await Task.Run(() =>
        {
            gate.Release();
            return (Environment.CurrentManagedThreadId, ranOn);
        });

        Assert.Equal(releasedOn, ranBeforeReleaseReturned);
        await call;

        async Task CallAsync()
        {
            // No captured context: as in a request, the continuation is free to run where the gate is handed over.
            await gate.EnterAsync(WritePriority.Call, CancellationToken.None).ConfigureAwait(false);
            ranOn = Environment.CurrentManagedThreadId;
            gate.Release();
        }
    }

    [Fact]
    public async Task Release_InteractiveAndBulkWaiting_TakeTurnsOneForOne()
    {
        var gate = NewGate();
        await gate.EnterAsync(WritePriority.Interactive, CancellationToken.None);
        var interactive = Enumerable.Range(0, 3).Select(_ => gate.EnterAsync(WritePriority.Interactive, CancellationToken.None)).ToList();
        var bulk = Enumerable.Range(0, 3).Select(_ => gate.EnterAsync(WritePriority.Bulk, CancellationToken.None)).ToList();

        var order = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            gate.Release();
            var granted = await Task.WhenAny(interactive.Concat(bulk).Where(t => !order.Contains(Name(t))))
                .WaitAsync(TimeSpan.FromSeconds(5));
            order.Add(Name(granted));
        }
        Assert.Equal(["i0", "b0", "i1", "b1", "i2", "b2"], order);

        string Name(Task t) => interactive.IndexOf(t) is var n and >= 0 ? $"i{n}" : $"b{bulk.IndexOf(t)}";
    }

    [Fact]
    public async Task Release_ManyCalls_OthersGetATurnAfterFour()
    {
        var gate = NewGate();
        await gate.EnterAsync(WritePriority.Call, CancellationToken.None);
        var bulk = gate.EnterAsync(WritePriority.Bulk, CancellationToken.None);
        var calls = Enumerable.Range(0, 6).Select(_ => gate.EnterAsync(WritePriority.Call, CancellationToken.None)).ToList();

        for (var i = 0; i < 4; i++)
        {
            gate.Release();
            await calls[i].WaitAsync(TimeSpan.FromSeconds(5));
        }
        Assert.False(bulk.IsCompleted);
        gate.Release();
        await bulk.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(calls[4].IsCompleted);
        gate.Release();
        await calls[4].WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Enter_GateHeld_BlocksUntilReleased()
    {
        var gate = NewGate();
        await gate.EnterAsync(WritePriority.Interactive, CancellationToken.None);
        var entered = new TaskCompletionSource();
        var thread = new Thread(() =>
        {
            gate.Enter(WritePriority.Bulk, CancellationToken.None);
            entered.SetResult();
        });
        thread.Start();

        await Task.Delay(100);
        Assert.False(entered.Task.IsCompleted);
        gate.Release();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Release_WaiterCancelled_PassesToTheNext()
    {
        var gate = NewGate();
        await gate.EnterAsync(WritePriority.Interactive, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(WritePriority.Interactive, cancel.Token);
        var next = gate.EnterAsync(WritePriority.Interactive, CancellationToken.None);
        await cancel.CancelAsync();

        gate.Release();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await next.WaitAsync(TimeSpan.FromSeconds(5));
        gate.Release();
        await gate.EnterAsync(WritePriority.Bulk, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
