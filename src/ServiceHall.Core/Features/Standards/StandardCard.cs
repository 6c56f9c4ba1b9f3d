using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Standards;

public enum CardStatus
{
    Open,
    /// <summary>Answered in writing (reason and measure) by the responsible person or a supervisor.</summary>
    Closed,
}

/// <summary>
/// A yellow (预警) or red (督办) card: a rule broken by a department, counter or staff member on one hall day,
/// with the facts — the rule, the figure, the threshold crossed and the records behind it. One card per
/// breach: per rule, unit and day. Closed only with a written response, kept with who and when.
/// </summary>
public class StandardCard
{
    public const int MaxRecordsLength = 2000;
    public const char RecordSeparator = '\n';

    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public StandardRule Rule { get; set; }
    public CardColour Colour { get; set; }
    /// <summary>Who the card is for: a department, a counter or a staff member (<see cref="UnitId"/>).</summary>
    public StandardScope Unit { get; set; }
    public Guid UnitId { get; set; }
    public Guid? DepartmentId { get; set; }
    public Guid? CounterId { get; set; }
    /// <summary>The staff member who answers it: the unit itself, or the one behind most of a counter's records.</summary>
    public Guid? StaffUserId { get; set; }
    /// <summary>The hall day of the breach.</summary>
    public DateOnly Day { get; set; }
    public double Figure { get; set; }
    public int Threshold { get; set; }
    /// <summary>The records behind it (ticket or case numbers, times), one a line.</summary>
    public string Records { get; set; } = "";
    public DateTime IssuedAt { get; set; }
    public CardStatus Status { get; set; }
    public string? ResponseReason { get; set; }
    public string? ResponseMeasure { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? ClosedByUserId { get; set; }
}

internal sealed class StandardCardConfiguration : IEntityTypeConfiguration<StandardCard>
{
    public void Configure(EntityTypeBuilder<StandardCard> builder)
    {
        builder.Property(c => c.Rule).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Colour).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Unit).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Records).HasMaxLength(StandardCard.MaxRecordsLength);
        builder.Property(c => c.ResponseReason).HasMaxLength(Reasons.MaxLength);
        builder.Property(c => c.ResponseMeasure).HasMaxLength(Reasons.MaxLength);
        // One card per breach, even when two nodes scan at once.
        builder.HasIndex(c => new { c.HallId, c.Rule, c.Unit, c.UnitId, c.Day }).IsUnique();
        builder.HasIndex(c => new { c.HallId, c.Day });
        builder.HasIndex(c => new { c.StaffUserId, c.Status });
        builder.HasOne<Hall>().WithMany().HasForeignKey(c => c.HallId);
    }
}

/// <summary>A breach a card should exist for.</summary>
public sealed record CardBreach(StandardRule Rule, StandardScope Unit, Guid UnitId, DateOnly Day, CardColour Colour, double Figure, int Threshold,
    Guid? DepartmentId, Guid? CounterId, Guid? StaffUserId, List<string> Records);

/// <summary>
/// Which cards the records call for (pure): per rule with a card, per responsible unit and day, the day's verdict;
/// a yellow or red one gives the card the hall's rule names. A share is judged once its day is over, a maximum,
/// a sum or a count at once (it can only grow).
/// </summary>
public static class CardRules
{
    public const int MaxRecords = 20;

    public static IEnumerable<CardBreach> Breaches(Guid hallId, IReadOnlyList<StandardRuleView> rules, IEnumerable<StandardFact> facts, DateOnly today)
    {
        var byRule = facts.ToLookup(f => f.Rule);
        foreach (var rule in rules.Where(r => r.Card != CardPolicy.None))
        {
            var info = StandardCatalog.Info(rule.Rule);
            var groups = byRule[rule.Rule]
                .Where(f => info.FinalDuringDay || f.Day < today)
                .GroupBy(f => (f.Day, Unit: f.Unit(info.Responsible, hallId)))
                .Where(g => g.Key.Unit is not null);
            foreach (var g in groups)
            {
                var list = g.ToList();
                var cell = StandardFigures.Cell(rule, g.Key.Unit!.Value, list);
                if (Verdicts.CardFor(cell.Verdict, rule.Card) is not { } colour)
                    continue;
                var breaking = list.Where(f => f.Breaks(rule.Measure, rule.Threshold)).ToList();
                yield return new CardBreach(rule.Rule, info.Responsible, g.Key.Unit.Value, g.Key.Day, colour, cell.Value ?? 0,
                    Verdicts.Crossed(cell.Verdict, rule.Threshold),
                    Only(breaking, f => f.DepartmentId), Only(breaking, f => f.CounterId), Most(breaking, f => f.StaffUserId),
                    [.. breaking.Select(f => f.Record).Distinct().Take(MaxRecords)]);
            }
        }
    }

    /// <summary>The one unit all the records name, if they name one.</summary>
    private static Guid? Only(List<StandardFact> facts, Func<StandardFact, Guid?> key)
    {
        var keys = facts.Select(key).Distinct().ToList();
        return keys.Count == 1 ? keys[0] : null;
    }

    /// <summary>The staff member behind most of the records (a counter staffed by turns).</summary>
    private static Guid? Most(List<StandardFact> facts, Func<StandardFact, Guid?> key) =>
        facts.Select(key).OfType<Guid>().GroupBy(x => x).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (Guid?)g.Key).FirstOrDefault();
}
