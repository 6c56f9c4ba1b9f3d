namespace ServiceHall.Core.Features.Staffing;

/// <summary>The question an integrator asks: how many counters for this load and this target.</summary>
public sealed record ErlangCRequest(double? ArrivalsPerHour, double? ServiceMinutes, double? TargetWaitMinutes, double? ServiceLevel);

/// <summary>The fewest counters meeting the service level, and the figures at that many.</summary>
public sealed record ErlangCAnswer(int Counters, double WaitingProbability, double ServiceLevel, double AverageWaitMinutes, double Occupancy);

/// <summary>
/// B1, public for integrators: Erlang C for one queue. Every parameter is required and must be a positive number
/// within what a hall can have (a load that would need more than <see cref="MaxLoadErlangs"/> counters is
/// refused, not searched); the service level lies strictly between 0 and 1.
/// </summary>
public sealed class ComputeErlangC
{
    public const double MaxArrivalsPerHour = 100_000;
    public const double MaxServiceMinutes = 480;
    public const double MaxTargetWaitMinutes = 480;
    /// <summary>Far beyond any hall (60 counters is a large one), and a search of a few milliseconds.</summary>
    public const double MaxLoadErlangs = 10_000;

    public ErlangCAnswer Handle(ErlangCRequest request)
    {
        var arrivals = Positive(request.ArrivalsPerHour, "arrivalsPerHour", MaxArrivalsPerHour);
        var service = Positive(request.ServiceMinutes, "serviceMinutes", MaxServiceMinutes);
        var target = Positive(request.TargetWaitMinutes, "targetWaitMinutes", MaxTargetWaitMinutes);
        var level = request.ServiceLevel is not { } l ? throw DomainException.Required("serviceLevel")
            : !(l > 0 && l < 1) ? throw DomainException.Invalid("serviceLevel", ErrorCodes.StrictlyBetween, "serviceLevel", 0, 1)
            : l;
        if (ErlangC.Load(arrivals, service) > MaxLoadErlangs)
            throw DomainException.Invalid("arrivalsPerHour", ErrorCodes.LoadTooLarge, MaxLoadErlangs);
        var f = ErlangC.Fewest(arrivals, service, target, level);
        return new ErlangCAnswer(f.Counters, Math.Round(f.WaitingProbability, 4), Math.Round(f.ServiceLevel, 4),
            Math.Round(f.AverageWaitMinutes, 2), Math.Round(f.Occupancy, 4));
    }

    // NaN and infinity fail the comparison too: "NaN" parses as a number.
    private static double Positive(double? value, string field, double max) =>
        value is not { } v ? throw DomainException.Required(field)
        : !(v > 0 && v <= max) ? throw DomainException.Invalid(field, ErrorCodes.AboveZeroUpTo, field, max)
        : v;
}
