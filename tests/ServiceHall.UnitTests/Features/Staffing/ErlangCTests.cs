using ServiceHall.Core;
using ServiceHall.Core.Features.Staffing;

namespace ServiceHall.UnitTests.Features.Staffing;

/// <summary>Erlang C against published tables (10 Erlangs: 11–15 agents) and exact values, and its edges.</summary>
public class ErlangCTests
{
    [Theory]
    [InlineData(11, 0.6821)]
    [InlineData(12, 0.4494)]
    [InlineData(13, 0.2853)]
    [InlineData(14, 0.1741)]
    [InlineData(15, 0.1020)]
    public void WaitingProbability_TenErlangs_MatchesPublishedTable(int counters, double expected) =>
        Assert.Equal(expected, ErlangC.WaitingProbability(10, counters), 4);

    [Fact]
    public void WaitingProbability_TwoErlangsOnThree_IsFourNinths() =>
        Assert.Equal(4.0 / 9.0, ErlangC.WaitingProbability(2, 3), 12);

    [Fact]
    public void WaitingProbability_TwoHundredCounters_NoOverflowAndExact()
    {
        // 180^200 / 200! overflows a double; the exact value from rational arithmetic is 0.0944712181775908.
        Assert.Equal(0.0944712181775908, ErlangC.WaitingProbability(180, 200), 12);
        Assert.Equal(0.3652638565625464, ErlangC.WaitingProbability(190, 200), 12);
    }

    [Fact]
    public void ServiceLevelAndAverageWait_CallCentreExample_MatchTextbook()
    {
        // 200 arrivals an hour, 3 minutes each, 20 seconds' target: 14 counters call 88.8 % within it, 7.8 s on average.
        var f = ErlangC.At(arrivalsPerHour: 200, serviceMinutes: 3, targetWaitMinutes: 20 / 60.0, counters: 14);
        Assert.Equal(0.1741, f.WaitingProbability, 4);
        Assert.Equal(0.8884, f.ServiceLevel, 4);
        Assert.Equal(7.8, f.AverageWaitMinutes * 60, 1);
        Assert.Equal(10.0 / 14, f.Occupancy, 12);
    }

    [Fact]
    public void Fewest_EightyPercentInTwentySeconds_FourteenCounters()
    {
        var f = ErlangC.Fewest(arrivalsPerHour: 200, serviceMinutes: 3, targetWaitMinutes: 20 / 60.0, serviceLevel: 0.8);
        Assert.Equal(14, f.Counters);
        // 13 counters call only 79.6 %.
        Assert.True(ErlangC.ServiceLevel(10, 13, 3, 20 / 60.0) < 0.8);
    }

    [Theory]
    [InlineData(60, 5, 10, 0.8, 6)]
    [InlineData(60, 5, 5, 0.95, 7)]
    [InlineData(60, 5, 2, 0.9, 8)]
    [InlineData(30, 6, 2, 0.95, 6)]
    public void Fewest_HallLoads_FewestMeetingTheLevel(double arrivals, double service, double target, double level, int expected)
    {
        var f = ErlangC.Fewest(arrivals, service, target, level);
        Assert.Equal(expected, f.Counters);
        Assert.True(f.ServiceLevel >= level);
        var a = ErlangC.Load(arrivals, service);
        Assert.True(expected - 1 <= a || ErlangC.ServiceLevel(a, expected - 1, service, target) < level);
    }

    [Fact]
    public void Fewest_LowTargetOnHeavyLoad_NeverAnUnstableCount()
    {
        // A service level of 1 % would be "met" by a queue that grows without end: 5 counters for 5 Erlangs is no answer.
        var f = ErlangC.Fewest(arrivalsPerHour: 60, serviceMinutes: 5, targetWaitMinutes: 10, serviceLevel: 0.01);
        Assert.Equal(6, f.Counters);
        Assert.True(f.Occupancy < 1);
    }

    [Fact]
    public void Fewest_LargeHall_StaysExact()
    {
        // 180 Erlangs: 181 counters already call 87.7 % within 10 minutes of 5-minute services.
        var f = ErlangC.Fewest(arrivalsPerHour: 2160, serviceMinutes: 5, targetWaitMinutes: 10, serviceLevel: 0.8);
        Assert.Equal(181, f.Counters);
        Assert.Equal(0.8766, f.ServiceLevel, 4);
    }

    [Fact]
    public void Unstable_WaitsForeverAndCallsNobodyInTime()
    {
        Assert.Equal(1.0, ErlangC.WaitingProbability(5, 5));
        Assert.Equal(0.0, ErlangC.ServiceLevel(6, 5, 5, 10));
        Assert.True(double.IsPositiveInfinity(ErlangC.AverageWaitMinutes(5, 5, 5)));
    }

    [Fact]
    public void Fewest_NobodyArrives_NoCounter() =>
        Assert.Equal(0, ErlangC.Fewest(0, 5, 10, 0.8).Counters);

    [Fact]
    public void WaitingProbability_MoreCounters_NeverMore()
    {
        var previous = 1.0;
        for (var c = 11; c < 40; c++)
        {
            var p = ErlangC.WaitingProbability(10, c);
            Assert.True(p < previous);
            previous = p;
        }
    }

    [Theory]
    [InlineData(null, 5.0, 10.0, 0.8, "arrivalsPerHour", ErrorCodes.Required)]
    [InlineData(0.0, 5.0, 10.0, 0.8, "arrivalsPerHour", ErrorCodes.AboveZeroUpTo)]
    [InlineData(-3.0, 5.0, 10.0, 0.8, "arrivalsPerHour", ErrorCodes.AboveZeroUpTo)]
    [InlineData(double.NaN, 5.0, 10.0, 0.8, "arrivalsPerHour", ErrorCodes.AboveZeroUpTo)]
    [InlineData(1e9, 5.0, 10.0, 0.8, "arrivalsPerHour", ErrorCodes.AboveZeroUpTo)]
    [InlineData(60.0, 0.0, 10.0, 0.8, "serviceMinutes", ErrorCodes.AboveZeroUpTo)]
    [InlineData(60.0, 5.0, 0.0, 0.8, "targetWaitMinutes", ErrorCodes.AboveZeroUpTo)]
    [InlineData(60.0, 5.0, 10.0, 0.0, "serviceLevel", ErrorCodes.StrictlyBetween)]
    [InlineData(60.0, 5.0, 10.0, 1.0, "serviceLevel", ErrorCodes.StrictlyBetween)]
    [InlineData(60.0, 5.0, 10.0, null, "serviceLevel", ErrorCodes.Required)]
    [InlineData(100000.0, 480.0, 10.0, 0.8, "arrivalsPerHour", ErrorCodes.LoadTooLarge)]
    public void Compute_BadParameter_RefusedWithItsField(double? arrivals, double? service, double? target, double? level, string field, string code)
    {
        var refusal = Assert.Throws<DomainException>(() => new ComputeErlangC().Handle(new ErlangCRequest(arrivals, service, target, level)));
        Assert.Equal(ErrorKind.Validation, refusal.Kind);
        Assert.Equal(field, refusal.Field);
        Assert.Equal(code, refusal.Code);
    }

    [Fact]
    public void Compute_TenErlangsFourteenCounters_Answer()
    {
        var answer = new ComputeErlangC().Handle(new ErlangCRequest(200, 3, 20 / 60.0, 0.8));
        Assert.Equal(new ErlangCAnswer(14, 0.1741, 0.8884, 0.13, 0.7143), answer);
    }
}
