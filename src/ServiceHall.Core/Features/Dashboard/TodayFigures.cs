using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Dashboard;

/// <summary>The times of one ticket of the day that today's figures (and the live staffing advice) are made of.</summary>
public sealed record TicketTimes(TicketChannel Channel, TicketStatus Status, DateTime IssuedAt, DateTime QueuedAt,
    DateTime? CalledAt, DateTime? StartedAt, DateTime? FinishedAt, Guid ServiceItemId = default, DateTime? ArrivedAt = null);

/// <summary>
/// Today's figures (S8): issued, served, and the average minutes of waiting and of service; expired are
/// the tickets never called before the day ended (未办理, Q7).
/// </summary>
public sealed record DayFigures(int Issued, int Served, int Waiting, int NoShows, double? AverageWaitMinutes,
    double? AverageServiceMinutes, int Expired = 0);

/// <summary>Tickets issued and served in one local hour of the day, e.g. 9 for 09:00–09:59.</summary>
public sealed record HourFigures(int Hour, int Issued, int Served);

/// <summary>
/// Today's figures as a pure rule over the day's tickets. A transfer creates a second ticket for the
/// same visit, so it is not counted as issued again, and its wait is not counted twice either; each
/// finished service counts as served. A visit's next step (挂号 → 缴费) is not issued again either — "issued"
/// counts visits — but its wait is its own, from when it joined the step's line (ADR-029).
/// </summary>
public static class TodayFiguresRule
{
    public static DayFigures Figures(IReadOnlyCollection<TicketTimes> tickets)
    {
        var walkIns = tickets.Where(t => IsVisit(t.Channel)).ToList();
        var waits = tickets.Where(t => t.Channel != TicketChannel.Transfer && t.CalledAt is not null)
            .Select(t => (t.CalledAt!.Value - (t.ArrivedAt ?? t.QueuedAt)).TotalMinutes).ToList();
        var services = tickets.Where(t => t is { Status: TicketStatus.Done, StartedAt: not null, FinishedAt: not null })
            .Select(t => (t.FinishedAt!.Value - t.StartedAt!.Value).TotalMinutes).ToList();
        return new DayFigures(
            walkIns.Count,
            tickets.Count(t => t.Status == TicketStatus.Done),
            tickets.Count(t => t.Status == TicketStatus.Waiting),
            tickets.Count(t => t.Status == TicketStatus.NoShow),
            Average(waits),
            Average(services),
            tickets.Count(t => t.Status == TicketStatus.Expired));
    }

    /// <summary>
    /// One row per hour from the hall's opening hour to its closing hour, widened to any hour that has
    /// tickets (a hall may serve past closing, Q7), so the chart's axis is the working day.
    /// </summary>
    public static List<HourFigures> PerHour(IReadOnlyCollection<TicketTimes> tickets, HallClock clock, TimeOnly opensAt, TimeOnly closesAt)
    {
        var issued = tickets.Where(t => IsVisit(t.Channel))
            .GroupBy(t => clock.LocalTime(t.IssuedAt).Hour).ToDictionary(g => g.Key, g => g.Count());
        var served = tickets.Where(t => t is { Status: TicketStatus.Done, FinishedAt: not null })
            .GroupBy(t => clock.LocalTime(t.FinishedAt!.Value).Hour).ToDictionary(g => g.Key, g => g.Count());
        var lastHour = closesAt == TimeOnly.MinValue ? 23 : (closesAt.Minute > 0 || closesAt.Second > 0 ? closesAt.Hour : closesAt.Hour - 1);
        var first = issued.Keys.Concat(served.Keys).Append(opensAt.Hour).Min();
        var last = issued.Keys.Concat(served.Keys).Append(Math.Max(opensAt.Hour, lastHour)).Max();
        return Enumerable.Range(first, last - first + 1)
            .Select(h => new HourFigures(h, issued.GetValueOrDefault(h), served.GetValueOrDefault(h)))
            .ToList();
    }

    /// <summary>A ticket that began a visit: not a transfer's or a next step's, which keep a number given before.</summary>
    public static bool IsVisit(TicketChannel channel) => channel is not (TicketChannel.Transfer or TicketChannel.NextStep);

    private static double? Average(List<double> minutes) =>
        minutes.Count == 0 ? null : Math.Round(minutes.Average(), 1);
}
