using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Input;

namespace ServiceHall.Core.Features.Conduct;

/// <param name="StaffUserId">Whose words these are; with it (or a ticket) the check and its findings are kept for review.</param>
/// <param name="TicketId">The service the conversation belongs to; its staff member is taken from the ticket when not given.</param>
public sealed record CheckConductRequest(Guid HallId, [Text(ConductCheck.MaxTextLength, MultiLine = true)] string? Text, Guid? StaffUserId = null, Guid? TicketId = null);

public sealed record ConductFindingView(string Phrase, string Matched, int Start, int Length, FindingKind Kind);

public sealed record ConductCheckView(Guid? CheckId, int Score, bool Greeting, bool Farewell, List<ConductFindingView> Findings);

/// <summary>
/// Checks a conversation's text (S4) for a speech recogniser, an integrator or a page. Attached to a
/// staff member or ticket, the check and its findings are kept for a supervisor to review.
/// </summary>
public sealed class CheckConduct(HallDbContext db, TimeProvider time, ConductCheckers checkers, Privacy.IPersonalDataVault vault)
{
    public async Task<ConductCheckView> HandleAsync(CheckConductRequest request, Guid callerId, bool mayRecordForOthers, CancellationToken ct)
    {
        if (request.HallId == Guid.Empty)
            throw DomainException.Required("hallId");
        if (string.IsNullOrWhiteSpace(request.Text))
            throw DomainException.Required("text");
        if (request.Text.Length > ConductCheck.MaxTextLength)
            throw DomainException.Invalid("text", ErrorCodes.TooLong, "text", ConductCheck.MaxTextLength);
        await HallAccess.EnsureAsync(db, request.HallId, callerId, ct);

        var staffId = request.StaffUserId;
        if (request.TicketId is { } ticketId)
        {
            var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId && t.HallId == request.HallId)
                .Select(t => new { t.CalledByUserId }).FirstOrDefaultAsync(ct)
                ?? throw DomainException.NotFound(ErrorCodes.TicketNotFound);
            staffId ??= ticket.CalledByUserId;
        }
        if (staffId is { } staff)
        {
            if (await db.Users.Where(u => u.Id == staff).Select(u => new { u.HallId }).FirstOrDefaultAsync(ct) is not { } user
                || (user.HallId is { } hall && hall != request.HallId))
                throw DomainException.NotFound(ErrorCodes.UserNotFound);
            if (!mayRecordForOthers && staff != callerId)
                throw new DomainException(ErrorKind.Forbidden, ErrorCodes.ConductOnlyOwn);
        }

        var checker = await checkers.ForHallAsync(db, time, request.HallId, ct);
        var report = checker.Check(request.Text);
        var findings = report.Findings.Select(f => new ConductFindingView(f.Phrase, f.Matched, f.Start, f.Length, f.Kind)).ToList();
        if (staffId is null && request.TicketId is null)
            return new ConductCheckView(null, report.Score, report.Greeting, report.Farewell, findings);

        var now = time.GetUtcNow().UtcDateTime;
        // Kept masked: the findings' positions still hold, since masking keeps the text's length.
        var sealedText = vault.SealFreeText(request.Text);
        var check = new ConductCheck
        {
            Id = Guid.CreateVersion7(now), HallId = request.HallId, StaffUserId = staffId, TicketId = request.TicketId,
            Text = sealedText.Masked, TextCipher = sealedText.Cipher, Score = report.Score, Greeting = report.Greeting, Farewell = report.Farewell,
            CheckedAt = now, CheckedByUserId = callerId,
        };
        await using var write = await db.BeginWriteAsync(ct);
        db.ConductChecks.Add(check);
        db.ConductFindings.AddRange(report.Findings.Select(f => new ConductFinding
        {
            Id = Guid.CreateVersion7(now), CheckId = check.Id, HallId = check.HallId, StaffUserId = staffId,
            TicketId = request.TicketId, PhraseId = f.PhraseId, Phrase = f.Phrase, Matched = Truncate(f.Matched),
            Start = f.Start, Length = f.Length, Kind = f.Kind, Status = FindingStatus.Open, FoundAt = now,
        }));
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return new ConductCheckView(check.Id, report.Score, report.Greeting, report.Farewell, findings);
    }

    // A variant spans at most one character more than its phrase, plus dropped punctuation between.
    private static string Truncate(string matched) =>
        matched.Length <= ConductPhrase.MaxLength * 2 ? matched : matched[..(ConductPhrase.MaxLength * 2)];
}
