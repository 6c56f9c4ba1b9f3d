using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Privacy;

public sealed record PersonalDataReadView(
    Guid Id, Guid ReaderUserId, string? ReaderUserName, PersonalDataKind Kind,
    string SubjectType, Guid SubjectId, string Purpose, DateTime ReadAt, Guid? HallId = null, long? Sequence = null);

/// <summary>Which reads to list; every part optional. Times are UTC; the page turns the hall's local dates into them.</summary>
public sealed record PersonalDataReadFilter(
    Guid? ReaderUserId = null, Guid? HallId = null, PersonalDataKind? Kind = null, string? Purpose = null,
    DateTime? FromUtc = null, DateTime? ToUtc = null, Guid? SubjectId = null);

public sealed record PersonalDataReadPage(IReadOnlyList<PersonalDataReadView> Items, int Total);

/// <summary>The audit of clear reads, newest first, for an administrator or an auditor.</summary>
public sealed class ListPersonalDataReads(HallDbContext db)
{
    public const int MaxTake = 500;

    public async Task<IReadOnlyList<PersonalDataReadView>> HandleAsync(
        DateTime? fromUtc, DateTime? toUtc, Guid? subjectId, int take, CancellationToken ct) =>
        (await PageAsync(new PersonalDataReadFilter(FromUtc: fromUtc, ToUtc: toUtc, SubjectId: subjectId), 0, take, ct)).Items;

    public async Task<PersonalDataReadPage> PageAsync(PersonalDataReadFilter filter, int skip, int take, CancellationToken ct)
    {
        var reads = db.PersonalDataReads.AsNoTracking();
        if (filter.FromUtc is { } from)
            reads = reads.Where(r => r.ReadAt >= from);
        if (filter.ToUtc is { } to)
            reads = reads.Where(r => r.ReadAt < to);
        if (filter.SubjectId is { } subject)
            reads = reads.Where(r => r.SubjectId == subject);
        if (filter.ReaderUserId is { } reader)
            reads = reads.Where(r => r.ReaderUserId == reader);
        if (filter.HallId is { } hall)
            reads = reads.Where(r => r.HallId == hall);
        if (filter.Kind is { } kind)
            reads = reads.Where(r => r.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter.Purpose))
        {
            var purpose = filter.Purpose.Trim();
            reads = reads.Where(r => r.Purpose.Contains(purpose));
        }
        var total = await reads.CountAsync(ct);
        var items = await reads
            .OrderByDescending(r => r.ReadAt).ThenByDescending(r => r.Sequence)
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(take, 1, MaxTake))
            .Select(r => new PersonalDataReadView(
                r.Id, r.ReaderUserId,
                db.Users.Where(u => u.Id == r.ReaderUserId).Select(u => u.UserName).FirstOrDefault(),
                r.Kind, r.SubjectType, r.SubjectId, r.Purpose, r.ReadAt, r.HallId, r.Sequence))
            .ToListAsync(ct);
        return new PersonalDataReadPage(items, total);
    }
}
