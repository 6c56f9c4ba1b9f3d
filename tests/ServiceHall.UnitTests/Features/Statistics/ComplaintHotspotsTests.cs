using ServiceHall.Core.Features.Complaints;
using ServiceHall.Core.Features.Statistics;

namespace ServiceHall.UnitTests.Features.Statistics;

public class ComplaintHotspotsTests
{
    private static readonly Guid Clerk = Guid.NewGuid();
    private static readonly Guid Item = Guid.NewGuid();

    private static ComplaintFacts Facts(ComplaintCategory category, Guid? staff = null, Guid? item = null,
        ComplaintChannel channel = ComplaintChannel.Phone) =>
        new(channel, category, staff is null ? item is null ? ComplaintSubject.Hall : ComplaintSubject.ServiceItem : ComplaintSubject.Staff,
            null, null, staff, item);

    [Theory]
    [InlineData(3, 0, Trend.New)]
    [InlineData(3, 1, Trend.Rising)]
    [InlineData(2, 2, Trend.Steady)]
    [InlineData(1, 4, Trend.Falling)]
    [InlineData(0, 2, Trend.Falling)]
    public void TrendOf_AgainstThePeriodBefore(int count, int previous, Trend expected) =>
        Assert.Equal(expected, ComplaintHotspots.TrendOf(count, previous));

    [Fact]
    public void Count_KeysOfBothPeriods_MostFirst_NamelessLeftOut()
    {
        ComplaintFacts[] now = [Facts(ComplaintCategory.Attitude, Clerk), Facts(ComplaintCategory.Attitude, Clerk), Facts(ComplaintCategory.Efficiency)];
        ComplaintFacts[] before = [Facts(ComplaintCategory.Facilities), Facts(ComplaintCategory.Attitude)];

        var byCategory = ComplaintHotspots.Count(now, before, ComplaintDimension.Category, _ => null);
        Assert.Equal(["attitude", "efficiency", "facilities"], byCategory.Select(c => c.Key));
        Assert.Equal([(2, 1), (1, 0), (0, 1)], byCategory.Select(c => (c.Count, c.Previous)));

        var byStaff = ComplaintHotspots.Count(now, before, ComplaintDimension.Staff, key => key == Clerk.ToString() ? "王晓明" : null);
        var clerk = Assert.Single(byStaff);
        Assert.Equal(("王晓明", 2, Trend.New), (clerk.Name, clerk.Count, clerk.Trend));
    }

    [Fact]
    public void Hotspots_RecurringOnly_OtherAndIntakeLeftOut_RisingFirstAmongEquals()
    {
        ComplaintFacts[] now =
        [
            Facts(ComplaintCategory.Other), Facts(ComplaintCategory.Other), Facts(ComplaintCategory.Other),
            Facts(ComplaintCategory.Efficiency, item: Item), Facts(ComplaintCategory.Efficiency, item: Item),
            Facts(ComplaintCategory.Attitude, Clerk), Facts(ComplaintCategory.Discipline, Clerk),
            Facts(ComplaintCategory.Integrity),
        ];
        ComplaintFacts[] before = [Facts(ComplaintCategory.Efficiency, item: Item), Facts(ComplaintCategory.Efficiency, item: Item), Facts(ComplaintCategory.Attitude, Clerk)];
        var counts = new[] { ComplaintDimension.Channel, ComplaintDimension.Category, ComplaintDimension.Item, ComplaintDimension.Staff }
            .SelectMany(d => ComplaintHotspots.Count(now, before, d, _ => null));

        var hotspots = ComplaintHotspots.Hotspots(counts);

        // The clerk named twice (once before) rises; efficiency and its item stay; "other" and the phone channel are no 热点; once is no 热点.
        Assert.Equal([(ComplaintDimension.Staff, Clerk.ToString()), (ComplaintDimension.Category, "efficiency"), (ComplaintDimension.Item, Item.ToString())],
            hotspots.Select(h => (h.Dimension, h.Key)));
        Assert.Equal(Trend.Rising, hotspots[0].Trend);
    }

    [Fact]
    public void Hotspots_AtMostTen()
    {
        var many = Enumerable.Range(0, 15).Select(_ => Guid.NewGuid())
            .SelectMany(id => new[] { Facts(ComplaintCategory.Attitude, id), Facts(ComplaintCategory.Attitude, id) }).ToList();
        var counts = ComplaintHotspots.Count(many, [], ComplaintDimension.Staff, _ => null);
        Assert.Equal(ComplaintHotspots.MaxHotspots, ComplaintHotspots.Hotspots(counts).Count);
    }
}
