using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.Web.Features.Halls;

namespace ServiceHall.IntegrationTests.Features.Halls;

/// <summary>
/// The module table (<see cref="HallModules.Routes"/>) and the app's endpoints say the same: every route of a module's
/// feature (its OpenAPI tag) is gated by that module, and every entry of the table gates a route. A new route group of a
/// module that is not in the table fails here.
/// </summary>
public sealed class HallModuleRouteTests(SqliteHallApp app) : IClassFixture<SqliteHallApp>
{
    private static readonly Dictionary<string, HallModule> ModuleOfTag = new()
    {
        ["Guides"] = HallModule.Guides, ["Cases"] = HallModule.Cases, ["Inquiries"] = HallModule.Inquiries,
        ["Complaints"] = HallModule.Complaints, ["Appointments"] = HallModule.Appointments,
    };

    private List<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(e => !string.IsNullOrEmpty(e.DisplayName)).ToList();

    [Fact]
    public void EveryRouteOfAModulesFeature_IsGatedByThatModule()
    {
        var wrong = Endpoints()
            .Select(e => (e.RoutePattern.RawText, Tag: e.Metadata.GetMetadata<ITagsMetadata>()?.Tags.FirstOrDefault(ModuleOfTag.ContainsKey), Module: HallModuleGate.ModuleOf(e)))
            .Where(e => e.Tag is not null && e.Module != ModuleOfTag[e.Tag])
            .Select(e => $"{e.RawText} ({e.Tag}) gated by {e.Module?.ToString() ?? "none"}").ToList();
        Assert.True(wrong.Count == 0, "Routes of a module's feature outside its entry of HallModules.Routes:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void EveryEntryOfTheTable_GatesARoute()
    {
        var patterns = Endpoints().Select(e => HallModules.Normalize(e.RoutePattern.RawText ?? "")).ToList();
        var unused = HallModules.Routes.SelectMany(r => r.Value)
            .Where(prefix => !patterns.Any(p => p == prefix.ToLowerInvariant() || p.StartsWith(prefix.ToLowerInvariant() + "/", StringComparison.Ordinal)))
            .ToList();
        Assert.True(unused.Count == 0, "Entries of HallModules.Routes that gate no route:\n" + string.Join("\n", unused));
    }

    [Fact]
    public void PagesOfTheTable_AreBlazorPagesOfTheApp()
    {
        var pages = Endpoints().Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null)
            .Select(e => HallModules.Normalize(e.RoutePattern.RawText ?? "")).ToList();
        var unknown = HallModules.Pages.SelectMany(p => p.Value).Select(p => p.ToLowerInvariant())
            .Where(p => !pages.Any(page => page == p || page.StartsWith(p + "/", StringComparison.Ordinal))).ToList();
        Assert.True(unknown.Count == 0, "Entries of HallModules.Pages that are no page:\n" + string.Join("\n", unknown));
    }
}
