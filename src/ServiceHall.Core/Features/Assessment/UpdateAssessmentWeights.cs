using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Assessment;

public sealed record AssessmentWeightRequest(AssessmentIndicator Indicator, int Weight);

public sealed record AssessmentWeightsRequest(List<AssessmentWeightRequest>? Weights);

/// <summary>
/// Supervisors and administrators of the hall set the indicators' weights (0 leaves an indicator out); all of a request
/// is checked before anything is written, and the change is kept in the audit trail with the old and new weights.
/// Open months are computed with the new weights at once; closed months keep theirs.
/// </summary>
public sealed class UpdateAssessmentWeights(HallDbContext db, TimeProvider time)
{
    public async Task<List<IndicatorWeight>> GetAsync(Guid hallId, Guid readerId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        return await GetAssessment.WeightsAsync(db, hallId, ct);
    }

    public async Task<List<IndicatorWeight>> HandleAsync(Guid hallId, Guid userId, AssessmentWeightsRequest request, CancellationToken ct)
    {
        var weights = request.Weights ?? throw DomainException.Required("weights");
        if (weights.Count == 0)
            throw DomainException.Required("weights");
        if (weights.Select(w => w.Indicator).Distinct().Count() != weights.Count || weights.Any(w => !Enum.IsDefined(w.Indicator)))
            throw DomainException.Invalid("weights", ErrorCodes.BadRequest);
        if (weights.FirstOrDefault(w => w.Weight is < 0 or > AssessmentRules.MaxWeight) is not null)
            throw DomainException.Invalid("weight", ErrorCodes.OutOfRange, "weight", 0, AssessmentRules.MaxWeight);
        await HallAccess.EnsureAsync(db, hallId, userId, ct);
        var before = await GetAssessment.WeightsAsync(db, hallId, ct);
        var after = before.Select(b => weights.FirstOrDefault(w => w.Indicator == b.Indicator) is { } w ? b with { Weight = w.Weight } : b).ToList();
        if (after.All(w => w.Weight == 0))
            throw DomainException.Invalid("weights", AssessmentErrors.NoWeight);

        var now = time.GetUtcNow().UtcDateTime;
        var today = await AssessmentMonths.TodayAsync(db, time, hallId, ct);
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var own = await db.AssessmentWeights.Where(w => w.HallId == hallId).ToDictionaryAsync(w => w.Indicator, ct);
            foreach (var w in weights)
            {
                if (!own.TryGetValue(w.Indicator, out var row))
                    db.AssessmentWeights.Add(row = new AssessmentWeight { HallId = hallId, Indicator = w.Indicator });
                row.Weight = w.Weight;
                row.UpdatedAt = now;
                row.UpdatedByUserId = userId;
            }
            var changes = before.Zip(after).Where(p => p.First.Weight != p.Second.Weight)
                .Select(p => $"{p.First.Indicator} {p.First.Weight}→{p.Second.Weight}").ToList();
            if (changes.Count > 0)
                db.AssessmentEvents.Add(new AssessmentEvent
                {
                    HallId = hallId, Action = AssessmentAction.WeightsChanged, Year = today.Year, Month = today.Month, UserId = userId, At = now,
                    Detail = Truncate(string.Join("; ", changes)),
                });
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        return await GetAssessment.WeightsAsync(db, hallId, ct);
    }

    internal static string Truncate(string detail) =>
        detail.Length <= AssessmentEvent.MaxDetailLength ? detail : detail[..AssessmentEvent.MaxDetailLength];
}
