using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServiceHall.Core.Data;

namespace ServiceHall.Web.Components.Layout;

/// <summary>The hall names the layout shows, read once a minute at most rather than on every render.</summary>
public sealed class HallNames(IServiceScopeFactory scopes, IMemoryCache cache)
{
    public async Task<string?> NameOfAsync(Guid hallId)
    {
        return await cache.GetOrCreateAsync(("hall-name", hallId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
            return await db.Halls.AsNoTracking().Where(h => h.Id == hallId).Select(h => h.Name).FirstOrDefaultAsync();
        });
    }
}
