using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Statistics;

/// <param name="Kind">Only alerts of this kind, or all.</param>
/// <param name="ServiceItemId">Only alerts about this item, or all.</param>
/// <param name="CounterId">Only alerts about this counter, or all.</param>
public sealed record AlertHistoryFilter(AlertKind? Kind = null, Guid? ServiceItemId = null, Guid? CounterId = null);

/// <summary>
/// One past or open alert: what it was about, the measure and threshold when raised, when it started and ended and
/// how many minutes it lasted (null while open), who took it on and when. <paramref name="SubjectId"/> is the case, inquiry, follow-up or
/// complaint of a deadline alert.
/// </summary>
/// <param name="AcknowledgedBy">The supervisor who took it on, with their badge; null while nobody has.</param>
public sealed record AlertHistoryRow(Guid Id, AlertKind Kind, Guid? ServiceItemId, string? ServiceItemName, Guid? CounterId, int? CounterNumber,
    Guid? SubjectId, int Value, int Threshold, DateTime RaisedAt, DateTime? ClearedAt, double? DurationMinutes, DateTime? AcknowledgedAt,
    string? AcknowledgedBy);

/// <summary>The alerts of a period, newest first; <paramref name="Truncated"/> when more were raised than are listed.</summary>
public sealed record AlertHistory(Guid HallId, string TimeZoneId, DateOnly From, DateOnly To, int Total, bool Truncated,
    List<AlertHistoryRow> Alerts);

/// <summary>
/// Alert history (Q5, Q6, M5, M6, S1, S2): the alerts raised in a period of the hall's days with filters by kind, item
/// and counter. An alert ends when its condition ends (a counter opened, a case finished…): the scan clears it.
/// </summary>
public sealed class GetAlertHistory(HallDbContext db)
{
    /// <summary>A page lists this many; the export streams them all.</summary>
    public const int PageSize = 1000;

    public async Task<AlertHistory> HandleAsync(Guid hallId, Guid readerId, DateOnly? from, DateOnly? to, AlertHistoryFilter filter,
        CancellationToken ct)
    {
        var (period, clock, query) = await QueryAsync(hallId, readerId, from, to, filter, ct);
        var total = await query.CountAsync(ct);
        var rows = await ReadAsync(hallId, query.OrderByDescending(a => a.RaisedAt).Take(PageSize), ct);
        return new AlertHistory(hallId, clock.TimeZoneId, period.From, period.To, total, total > rows.Count, rows);
    }

    /// <summary>
    /// Every alert of the period, newest first, read in pages so that memory does not grow with them (for the export).
    /// The period and the reader are checked before the first row, so a refusal is still an answer of its own.
    /// </summary>
    public async Task<(AlertHistory Header, IAsyncEnumerable<AlertHistoryRow> Rows)> ExportAsync(Guid hallId, Guid readerId, DateOnly? from,
        DateOnly? to, AlertHistoryFilter filter, CancellationToken ct)
    {
        var (period, clock, query) = await QueryAsync(hallId, readerId, from, to, filter, ct);
        var header = new AlertHistory(hallId, clock.TimeZoneId, period.From, period.To, 0, false, []);
        return (header, PagesAsync(hallId, query.OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Id), ct));
    }

    private async IAsyncEnumerable<AlertHistoryRow> PagesAsync(Guid hallId, IQueryable<Alert> ordered,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await ReadAsync(hallId, ordered.Skip(skip).Take(PageSize), ct);
            foreach (var row in page)
                yield return row;
            if (page.Count < PageSize)
                yield break;
        }
    }

    private async Task<(StatisticsPeriod Period, HallClock Clock, IQueryable<Alert> Query)> QueryAsync(Guid hallId, Guid readerId, DateOnly? from,
        DateOnly? to, AlertHistoryFilter filter, CancellationToken ct)
    {
        var period = StatisticsPeriod.Of(from, to);
        if (filter.Kind is { } k && !Enum.IsDefined(k))
            throw DomainException.Invalid("kind", ErrorCodes.BadRequest);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        var start = period.StartUtc(clock);
        var end = period.EndUtc(clock);
        var query = db.Alerts.AsNoTracking().Where(a => a.HallId == hallId && a.RaisedAt >= start && a.RaisedAt < end);
        if (filter.Kind is { } kind)
            query = query.Where(a => a.Kind == kind);
        if (filter.ServiceItemId is { } item)
            query = query.Where(a => a.ServiceItemId == item);
        if (filter.CounterId is { } counter)
            query = query.Where(a => a.CounterId == counter);
        return (period, clock, query);
    }

    private async Task<List<AlertHistoryRow>> ReadAsync(Guid hallId, IQueryable<Alert> query, CancellationToken ct)
    {
        var alerts = await query.ToListAsync(ct);
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId).ToDictionaryAsync(i => i.Id, i => LocalNames.Of(i.Name, i.NameEn), ct);
        var counters = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var handlers = await AlertHandlers.NamesAsync(db, alerts.Select(a => a.AcknowledgedByUserId), ct);
        return alerts.Select(a => new AlertHistoryRow(a.Id, a.Kind, a.ServiceItemId, a.ServiceItemId is { } i ? items.GetValueOrDefault(i) : null,
                a.CounterId, a.CounterId is { } c && counters.TryGetValue(c, out var n) ? n : null, a.SubjectId, a.Value, a.Threshold,
                a.RaisedAt, a.ClearedAt, a.ClearedAt is { } end ? Math.Round((end - a.RaisedAt).TotalMinutes, 1) : null, a.AcknowledgedAt,
                a.AcknowledgedByUserId is { } by ? handlers.GetValueOrDefault(by) : null))
            .ToList();
    }
}
