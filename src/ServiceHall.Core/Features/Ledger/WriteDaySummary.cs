using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Input;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Ledger;

public sealed record WriteDaySummaryRequest([Text(DaySummary.MaxLength, MultiLine = true)] string? Text);

/// <param name="Text">As stored: ID and mobile numbers masked.</param>
public sealed record DaySummaryView(Guid Id, Guid UserId, DateOnly Day, string Text, DateTime WrittenAt, DateTime? UpdatedAt);

/// <summary>
/// The staff member's 工作小结 for today (hall-local), written at sign-out and changed as often as wanted
/// that day; a later day's summary is another record, so yesterday's stays as it was written.
/// </summary>
public sealed class WriteDaySummary(HallDbContext db, TimeProvider time, IPersonalDataVault vault)
{
    public async Task<DaySummaryView> HandleAsync(Guid userId, WriteDaySummaryRequest request, CancellationToken ct)
    {
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text))
            throw DomainException.Required("text");
        if (text.Length > DaySummary.MaxLength)
            throw DomainException.Invalid("text", ErrorCodes.TooLong, "text", DaySummary.MaxLength);
        var (hallId, day, now) = await TodayAsync(db, time, userId, ct);
        var summaries = db.Set<DaySummary>();

        await using var write = await db.BeginWriteAsync(ct);
        var summary = await summaries.FirstOrDefaultAsync(s => s.UserId == userId && s.Day == day, ct);
        if (summary is null)
        {
            summary = new DaySummary { Id = Guid.CreateVersion7(now), HallId = hallId, UserId = userId, Day = day, WrittenAt = now };
            summaries.Add(summary);
            Apply(summary, text);
        }
        // The text shown back is the masked copy: sent again unchanged, the sealed original stays.
        else if (summary.Text != text)
        {
            summary.UpdatedAt = now;
            Apply(summary, text);
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return View(summary);
    }

    private void Apply(DaySummary summary, string text)
    {
        var sealedText = vault.SealFreeText(text);
        summary.Text = sealedText.Masked;
        summary.TextCipher = sealedText.Cipher;
    }

    /// <summary>Today's summary of the caller, or null when none is written yet.</summary>
    public async Task<DaySummaryView?> GetTodayAsync(Guid userId, CancellationToken ct)
    {
        var (_, day, _) = await TodayAsync(db, time, userId, ct);
        var summary = await db.Set<DaySummary>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId && s.Day == day, ct);
        return summary is null ? null : View(summary);
    }

    private static DaySummaryView View(DaySummary s) => new(s.Id, s.UserId, s.Day, s.Text, s.WrittenAt, s.UpdatedAt);

    private static async Task<(Guid HallId, DateOnly Day, DateTime Now)> TodayAsync(HallDbContext db, TimeProvider time, Guid userId, CancellationToken ct)
    {
        var hallId = await db.Users.Where(u => u.Id == userId).Select(u => u.HallId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Conflict(ErrorCodes.NoHallForAttendance);
        var now = time.GetUtcNow().UtcDateTime;
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        return (hallId, clock.BusinessDay(now), now);
    }
}
