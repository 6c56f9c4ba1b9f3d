using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Guides;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Cases;

public sealed record RegisterCaseRequest(Guid? TicketId, Guid? ServiceItemId, string? ApplicantName, string? ApplicantIdNumber,
    string? ApplicantPhone, List<Guid>? ReceivedMaterialIds);

/// <summary>
/// M2: the staff member serving a ticket registers a case for the item, with the applicant (sealed
/// by the vault) and the materials received, ticked against the item's list.
/// </summary>
public sealed class RegisterCase(HallDbContext db, TimeProvider time, IPersonalDataVault vault, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid hallId, RegisterCaseRequest request, Guid userId, CancellationToken ct)
    {
        var name = ApplicantFields.Name(request.ApplicantName);
        var idNumber = ApplicantFields.IdNumber(request.ApplicantIdNumber);
        var phone = ApplicantFields.Phone(request.ApplicantPhone);
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        CaseAccess.EnsureHall(actor, hallId);

        var now = time.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7(now);
        await using var write = await db.BeginWriteAsync(ct);
        Ticket? ticket = null;
        if (request.TicketId is { } ticketId)
        {
            ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId && t.HallId == hallId, ct)
                ?? throw DomainException.NotFound(ErrorCodes.TicketNotFound);
            if (ticket.Status is not (TicketStatus.Called or TicketStatus.Serving) || ticket.CounterId is null)
                throw DomainException.Conflict(ErrorCodes.TicketStateConflict, ticket.Number, ticket.Status);
            // Only whoever operates the counter serving the ticket registers its cases.
            await CounterAccess.OperateAsync(db, ticket.CounterId.Value, userId, now, ct);
        }
        var itemId = request.ServiceItemId ?? ticket?.ServiceItemId ?? throw DomainException.Required("serviceItemId");
        var item = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.HallId == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.ServiceItemNotFound);
        var guide = await db.ServiceGuides.AsNoTracking().Include(g => g.Materials)
            .FirstOrDefaultAsync(g => g.ServiceItemId == itemId, ct)
            ?? throw DomainException.Conflict(ErrorCodes.GuideMissing, item.Name);

        var sealedName = vault.Seal(Privacy.PersonalDataKind.Name, name);
        var sealedId = vault.Seal(Privacy.PersonalDataKind.IdNumber, idNumber);
        var sealedPhone = vault.Seal(Privacy.PersonalDataKind.Phone, phone);
        var c = new Case
        {
            Id = id, HallId = hallId, ServiceItemId = itemId, DepartmentId = item.DepartmentId,
            Number = await DocumentNumbers.NextAsync(db, hallId, DocumentKinds.Case, new HallClock(hall.TimeZoneId).BusinessDay(now).Year, ct),
            TicketId = ticket?.Id, CounterId = ticket?.CounterId, Status = CaseStatus.Registered,
            ApplicantNameCipher = sealedName.Cipher, ApplicantNameMasked = sealedName.Masked,
            ApplicantIdNumberCipher = sealedId.Cipher, ApplicantIdNumberMasked = sealedId.Masked,
            ApplicantPhoneCipher = sealedPhone.Cipher, ApplicantPhoneMasked = sealedPhone.Masked,
            RegisteredAt = now, RegisteredByUserId = userId,
            TimeLimitClass = guide.TimeLimitClass, PromisedDays = guide.PromisedDays,
            PickupAfterWorkingDays = guide.PickupAfterWorkingDays,
        };
        c.Materials.AddRange(guide.Materials.Where(m => !m.IsRetired).OrderBy(m => m.SortOrder).Select(m => new CaseMaterial
        {
            Id = Guid.CreateVersion7(now), CaseId = id, MaterialId = m.Id, SortOrder = m.SortOrder, Name = m.Name,
            Issuer = m.Issuer, Originals = m.Originals, Copies = m.Copies, IsRequired = m.IsRequired, Notes = m.Notes,
        }));
        CaseAccess.Tick(c, request.ReceivedMaterialIds);
        db.Cases.Add(c);
        db.CaseEvents.Add(new CaseEvent { Id = Guid.CreateVersion7(now), CaseId = id, ToStatus = CaseStatus.Registered, At = now, UserId = userId });
        await CaseAccess.SaveAsync(db, write, ct);
        return await get.HandleAsync(id, userId, ct);
    }
}

/// <summary>Checks of the applicant's personal data before it is sealed.</summary>
public static class ApplicantFields
{
    public static string Name(string? value)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
            throw DomainException.Required("applicantName");
        if (name.Length > CaseLimits.Name)
            throw DomainException.Invalid("applicantName", ErrorCodes.TooLong, "applicantName", CaseLimits.Name);
        return name;
    }

    /// <summary>An 18-character resident ID is checked by its check digit (GB 11643); other documents by their characters.</summary>
    public static string IdNumber(string? value)
    {
        var id = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(id))
            throw DomainException.Required("applicantIdNumber");
        if (id.Length > CaseLimits.IdNumber || !id.All(char.IsAsciiLetterOrDigit))
            throw DomainException.Invalid("applicantIdNumber", ErrorCodes.IdNumberInvalid);
        if (id.Length == 18 && id[..17].All(char.IsAsciiDigit) && !ResidentIdCheckDigitOk(id))
            throw DomainException.Invalid("applicantIdNumber", ErrorCodes.IdNumberInvalid);
        return id;
    }

    public static string Phone(string? value)
    {
        var phone = string.Concat((value ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-'));
        if (phone.Length == 0)
            return "";
        if (phone.Length is < 7 or > CaseLimits.Phone || !phone.TrimStart('+').All(char.IsAsciiDigit))
            throw DomainException.Invalid("applicantPhone", ErrorCodes.PhoneInvalid);
        return phone;
    }

    private static bool ResidentIdCheckDigitOk(string id)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        const string checks = "10X98765432";
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (id[i] - '0') * weights[i];
        return checks[sum % 11] == id[17];
    }
}
