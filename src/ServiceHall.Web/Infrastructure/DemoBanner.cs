using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Web.Infrastructure;

/// <summary>What a newcomer needs after `dotnet run`: where to go and how to sign in.</summary>
internal static class DemoBanner
{
    public static void Print(WebApplication app, IServiceProvider services)
    {
        var hall = services.GetRequiredService<HallDbContext>().Halls.AsNoTracking().OrderBy(h => h.Name).FirstOrDefault();
        if (hall is null)
            return;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
            Console.WriteLine($"""

                ServiceHall demo — {hall.Name} ({hall.Id})
                  Sign in       {url}/login  (staff → /counter, supervisor → /dashboard, admin → /admin)
                  Kiosk         {url}/kiosk/{hall.Id}
                  Display       {url}/display/{hall.Id}  (signs in as display1)
                  API docs      {url}/api-docs
                  OpenAPI       {url}/openapi/v1.json
                  Health        {url}/healthz
                  Queue         {url}/api/halls/{hall.Id}/queue
                  SignalR hub   {url}/hubs/hall?hallId={hall.Id}
                Demo accounts (password {SeedDemoHall.DemoPassword}):
                  admin, supervisor, staff1, staff2, staff3, kiosk1 (kiosk), display1 (display)

                """);
        });
    }
}
