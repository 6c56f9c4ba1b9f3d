using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Privacy;

/// <summary>What is wrong at the first broken entry of the audit chain.</summary>
public enum ChainProblem
{
    /// <summary>The entry's fields no longer give its hash: it was edited.</summary>
    EntryChanged,
    /// <summary>The entry names another previous hash than the entry before it has: an entry was replaced.</summary>
    LinkBroken,
    /// <summary>A sequence number is missing: an entry was deleted.</summary>
    EntryMissing,
    /// <summary>The head names an entry the log does not end with: the last entries were deleted or the head edited.</summary>
    HeadMismatch,
}

/// <param name="Entries">Entries checked, the chain's length.</param>
/// <param name="Unchained">Reads recorded before the chain existed, which it does not cover.</param>
public sealed record ChainVerification(
    bool Intact, long Entries, long HeadSequence, string HeadHash, long? BrokenSequence, Guid? BrokenEntryId,
    ChainProblem? Problem, int Unchained);

/// <summary>Walks the audit chain from its first entry and reports the first that does not hold (P3).</summary>
public sealed class VerifyPersonalDataReads(HallDbContext db)
{
    public async Task<ChainVerification> HandleAsync(CancellationToken ct)
    {
        // The head first: entries appended while the walk runs lie beyond it and wait for the next check.
        var head = await db.Set<PersonalDataReadChainHead>().AsNoTracking()
            .SingleAsync(h => h.Id == PersonalDataReadChainHead.SingletonId, ct);
        var unchained = await db.PersonalDataReads.CountAsync(r => r.Sequence == null, ct);
        var expected = 1L;
        var previous = PersonalDataReadChain.Genesis;
        await foreach (var read in db.PersonalDataReads.AsNoTracking()
                           .Where(r => r.Sequence != null && r.Sequence <= head.Sequence)
                           .OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            ChainProblem? problem = read.Sequence != expected ? ChainProblem.EntryMissing
                : read.PreviousHash != previous ? ChainProblem.LinkBroken
                : PersonalDataReadChain.HashOf(read) != read.Hash ? ChainProblem.EntryChanged
                : null;
            if (problem is { } found)
            {
                var at = found == ChainProblem.EntryMissing ? expected : read.Sequence!.Value;
                return new ChainVerification(false, expected - 1, head.Sequence, head.Hash, at,
                    found == ChainProblem.EntryMissing ? null : read.Id, found, unchained);
            }
            previous = read.Hash;
            expected++;
        }
        if (expected - 1 != head.Sequence || previous != head.Hash)
            return new ChainVerification(false, expected - 1, head.Sequence, head.Hash, expected, null, ChainProblem.HeadMismatch, unchained);
        return new ChainVerification(true, head.Sequence, head.Sequence, head.Hash, null, null, null, unchained);
    }
}
