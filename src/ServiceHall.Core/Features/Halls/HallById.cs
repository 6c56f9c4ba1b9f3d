using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Halls;

/// <summary>A hall read by its id, untracked: every call-next and every ticket batch reads one, so compiled once per provider.</summary>
internal static class HallById
{
    public static Task<Hall?> FindAsync(HallDbContext db, Guid hallId, CancellationToken ct) => Query.For(db)(db, hallId, ct);

    private static readonly CompiledPerProvider<Func<HallDbContext, Guid, CancellationToken, Task<Hall?>>> Query = new(() =>
        EF.CompileAsyncQuery((HallDbContext db, Guid id, CancellationToken ct) => db.Halls.AsNoTracking().FirstOrDefault(h => h.Id == id)));
}
