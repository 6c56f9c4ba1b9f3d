using System.Globalization;
using ServiceHall.Core.Features.Ratings;

namespace ServiceHall.Core.Features.Statistics;

/// <summary>The hall's 好差评 figures of one calendar month (<c>2026-11</c>) of the period, the month cut to the period.</summary>
public sealed record SatisfactionMonth(string Month, DateOnly From, DateOnly To, SatisfactionFigure Figure);

/// <summary>
/// 好评率, 主动评价好评率, 未评率, 差评回复率, 回访整改率 and 回访整改满意率 (S1) month by month: the same figures as
/// <see cref="GetSatisfactionFigures"/>, for the hall, from one read of the period's days summed per month.
/// </summary>
public sealed class GetSatisfactionByMonth(GetSatisfactionFigures figures)
{
    public async Task<List<SatisfactionMonth>> HandleAsync(Guid hallId, Guid readerId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var period = StatisticsPeriod.Of(from, to);
        var days = await figures.ReadDaysAsync(hallId, readerId, period.From, period.To, FigureGrouping.Hall, ct);
        // A month without a rating or a finished service sums nothing: its figures are all empty.
        return period.Months()
            .Select(month => new SatisfactionMonth(month.From.ToString("yyyy-MM", CultureInfo.InvariantCulture), month.From, month.To,
                SatisfactionTally.Sum(days.Where(d => d.Day >= month.From && d.Day <= month.To).Select(d => d.Tally)).Figure(hallId, "")))
            .ToList();
    }
}
