using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Admin;

/// <summary>
/// The English names of a hall's rows (issue 16). Every part may be left out: <c>hallName</c> and <c>noticeLine</c> null
/// keep what is stored, a row not listed keeps its name; a name given empty clears it (English pages then show the Chinese).
/// </summary>
public sealed record EnglishNamesRequest(string? HallName = null, string? NoticeLine = null, IReadOnlyList<EnglishName>? Departments = null,
    IReadOnlyList<EnglishName>? Items = null, IReadOnlyList<EnglishName>? Counters = null);

public sealed record EnglishName(Guid Id, string? NameEn);

/// <summary>Each Chinese name with its English one (null: none), as the administrator edits them side by side.</summary>
public sealed record EnglishNamesView(Guid HallId, string Name, string? NameEn, string? NoticeLine, string? NoticeLineEn,
    List<EnglishNameRow> Departments, List<EnglishNameRow> Items, List<EnglishNameRow> Counters);

public sealed record EnglishNameRow(Guid Id, string Name, string? NameEn);

/// <summary>Reads and sets the English names of a hall, its departments, items and counters and its notice line.</summary>
public sealed class SetEnglishNames(HallDbContext db, IHallNotifier notifier)
{
    public const int NameMaxLength = 100;
    public const int NoticeLineMaxLength = 200;

    public async Task<EnglishNamesView> GetAsync(Guid hallId, CancellationToken ct)
    {
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var departments = await db.Departments.AsNoTracking().Where(d => d.HallId == hallId).OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new EnglishNameRow(d.Id, d.Name, d.NameEn)).ToListAsync(ct);
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hallId).OrderBy(i => i.SortOrder).ThenBy(i => i.Prefix)
            .Select(i => new EnglishNameRow(i.Id, i.Name, i.NameEn)).ToListAsync(ct);
        var counters = await db.Counters.AsNoTracking().Where(c => c.HallId == hallId).OrderBy(c => c.Number)
            .Select(c => new EnglishNameRow(c.Id, c.Name, c.NameEn)).ToListAsync(ct);
        return new EnglishNamesView(hallId, hall.Name, hall.NameEn, hall.NoticeLine, hall.NoticeLineEn, departments, items, counters);
    }

    public async Task<EnglishNamesView> HandleAsync(Guid hallId, EnglishNamesRequest request, CancellationToken ct)
    {
        // Every value is checked before anything is written.
        var hallName = request.HallName is null ? null : new EnglishName(hallId, AdminInput.OptionalText(request.HallName, "hallName", NameMaxLength));
        var notice = request.NoticeLine is null ? null : new EnglishName(hallId, AdminInput.OptionalText(request.NoticeLine, "noticeLine", NoticeLineMaxLength));
        var departments = Checked(request.Departments, "departments");
        var items = Checked(request.Items, "items");
        var counters = Checked(request.Counters, "counters");
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var hall = await db.Halls.FirstOrDefaultAsync(h => h.Id == hallId, ct)
                ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
            if (hallName is not null)
                hall.NameEn = hallName.NameEn;
            if (notice is not null)
                hall.NoticeLineEn = notice.NameEn;
            var ds = await db.Departments.Where(d => d.HallId == hallId).ToDictionaryAsync(d => d.Id, ct);
            foreach (var n in departments)
                Row(ds, n, "departments").NameEn = n.NameEn;
            var its = await db.ServiceItems.Where(i => i.HallId == hallId).ToDictionaryAsync(i => i.Id, ct);
            foreach (var n in items)
                Row(its, n, "items").NameEn = n.NameEn;
            var cs = await db.Counters.Where(c => c.HallId == hallId).ToDictionaryAsync(c => c.Id, ct);
            foreach (var n in counters)
                Row(cs, n, "counters").NameEn = n.NameEn;
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        // Kiosks, displays and phones read the names again.
        notifier.QueueChanged(hallId);
        return await GetAsync(hallId, ct);
    }

    private static List<EnglishName> Checked(IReadOnlyList<EnglishName>? names, string field)
    {
        if (names is null)
            return [];
        if (names.Select(n => n.Id).Distinct().Count() != names.Count)
            throw DomainException.Invalid(field, HallConfigErrorCodes.NameRowUnknown);
        return names.Select(n => n with { NameEn = AdminInput.OptionalText(n.NameEn, field, NameMaxLength) }).ToList();
    }

    /// <summary>A row of another hall, or none, is refused like one that does not exist: nothing is written.</summary>
    private static T Row<T>(Dictionary<Guid, T> rows, EnglishName name, string field) =>
        rows.TryGetValue(name.Id, out var row) ? row : throw DomainException.Invalid(field, HallConfigErrorCodes.NameRowUnknown);
}
