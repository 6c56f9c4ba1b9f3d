using ServiceHall.Core.Features.Tallies;

namespace ServiceHall.UnitTests.Features.Tallies;

public class DecidedDaysTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData("2026-12-06", false, 0, true)]
    [InlineData("2026-12-06", true, 0, true)]
    [InlineData("2026-12-06", false, 1, false)]
    [InlineData("2026-12-07", false, 0, false)]
    [InlineData("2026-12-07", true, 0, true)]
    [InlineData("2026-12-07", true, 2, false)]
    [InlineData("2026-12-08", true, 0, false)]
    public void IsDecided_OverOrClosedWithNoTicketOpen(string day, bool closed, int openTickets, bool decided) =>
        Assert.Equal(decided, DecidedDays.IsDecided(DateOnly.Parse(day), Today, closed, openTickets));
}
