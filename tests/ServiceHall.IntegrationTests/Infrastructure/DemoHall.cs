using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.IntegrationTests.Infrastructure;

/// <summary>The seeded demo hall, looked up once: items by prefix, counters by number.</summary>
public sealed record DemoHall(Hall Hall, Dictionary<string, ServiceItem> Items, Dictionary<int, Counter> Counters)
{
    public Guid Id => Hall.Id;
    public Guid Item(string prefix) => Items[prefix].Id;
    public Guid Counter(int number) => Counters[number].Id;

    public static async Task<DemoHall> LoadAsync(HallDbContext db)
    {
        var hall = await db.Halls.AsNoTracking().OrderBy(h => h.Name).FirstAsync(h => h.Name == "滨江区政务服务中心");
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == hall.Id).ToDictionaryAsync(i => i.Prefix);
        var counters = await db.Counters.AsNoTracking().Include(c => c.ServiceItems).Where(c => c.HallId == hall.Id)
            .ToDictionaryAsync(c => c.Number);
        return new DemoHall(hall, items, counters);
    }
}
