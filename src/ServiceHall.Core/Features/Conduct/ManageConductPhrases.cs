using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Conduct;

public sealed record ConductPhraseView(Guid Id, Guid HallId, string Text, PhraseKind Kind, bool IsActive, DateTime UpdatedAt)
{
    public static ConductPhraseView From(ConductPhrase p) => new(p.Id, p.HallId, p.Text, p.Kind, p.IsActive, p.UpdatedAt);
}

public sealed record SaveConductPhraseRequest(string? Text, PhraseKind? Kind, bool IsActive = true);

/// <summary>A hall's phrase lists are data (S4): listed, added, changed and retired by an administrator.</summary>
public sealed class ManageConductPhrases(HallDbContext db, TimeProvider time)
{
    public async Task<List<ConductPhraseView>> ListAsync(Guid hallId, Guid readerId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        if (!await db.ConductPhrases.AnyAsync(p => p.HallId == hallId, ct))
            await ConductCheckers.SeedAsync(db, time, hallId, ct);
        return (await db.ConductPhrases.AsNoTracking().Where(p => p.HallId == hallId)
            .OrderBy(p => p.Kind).ThenBy(p => p.Text).ToListAsync(ct)).Select(ConductPhraseView.From).ToList();
    }

    public async Task<ConductPhraseView> AddAsync(Guid hallId, Guid userId, SaveConductPhraseRequest request, CancellationToken ct)
    {
        var (text, kind) = Validate(request);
        await HallAccess.EnsureAsync(db, hallId, userId, ct);
        if (!await db.ConductPhrases.AnyAsync(p => p.HallId == hallId, ct))
            await ConductCheckers.SeedAsync(db, time, hallId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var phrase = new ConductPhrase { Id = Guid.CreateVersion7(now), HallId = hallId, Text = text, Kind = kind, IsActive = request.IsActive, UpdatedAt = now };
        await using var write = await db.BeginWriteAsync(ct);
        if (await db.ConductPhrases.AnyAsync(p => p.HallId == hallId && p.Text == text, ct))
            throw DomainException.Conflict(ErrorCodes.ConductPhraseExists, text);
        db.ConductPhrases.Add(phrase);
        await SaveAsync(text, ct);
        await write.CommitAsync(ct);
        return ConductPhraseView.From(phrase);
    }

    public async Task<ConductPhraseView> UpdateAsync(Guid phraseId, Guid userId, SaveConductPhraseRequest request, CancellationToken ct)
    {
        var (text, kind) = Validate(request);
        await using var write = await db.BeginWriteAsync(ct);
        var phrase = await db.ConductPhrases.FirstOrDefaultAsync(p => p.Id == phraseId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.ConductPhraseNotFound);
        await HallAccess.EnsureAsync(db, phrase.HallId, userId, ct);
        if (text != phrase.Text && await db.ConductPhrases.AnyAsync(p => p.HallId == phrase.HallId && p.Text == text, ct))
            throw DomainException.Conflict(ErrorCodes.ConductPhraseExists, text);
        phrase.Text = text;
        phrase.Kind = kind;
        phrase.IsActive = request.IsActive;
        // Strictly later than before, so the checker cache sees the change even within one clock tick.
        var now = time.GetUtcNow().UtcDateTime;
        phrase.UpdatedAt = now > phrase.UpdatedAt ? now : phrase.UpdatedAt.AddTicks(10);
        await SaveAsync(text, ct);
        await write.CommitAsync(ct);
        return ConductPhraseView.From(phrase);
    }

    private async Task SaveAsync(string text, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw DomainException.Conflict(ErrorCodes.ConductPhraseExists, text);
        }
    }

    private static (string Text, PhraseKind Kind) Validate(SaveConductPhraseRequest request)
    {
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text))
            throw DomainException.Required("text");
        if (text.Length > ConductPhrase.MaxLength)
            throw DomainException.Invalid("text", ErrorCodes.TooLong, "text", ConductPhrase.MaxLength);
        if (ConductText.NormalizePhrase(text).Length == 0)
            throw DomainException.Invalid("text", ErrorCodes.ConductPhraseEmpty);
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
            throw DomainException.Required("kind");
        return (text, kind);
    }
}
