using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Input;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Complaints;

/// <param name="Anonymous">Anonymous complaints are allowed (S2); then name and phone are not kept even if sent.</param>
public sealed record RegisterComplaintRequest(ComplaintChannel? Channel, [Text(Complaint.MaxTitleLength)] string? Title,
    [Text(Complaint.MaxContentLength, MultiLine = true)] string? Content, bool Anonymous,
    string? ComplainantName, string? ContactPhone, ComplaintSubject? Subject, Guid? CounterId, Guid? StaffUserId, Guid? ServiceItemId,
    ComplaintCategory? Category = null);

public sealed record ComplaintReceipt(Guid Id, string Number, Guid TrackingCode, DateOnly ReplyDue);

/// <summary>
/// 受理: a complaint is registered — by staff from any channel, or by the citizen on the public form
/// (channel online, no account). Name and phone go through the vault (encrypted, masked copy). The
/// stage deadlines are set from the registration day in working days.
/// </summary>
public sealed class RegisterComplaint(HallDbContext db, TimeProvider time, IPersonalDataVault vault, IWorkingDays workingDays,
    HallSupervisionRules rules)
{
    public async Task<ComplaintReceipt> HandleAsync(Guid hallId, RegisterComplaintRequest request, Guid? registeredBy, CancellationToken ct)
    {
        var channel = registeredBy is null ? ComplaintChannel.Online
            : request.Channel is { } c && Enum.IsDefined(c) ? c : throw DomainException.Required("channel");
        var title = Text(request.Title, "title", Complaint.MaxTitleLength);
        var content = Text(request.Content, "content", Complaint.MaxContentLength);
        var subject = request.Subject ?? ComplaintSubject.Hall;
        if (!Enum.IsDefined(subject))
            throw DomainException.Required("subject");
        var category = request.Category ?? ComplaintCategory.Other;
        if (!Enum.IsDefined(category))
            throw DomainException.Invalid("category", ErrorCodes.BadRequest);
        string? name = null, phone = null;
        if (!request.Anonymous)
        {
            name = Optional(request.ComplainantName, "complainantName", 50);
            phone = Optional(request.ContactPhone, "contactPhone", 20);
            if (name is null && phone is null)
                throw DomainException.Required("contactPhone");
            if (phone is not null && !phone.All(ch => char.IsAsciiDigit(ch) || ch is '-' or ' ' or '+'))
                throw DomainException.Invalid("contactPhone", ErrorCodes.ComplaintPhoneInvalid);
        }

        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        if (registeredBy is { } by)
            await HallAccess.EnsureAsync(db, hallId, by, ct);
        await CheckSubjectAsync(hallId, subject, request, ct);

        var now = time.GetUtcNow().UtcDateTime;
        var day = new HallClock(hall.TimeZoneId).BusinessDay(now);
        var o = await rules.ForHallAsync(hallId, ct);
        var sealedName = name is null ? new SealedValue("", "") : vault.Seal(PersonalDataKind.Name, name);
        var sealedPhone = phone is null ? new SealedValue("", "") : vault.Seal(PersonalDataKind.Phone, phone);
        var sealedContent = vault.SealFreeText(content);
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(now), HallId = hallId, Number = "", TrackingCode = Guid.NewGuid(), Channel = channel,
            Title = title, Content = sealedContent.Masked, ContentCipher = sealedContent.Cipher, Anonymous = request.Anonymous,
            ComplainantNameCipher = sealedName.Cipher, ComplainantNameMasked = sealedName.Masked,
            ContactPhoneCipher = sealedPhone.Cipher, ContactPhoneMasked = sealedPhone.Masked,
            Subject = subject, Category = category, CounterId = subject == ComplaintSubject.Counter ? request.CounterId : null,
            StaffUserId = subject == ComplaintSubject.Staff ? request.StaffUserId : null,
            ServiceItemId = subject == ComplaintSubject.ServiceItem ? request.ServiceItemId : null,
            Status = ComplaintStatus.Registered, RegisteredAt = now, RegisteredByUserId = registeredBy,
            AssignDue = await workingDays.AddAsync(hallId, day, o.ComplaintAssignWorkingDays, ct),
            ReplyDue = await workingDays.AddAsync(hallId, day, o.ComplaintReplyWorkingDays, ct),
            CloseDue = await workingDays.AddAsync(hallId, day, o.ComplaintCloseWorkingDays, ct),
        };

        await using var write = await db.BeginWriteAsync(ct);
        var prefix = $"TS{day:yyyyMMdd}-";
        var today = await db.Complaints.CountAsync(x => x.HallId == hallId && x.Number.StartsWith(prefix), ct);
        complaint.Number = $"{prefix}{today + 1:0000}";
        db.Complaints.Add(complaint);
        db.ComplaintEvents.Add(new ComplaintEvent
        {
            ComplaintId = complaint.Id, Action = ComplaintAction.Registered, From = ComplaintStatus.Registered,
            To = ComplaintStatus.Registered, UserId = registeredBy, At = now, Note = channel.ToString(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node numbered a complaint of the same day at once; the unique number refused ours.
            throw DomainException.Conflict(ErrorCodes.NumberTaken);
        }
        await write.CommitAsync(ct);
        return new ComplaintReceipt(complaint.Id, complaint.Number, complaint.TrackingCode, complaint.ReplyDue);
    }

    private async Task CheckSubjectAsync(Guid hallId, ComplaintSubject subject, RegisterComplaintRequest request, CancellationToken ct)
    {
        var found = subject switch
        {
            ComplaintSubject.Counter => request.CounterId is { } id
                ? await db.Counters.AnyAsync(x => x.Id == id && x.HallId == hallId, ct) : throw DomainException.Required("counterId"),
            ComplaintSubject.Staff => request.StaffUserId is { } id
                ? await db.Users.Where(HallMembers.In(db, hallId)).AnyAsync(x => x.Id == id, ct) : throw DomainException.Required("staffUserId"),
            ComplaintSubject.ServiceItem => request.ServiceItemId is { } id
                ? await db.ServiceItems.AnyAsync(x => x.Id == id && x.HallId == hallId, ct) : throw DomainException.Required("serviceItemId"),
            _ => true,
        };
        if (!found)
            throw DomainException.Invalid("subject", ErrorCodes.ComplaintSubjectNotFound);
    }

    internal static string Text(string? value, string field, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            throw DomainException.Required(field);
        if (text.Length > max)
            throw DomainException.Invalid(field, ErrorCodes.TooLong, field, max);
        return text;
    }

    private static string? Optional(string? value, string field, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        if (text.Length > max)
            throw DomainException.Invalid(field, ErrorCodes.TooLong, field, max);
        return text;
    }
}
