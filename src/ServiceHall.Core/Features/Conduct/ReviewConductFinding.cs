using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Input;

namespace ServiceHall.Core.Features.Conduct;

public sealed record ReviewConductFindingRequest(bool Confirm, [Text(500, MultiLine = true)] string? Note);

/// <summary>A supervisor confirms a finding (it counts against the staff member) or dismisses it (the recogniser misheard). Once.</summary>
public sealed class ReviewConductFinding(HallDbContext db, TimeProvider time)
{
    public async Task<ConductFindingRecord> HandleAsync(Guid findingId, Guid reviewerId, ReviewConductFindingRequest request, CancellationToken ct)
    {
        if (request.Note?.Length > 500)
            throw DomainException.Invalid("note", ErrorCodes.TooLong, "note", 500);
        if (!request.Confirm && string.IsNullOrWhiteSpace(request.Note))
            throw DomainException.Required("note");
        await using var write = await db.BeginWriteAsync(ct);
        var finding = await db.ConductFindings.FirstOrDefaultAsync(f => f.Id == findingId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.ConductFindingNotFound);
        await HallAccess.EnsureAsync(db, finding.HallId, reviewerId, ct);
        if (finding.Status != FindingStatus.Open)
            throw DomainException.Conflict(ErrorCodes.ConductFindingReviewed);
        var now = time.GetUtcNow().UtcDateTime;
        finding.Status = request.Confirm ? FindingStatus.Confirmed : FindingStatus.Dismissed;
        finding.ReviewedByUserId = reviewerId;
        finding.ReviewedAt = now;
        finding.ReviewNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        // Only an open finding is changed, even when two supervisors review at once.
        var changed = await db.ConductFindings.Where(f => f.Id == findingId && f.Status == FindingStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, finding.Status)
                .SetProperty(f => f.ReviewedByUserId, reviewerId).SetProperty(f => f.ReviewedAt, now)
                .SetProperty(f => f.ReviewNote, finding.ReviewNote), ct);
        if (changed == 0)
            throw DomainException.Conflict(ErrorCodes.ConductFindingReviewed);
        await write.CommitAsync(ct);
        return ConductFindingRecord.From(finding, null);
    }
}
