using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Web.Infrastructure;

/// <summary>What a newcomer needs after `dotnet run`: each page with its demo account, as README.md lists them.</summary>
internal static class DemoBanner
{
    public static void Print(WebApplication app, IServiceProvider services)
    {
        var db = services.GetRequiredService<HallDbContext>();
        var hall = db.Halls.AsNoTracking().OrderBy(h => h.Name).FirstOrDefault();
        if (hall is null)
            return;
        var firstCounter = db.Counters.AsNoTracking().Where(c => c.HallId == hall.Id).OrderBy(c => c.Number).Select(c => (Guid?)c.Id).FirstOrDefault();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
            Console.WriteLine($"""

                ServiceHall demo — {hall.Name} ({hall.Id}); demo password {SeedDemoHall.DemoPassword}
                  kiosk (取号机)                  {url}/kiosk/{hall.Id}
                  call display (叫号大屏)         {url}/display/{hall.Id}   display1
                  counter workstation (窗口工作台) {url}/login → /counter     staff1, staff2, staff3
                  rating pad (评价器)             {url}/login → /pad/{firstCounter}   pad1 (pad2…pad6 at counters 2–6)
                  live dashboard (实时监控)       {url}/login → /dashboard   supervisor
                  supervision (好差评·投诉·考勤)  {url}/supervision          supervisor
                  online complaint (网上投诉)     {url}/complain/{hall.Id}
                  settings (系统设置)             {url}/login → /admin       admin
                  API reference                   {url}/api-docs   OpenAPI {url}/openapi/v1.json
                  appointment API (预约对接)      {url}/api-docs → Appointments   integrator1
                  SignalR hub                     {url}/hubs/hall?hallId={hall.Id}

                """);
        });
    }
}
