using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Web.Features.Counters;

/// <summary>
/// What the counter page (<c>/counter</c>) does, as calls to the Core use cases — the same ones the
/// REST API runs, so the rules and refusals (<see cref="Core.DomainException"/>) are the same. A Blazor
/// circuit lives for hours; each call gets its own DI scope and so its own short-lived DbContext.
/// </summary>
public sealed class CounterWorkstation(IServiceScopeFactory scopes)
{
    /// <summary>How many waiting tickets the page lists; the count covers them all.</summary>
    public const int ListedWaiting = 50;

    public Task<List<CounterDesk>> DesksAsync(Guid userId, CancellationToken ct) =>
        RunAsync<GetCounterDesks, List<CounterDesk>>(u => u.HandleAsync(userId, ct));

    public Task<List<CounterStatusView>> CountersAsync(Guid hallId, CancellationToken ct) =>
        RunAsync<ListCounters, List<CounterStatusView>>(u => u.HandleAsync(hallId, ct));

    public Task<List<ServiceItemView>> ServiceItemsAsync(Guid hallId, CancellationToken ct) =>
        RunAsync<ListServiceItems, List<ServiceItemView>>(u => u.HandleAsync(hallId, ct));

    public Task<CounterQueue> QueueAsync(Guid counterId, CancellationToken ct) =>
        RunAsync<ListCounterQueue, CounterQueue>(u => u.HandleAsync(counterId, ListedWaiting, ct));

    public Task<List<StaffMemberView>> SubstitutesAsync(Guid hallId, Guid userId, CancellationToken ct) =>
        RunAsync<ListSubstitutes, List<StaffMemberView>>(u => u.HandleAsync(hallId, userId, ct));

    public Task<CounterStatusView> OpenAsync(Guid counterId, Guid userId, CancellationToken ct) =>
        RunAsync<OpenCounter, CounterStatusView>(u => u.HandleAsync(counterId, userId, ct));

    public Task<CounterStatusView> CloseAsync(Guid counterId, Guid userId, CancellationToken ct) =>
        RunAsync<CloseCounter, CounterStatusView>(u => u.HandleAsync(counterId, userId, ct));

    public Task<CounterStatusView> PauseAsync(Guid counterId, Guid userId, PauseCounterRequest request, CancellationToken ct) =>
        RunAsync<PauseCounter, CounterStatusView>(u => u.HandleAsync(counterId, userId, request, ct));

    public Task<CounterStatusView> ResumeAsync(Guid counterId, Guid userId, CancellationToken ct) =>
        RunAsync<ResumeCounter, CounterStatusView>(u => u.HandleAsync(counterId, userId, ct));

    /// <summary>Null when nobody waits for this counter.</summary>
    public Task<TicketView?> CallNextAsync(Guid counterId, Guid userId, CancellationToken ct) =>
        RunAsync<CallNextTicket, TicketView?>(u => u.HandleAsync(counterId, userId, ct));

    public Task<TicketView> CallAsync(Guid counterId, Guid userId, Guid ticketId, string reason, CancellationToken ct) =>
        RunAsync<CallTicket, TicketView>(u => u.HandleAsync(counterId, userId, ticketId, new CallTicketRequest(reason), ct));

    public Task<TicketView> RecallAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct) =>
        RunAsync<RecallTicket, TicketView>(u => u.HandleAsync(counterId, userId, ticketId, ct));

    public Task<TicketView> StartAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct) =>
        RunAsync<StartService, TicketView>(u => u.HandleAsync(counterId, userId, ticketId, ct));

    public Task<TicketView> FinishAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct) =>
        RunAsync<FinishService, TicketView>(u => u.HandleAsync(counterId, userId, ticketId, ct));

    /// <summary>The citizen leaves the visit here: finished without going on to the item's next step.</summary>
    public Task<TicketView> FinishWithoutNextStepAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct) =>
        RunAsync<FinishService, TicketView>(u => u.HandleAsync(counterId, userId, ticketId, withoutNextStep: true, ct));

    public Task<TicketView> MarkReadyAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct) =>
        RunAsync<Core.Features.Visits.MarkTicketReady, TicketView>(u => u.HandleAsync(counterId, userId, ticketId, ct));

    public Task<TicketView> NoShowAsync(Guid counterId, Guid userId, Guid ticketId, CancellationToken ct) =>
        RunAsync<MarkNoShow, TicketView>(u => u.HandleAsync(counterId, userId, ticketId, ct));

    public Task<TicketView> TransferAsync(Guid counterId, Guid userId, Guid ticketId, TransferTicketRequest request, CancellationToken ct) =>
        RunAsync<TransferTicket, TicketView>(u => u.HandleAsync(counterId, userId, ticketId, request, ct));

    private async Task<TResult> RunAsync<TUseCase, TResult>(Func<TUseCase, Task<TResult>> call) where TUseCase : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }
}
