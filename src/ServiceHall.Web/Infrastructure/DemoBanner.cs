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
        var hall = db.Halls.AsNoTracking().OrderBy(h => h.Name != SeedDemoHall.DemoHallName).ThenBy(h => h.Name).FirstOrDefault();
        if (hall is null)
            return;
        var others = KindHalls(db);
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
                {string.Concat(others.Select(o => o(url)))}
                """);
        });
    }

    /// <summary>The hospital, ticket office and property desk of the demo (P7), each with its own accounts.</summary>
    private static List<Func<string, string>> KindHalls(HallDbContext db)
    {
        var names = SeedDemoKindHalls.Halls.Select(h => h.Name).ToList();
        var halls = db.Halls.AsNoTracking().Where(h => names.Contains(h.Name)).ToList();
        return SeedDemoKindHalls.Halls.Select(demo => (demo, hall: halls.FirstOrDefault(h => h.Name == demo.Name)))
            .Where(x => x.hall is not null)
            .Select(x =>
            {
                var (demo, hall) = (x.demo, x.hall!);
                var counters = db.Counters.AsNoTracking().Count(c => c.HallId == hall.Id);
                var a = demo.Accounts;
                var booking = Core.Features.Appointments.AppointmentsModule.IsUsedBy(hall) ? " · phone booking (手机预约) /book/" + hall.Id : "";
                return (Func<string, string>)(url => $"""

                      {hall.Name} ({hall.Kind}, {hall.Id})
                        kiosk {url}/kiosk/{hall.Id} · display {url}/display/{hall.Id}   {a}-display1
                        counter /counter {a}-staff1, {a}-staff2 · pads {a}-pad1 … {a}-pad{counters} · dashboard {a}-supervisor{booking}
                    """);
            }).ToList();
    }
}
