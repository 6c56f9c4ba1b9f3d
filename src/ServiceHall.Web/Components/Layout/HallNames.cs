using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Web.Components.Layout;

/// <summary>The hall names the layout shows, read once a minute at most rather than on every render.</summary>
public sealed class HallNames(IServiceScopeFactory scopes, IMemoryCache cache)
{
    /// <summary>The hall's name in the page's language (English where it has one, <see cref="LocalNames"/>).</summary>
    public async Task<string?> NameOfAsync(Guid hallId)
    {
        var names = await cache.GetOrCreateAsync(("hall-name", hallId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
            return await db.Halls.AsNoTracking().Where(h => h.Id == hallId).Select(h => new { h.Name, h.NameEn }).FirstOrDefaultAsync();
        });
        return names is null ? null : LocalNames.Of(names.Name, names.NameEn);
    }
}
