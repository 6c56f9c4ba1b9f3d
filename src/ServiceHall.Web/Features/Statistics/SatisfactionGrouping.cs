using ServiceHall.Core.Features.Ratings;

namespace ServiceHall.Web.Features.Statistics;

/// <summary>The 好差评 page's groupings: those of <see cref="FigureGrouping"/> (same values), and the hall month by month.</summary>
public enum SatisfactionGrouping
{
    Hall = FigureGrouping.Hall,
    Department = FigureGrouping.Department,
    Counter = FigureGrouping.Counter,
    Staff = FigureGrouping.Staff,
    Item = FigureGrouping.Item,
    Month = 100,
}
