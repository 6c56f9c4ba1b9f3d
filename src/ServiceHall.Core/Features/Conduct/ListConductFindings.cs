using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Conduct;

public sealed record ConductFindingRecord(Guid Id, Guid CheckId, Guid HallId, Guid? StaffUserId, string? StaffName, Guid? TicketId,
    string Phrase, string Matched, int Start, int Length, FindingKind Kind, FindingStatus Status, DateTime FoundAt,
    Guid? ReviewedByUserId, DateTime? ReviewedAt, string? ReviewNote)
{
    public static ConductFindingRecord From(ConductFinding f, string? staffName) =>
        new(f.Id, f.CheckId, f.HallId, f.StaffUserId, staffName, f.TicketId, f.Phrase, f.Matched, f.Start, f.Length, f.Kind,
            f.Status, f.FoundAt, f.ReviewedByUserId, f.ReviewedAt, f.ReviewNote);
}

public sealed record ConductCheckRecord(Guid Id, Guid HallId, Guid? StaffUserId, Guid? TicketId, string Text, int Score,
    bool Greeting, bool Farewell, DateTime CheckedAt, List<ConductFindingRecord> Findings);

/// <summary>The findings of a hall for review, newest first; open ones by default.</summary>
public sealed class ListConductFindings(HallDbContext db)
{
    public async Task<List<ConductFindingRecord>> HandleAsync(Guid hallId, Guid readerId, FindingStatus? status, Guid? staffUserId,
        CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var query = db.ConductFindings.AsNoTracking().Where(f => f.HallId == hallId);
        if (status is { } s)
            query = query.Where(f => f.Status == s);
        if (staffUserId is { } staff)
            query = query.Where(f => f.StaffUserId == staff);
        var rows = await query.OrderByDescending(f => f.FoundAt).Take(500)
            .GroupJoin(db.Users, f => f.StaffUserId, u => u.Id, (f, users) => new { f, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new { x.f, Name = u == null ? null : u.DisplayName })
            .ToListAsync(ct);
        return rows.Select(r => ConductFindingRecord.From(r.f, r.Name)).ToList();
    }

    /// <summary>One kept check with its text, so a reviewer reads each finding in its place.</summary>
    public async Task<ConductCheckRecord> GetCheckAsync(Guid checkId, Guid readerId, CancellationToken ct)
    {
        var check = await db.ConductChecks.AsNoTracking().FirstOrDefaultAsync(c => c.Id == checkId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.ConductCheckNotFound);
        await HallAccess.EnsureAsync(db, check.HallId, readerId, ct);
        var findings = await db.ConductFindings.AsNoTracking().Where(f => f.CheckId == checkId).OrderBy(f => f.Start).ToListAsync(ct);
        return new ConductCheckRecord(check.Id, check.HallId, check.StaffUserId, check.TicketId, check.Text, check.Score,
            check.Greeting, check.Farewell, check.CheckedAt, findings.Select(f => ConductFindingRecord.From(f, null)).ToList());
    }
}
