using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Complaints;

public sealed record FindComplaintRequest(string? Number, string? Phone);

public sealed record FoundComplaint(Guid TrackingCode);

/// <summary>
/// A complainant who lost the tracking address finds the complaint again with its number and the
/// phone they left. Any wrong pair answers the same "not found" as an unknown number, so the answer
/// tells nothing about which half was wrong; the endpoint limits the attempts per address.
/// </summary>
public sealed class FindComplaint(HallDbContext db, IPersonalDataVault vault)
{
    public async Task<FoundComplaint> HandleAsync(Guid hallId, FindComplaintRequest request, CancellationToken ct)
    {
        var number = request.Number?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(number))
            throw DomainException.Required("number");
        if (string.IsNullOrWhiteSpace(request.Phone))
            throw DomainException.Required("phone");
        var c = await db.Complaints.AsNoTracking().Where(x => x.HallId == hallId && x.Number == number)
            .Select(x => new { x.TrackingCode, x.Anonymous, x.ContactPhoneCipher }).FirstOrDefaultAsync(ct);
        if (c is null || c.Anonymous || !vault.Matches(PersonalDataKind.Phone, c.ContactPhoneCipher, request.Phone))
            throw DomainException.NotFound(ErrorCodes.ComplaintNotFound);
        return new FoundComplaint(c.TrackingCode);
    }
}
