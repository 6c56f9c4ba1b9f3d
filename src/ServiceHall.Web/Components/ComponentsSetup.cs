using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor.Services;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Components;

/// <summary>
/// The signed-in pages (staff, supervisors, admins): a Blazor Web App with interactive server rendering
/// and MudBlazor (ADR-005). The sign-in page alone renders statically, because only a full HTTP
/// response can set the authentication cookie.
/// </summary>
public static class ComponentsSetup
{
    public static void AddHallComponents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingHallAuthenticationStateProvider>();
        services.AddMudServices();
        services.AddMemoryCache();
        services.AddSingleton<Layout.HallNames>();
        services.AddSingleton<Layout.HallModulesOfHall>();
    }

    public static void MapHallComponents(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        // A page of a case, complaint or follow-up opens for people of its hall only (ADR-017); /login stays anonymous.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireHall();
    }
}
