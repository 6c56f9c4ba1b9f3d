using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Standards;

/// <summary>A new card, as the responsible person's open page needs it to know it is theirs.</summary>
public sealed record StandardCardIssued(Guid CardId, Guid HallId, StandardRule Rule, CardColour Colour, StandardScope Unit, Guid UnitId,
    Guid? StaffUserId, DateOnly Day);

/// <summary>Tells the pages of a hall about new cards, after the commit (the web layer's hall event feed).</summary>
public interface IStandardCardNotifier
{
    Task CardsIssuedAsync(IReadOnlyList<StandardCardIssued> cards);
}

/// <summary>
/// Issues the cards the last days' records call for (<see cref="CardRules"/>), each breach once: the breaches
/// already carded are skipped (an open yellow one whose day turned red becomes red), and the unique index on rule,
/// unit and day refuses a card another node's scan wrote first. Run by the background scan one node holds at a time.
/// </summary>
public sealed class ScanStandardCards(HallDbContext db, TimeProvider time, ReadStandardFacts read, IStandardCardNotifier notifier)
{
    /// <summary>Today and the two days before: a share is judged the day after, a deadline the day after it passed.</summary>
    public const int DaysBack = 2;

    public async Task<int> HandleAsync(Guid hallId, CancellationToken ct)
    {
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
            return 0;
        var rules = await HallStandards.LoadAsync(db, hallId, ct);
        if (rules.All(r => r.Card == CardPolicy.None))
            return 0;
        var now = time.GetUtcNow().UtcDateTime;
        var today = new HallClock(hall.TimeZoneId).BusinessDay(now);
        var from = today.AddDays(-DaysBack);
        var facts = await read.HandleAsync(hall, rules, from, today.AddDays(1), now, withRecords: true, ct);
        var breaches = CardRules.Breaches(hallId, rules, facts, today).ToList();
        if (breaches.Count == 0)
            return 0;
        var carded = (await db.StandardCards.AsNoTracking().Where(c => c.HallId == hallId && c.Day >= from)
                .Select(c => new { c.Id, c.Rule, c.Unit, c.UnitId, c.Day, c.Colour, c.Status }).ToListAsync(ct))
            .ToDictionary(c => (c.Rule, c.Unit, c.UnitId, c.Day));
        var cards = breaches.Where(b => !carded.ContainsKey((b.Rule, b.Unit, b.UnitId, b.Day))).Select(b => new StandardCard
        {
            Id = Guid.CreateVersion7(now), HallId = hallId, Rule = b.Rule, Colour = b.Colour, Unit = b.Unit, UnitId = b.UnitId,
            DepartmentId = b.DepartmentId, CounterId = b.CounterId, StaffUserId = b.StaffUserId, Day = b.Day, Figure = b.Figure,
            Threshold = b.Threshold, Records = JoinRecords(b.Records), IssuedAt = now, Status = CardStatus.Open,
        }).ToList();
        // A day that got worse while its 预警 card is still open turns the card into 督办, with the new facts.
        var escalated = breaches.Where(b => b.Colour == CardColour.Red && carded.TryGetValue((b.Rule, b.Unit, b.UnitId, b.Day), out var c)
                && c.Colour == CardColour.Yellow && c.Status == CardStatus.Open)
            .Select(b => (Card: carded[(b.Rule, b.Unit, b.UnitId, b.Day)].Id, Breach: b)).ToList();
        if (cards.Count == 0 && escalated.Count == 0)
            return 0;
        db.StandardCards.AddRange(cards);
        var raised = new List<StandardCardIssued>();
        await using (var write = await db.BeginWriteAsync(WritePriority.Bulk, ct))
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node's scan carded the same breach first; its scan tells the pages.
                return 0;
            }
            foreach (var (id, b) in escalated)
            {
                var records = JoinRecords(b.Records);
                if (await db.StandardCards.Where(c => c.Id == id && c.Colour == CardColour.Yellow && c.Status == CardStatus.Open)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.Colour, CardColour.Red).SetProperty(c => c.Figure, b.Figure)
                            .SetProperty(c => c.Threshold, b.Threshold).SetProperty(c => c.Records, records), ct) == 1)
                    raised.Add(new StandardCardIssued(id, hallId, b.Rule, CardColour.Red, b.Unit, b.UnitId, b.StaffUserId, b.Day));
            }
            await write.CommitAsync(ct);
        }
        raised.AddRange(cards.Select(c => new StandardCardIssued(c.Id, c.HallId, c.Rule, c.Colour, c.Unit, c.UnitId, c.StaffUserId, c.Day)));
        await notifier.CardsIssuedAsync(raised);
        return raised.Count;
    }

    /// <summary>As many records as the column holds, whole.</summary>
    public static string JoinRecords(IEnumerable<string> records)
    {
        var kept = new List<string>();
        var length = 0;
        foreach (var record in records)
        {
            var text = record.Replace(StandardCard.RecordSeparator, ' ');
            if (length + text.Length + 1 > StandardCard.MaxRecordsLength)
                break;
            kept.Add(text);
            length += text.Length + 1;
        }
        return string.Join(StandardCard.RecordSeparator, kept);
    }
}
