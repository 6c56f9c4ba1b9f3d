using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Privacy;

public sealed record AuditHall(Guid Id, string Name, string TimeZoneId);

public sealed record AuditReader(Guid Id, string UserName, string DisplayName);

/// <param name="Readers">Everyone who has read personal data in clear, for the filter.</param>
public sealed record PersonalDataReadDirectory(IReadOnlyList<AuditHall> Halls, IReadOnlyList<AuditReader> Readers);

/// <summary>The names the audit page filters and shows by: halls with their time zones, and the readers.</summary>
public sealed class GetPersonalDataReadDirectory(HallDbContext db)
{
    public async Task<PersonalDataReadDirectory> HandleAsync(CancellationToken ct)
    {
        var halls = await db.Halls.AsNoTracking().OrderBy(h => h.Name)
            .Select(h => new AuditHall(h.Id, h.Name, h.TimeZoneId)).ToListAsync(ct);
        var readers = await db.Users.AsNoTracking()
            .Where(u => db.PersonalDataReads.Any(r => r.ReaderUserId == u.Id))
            .OrderBy(u => u.UserName)
            .Select(u => new AuditReader(u.Id, u.UserName ?? "", u.DisplayName)).ToListAsync(ct);
        return new PersonalDataReadDirectory(halls, readers);
    }
}
