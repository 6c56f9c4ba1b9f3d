using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Privacy;

public sealed record PersonalDataReadView(
    Guid Id, Guid ReaderUserId, string? ReaderUserName, PersonalDataKind Kind,
    string SubjectType, Guid SubjectId, string Purpose, DateTime ReadAt);

/// <summary>The audit of clear reads, newest first, for an administrator or an auditor.</summary>
public sealed class ListPersonalDataReads(HallDbContext db)
{
    public const int MaxTake = 500;

    public async Task<IReadOnlyList<PersonalDataReadView>> HandleAsync(
        DateTime? fromUtc, DateTime? toUtc, Guid? subjectId, int take, CancellationToken ct)
    {
        var reads = db.PersonalDataReads.AsNoTracking();
        if (fromUtc is { } from)
            reads = reads.Where(r => r.ReadAt >= from);
        if (toUtc is { } to)
            reads = reads.Where(r => r.ReadAt < to);
        if (subjectId is { } subject)
            reads = reads.Where(r => r.SubjectId == subject);
        return await reads
            .OrderByDescending(r => r.ReadAt)
            .Take(Math.Clamp(take, 1, MaxTake))
            .Select(r => new PersonalDataReadView(
                r.Id, r.ReaderUserId,
                db.Users.Where(u => u.Id == r.ReaderUserId).Select(u => u.UserName).FirstOrDefault(),
                r.Kind, r.SubjectType, r.SubjectId, r.Purpose, r.ReadAt))
            .ToListAsync(ct);
    }
}
