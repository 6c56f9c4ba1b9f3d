using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;

namespace ServiceHall.Web.Components.Layout;

/// <summary>
/// The modules a signed-in person's hall has switched off, for the layout's menu and page gate (P7). Read on every
/// navigation, not cached: the read is one small row, and a module switched off leaves the menu at the next click.
/// </summary>
public sealed class HallModulesOfHall(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<HallModule>> OffAsync(Guid? hallId)
    {
        if (hallId is not { } id)
            return [];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        return await db.Halls.AsNoTracking().Where(h => h.Id == id).Select(h => h.ModulesOff).FirstOrDefaultAsync() ?? [];
    }

    /// <summary>The switched-off module a page's path belongs to, if any.</summary>
    public static HallModule? OffModuleOf(IReadOnlyList<HallModule> off, string path) =>
        HallModules.OfPage(path) is { } module && !HallModules.IsOn(off, module) ? module : null;
}
