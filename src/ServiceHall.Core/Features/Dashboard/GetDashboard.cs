using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Staffing;

namespace ServiceHall.Core.Features.Dashboard;

/// <summary>An item's queue with its colour and how many open counters serve it now; over a threshold, how many more it needs (B1).</summary>
public sealed record DashboardItem(ItemQueueView Queue, QueueColour Colour, int OpenCounters, StaffingAdvice? Advice = null);

/// <summary>An open alert with what it is about, so the dashboard can link to the item row or the counter.</summary>
/// <param name="AcknowledgedByName">The supervisor who took it on, with their badge.</param>
public sealed record DashboardAlert(AlertView Alert, string? ServiceItemName, string? ServiceItemPrefix, int? CounterNumber,
    string? AcknowledgedByName = null);

/// <summary>Everything the supervisor watches in one read (S8).</summary>
public sealed record DashboardView(
    Guid HallId,
    string HallName,
    string TimeZoneId,
    DateTime At,
    DateOnly BusinessDay,
    List<DashboardItem> Items,
    List<CounterStatusView> Counters,
    List<DashboardAlert> Alerts,
    DayFigures Today,
    List<HourFigures> PerHour);

/// <summary>
/// S8 live supervision: queues with their colour, counters, open alerts with their cause, today's
/// figures and tickets per hour. Queues, counters and alerts are the same reads the screens use.
/// </summary>
public sealed class GetDashboard(HallDbContext db, GetQueueOverview overview, ListCounters counters)
{
    public async Task<DashboardView> HandleAsync(Guid hallId, CancellationToken ct)
    {
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var queue = await overview.HandleAsync(hallId, ct);
        // The overview is the screens' shared read (in Chinese); the supervisor reads the items in the page's language.
        var itemNames = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId)
            .ToDictionaryAsync(i => i.Id, i => LocalNames.Of(i.Name, i.NameEn), ct);
        var counterViews = await counters.HandleAsync(hallId, ct);

        var clock = new HallClock(hall.TimeZoneId);
        var today = clock.BusinessDay(queue.At);
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.HallId == hallId && t.BusinessDay == today)
            .Select(t => new TicketTimes(t.Channel, t.Status, t.IssuedAt, t.QueuedAt, t.CalledAt, t.StartedAt, t.FinishedAt, t.ServiceItemId,
                t.ArrivedAt))
            .ToListAsync(ct);

        var items = queue.Items.Select(i => new DashboardItem(i with { Name = itemNames.GetValueOrDefault(i.ServiceItemId, i.Name) },
            QueueColours.For(i.Waiting, i.OldestWaitMinutes, i.MaxWaiting, i.MaxWaitMinutes),
            counterViews.Count(c => c.State != CounterState.Closed && c.ServiceItemIds.Contains(i.ServiceItemId)))).ToList();
        var alerts = await DescribeAsync(queue.Alerts, ct);
        // Q5's suggestion becomes a number where a queue is over its threshold.
        var advice = await LiveStaffing.AdviseAsync(db, hallId, tickets, queue.At,
            items.Where(i => i.Colour == QueueColour.Red).ToDictionary(i => i.Queue.ServiceItemId, i => (i.Queue.Waiting, i.OpenCounters)), ct);
        items = items.Select(i => advice.TryGetValue(i.Queue.ServiceItemId, out var a) ? i with { Advice = a } : i).ToList();

        return new DashboardView(hallId, LocalNames.Of(hall.Name, hall.NameEn), hall.TimeZoneId, queue.At, today, items, counterViews, alerts,
            TodayFiguresRule.Figures(tickets), TodayFiguresRule.PerHour(tickets, clock, hall.OpensAt, hall.ClosesAt));
    }

    private async Task<List<DashboardAlert>> DescribeAsync(List<AlertView> alerts, CancellationToken ct)
    {
        // An alert may name an item that has since been deactivated: read names of all that are named.
        var itemIds = alerts.Where(a => a.ServiceItemId is not null).Select(a => a.ServiceItemId!.Value).Distinct().ToList();
        var items = await db.ServiceItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => new { Name = LocalNames.Of(i.Name, i.NameEn), i.Prefix }, ct);
        var counterIds = alerts.Where(a => a.CounterId is not null).Select(a => a.CounterId!.Value).Distinct().ToList();
        var numbers = await db.Counters.AsNoTracking().Where(c => counterIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var names = await AlertHandlers.NamesAsync(db, alerts.Select(a => a.AcknowledgedByUserId), ct);
        return alerts.Select(a =>
        {
            var item = a.ServiceItemId is { } itemId ? items.GetValueOrDefault(itemId) : null;
            int? number = a.CounterId is { } counterId && numbers.TryGetValue(counterId, out var n) ? n : null;
            return new DashboardAlert(a, item?.Name, item?.Prefix, number, a.AcknowledgedByUserId is { } by ? names.GetValueOrDefault(by) : null);
        }).ToList();
    }
}
