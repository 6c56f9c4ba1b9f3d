using ServiceHall.Core.Data;

namespace ServiceHall.UnitTests.Data;

public class WriteGateTests
{
    private static WriteGate NewGate() => WriteGate.For($"Data Source={Guid.NewGuid():N}.db");

    [Fact]
    public async Task Release_InteractiveAndBulkWaiting_InteractiveGoesFirst()
    {
        var gate = NewGate();
        await gate.EnterAsync(WritePriority.Bulk, CancellationToken.None);
        var bulk = gate.EnterAsync(WritePriority.Bulk, CancellationToken.None);
        var interactive = gate.EnterAsync(WritePriority.Interactive, CancellationToken.None);

        gate.Release();
        await interactive.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(bulk.IsCompleted);
        gate.Release();
        await bulk.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Release_ManyInteractive_BulkGetsATurnAfterFour()
    {
        var gate = NewGate();
        await gate.EnterAsync(WritePriority.Interactive, CancellationToken.None);
        var bulk = gate.EnterAsync(WritePriority.Bulk, CancellationToken.None);
        var interactive = Enumerable.Range(0, 6).Select(_ => gate.EnterAsync(WritePriority.Interactive, CancellationToken.None)).ToList();

        for (var i = 0; i < 4; i++)
        {
            gate.Release();
            await interactive[i].WaitAsync(TimeSpan.FromSeconds(5));
        }
        Assert.False(bulk.IsCompleted);
        gate.Release();
        await bulk.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(interactive[4].IsCompleted);
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
