using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;

namespace ServiceHall.Core.Features.Admin;

/// <summary>A counter's settings; a PUT replaces them all, including the items it serves.</summary>
public sealed record CounterRequest(
    int? Number,
    string? Name,
    Guid? DepartmentId = null,
    Guid[]? ServiceItemIds = null,
    bool? InService = null,
    bool? IsActive = null,
    TimeOnly? ServedFrom = null,
    TimeOnly? ServedUntil = null);

/// <summary>A counter (窗口) with its number, unique in the hall, and the items it serves.</summary>
public sealed class CreateCounter(HallDbContext db, TimeProvider time, IHallNotifier notifier)
{
    public async Task<CounterSettingsView> HandleAsync(Guid hallId, CounterRequest request, CancellationToken ct)
    {
        CounterSettingsView view;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
                throw DomainException.NotFound(ErrorCodes.HallNotFound);
            var counter = new Counter { Id = Guid.CreateVersion7(time.GetUtcNow()), HallId = hallId, Name = "" };
            await ApplyAsync(db, counter, request, ct);
            db.Counters.Add(counter);
            await SaveAsync(db, counter, ct);
            await write.CommitAsync(ct);
            view = CounterSettingsView.From(counter);
        }
        notifier.QueueChanged(hallId);
        return view;
    }

    /// <summary>Checks the request against the hall and writes it to the (tracked or new) counter.</summary>
    internal static async Task ApplyAsync(HallDbContext db, Counter counter, CounterRequest request, CancellationToken ct)
    {
        var number = AdminInput.Range(request.Number, "number", 1, 999);
        var name = AdminInput.Text(request.Name, "name", 100);
        if (await db.Counters.AnyAsync(c => c.HallId == counter.HallId && c.Number == number && c.Id != counter.Id, ct))
            throw DomainException.Conflict(ErrorCodes.CounterNumberTaken, number);
        if (request.DepartmentId is { } departmentId && departmentId != counter.DepartmentId)
            await HallReferences.ActiveDepartmentAsync(db, counter.HallId, departmentId, ct);
        var itemIds = (request.ServiceItemIds ?? []).Distinct().ToList();
        var known = await db.ServiceItems.CountAsync(i => i.HallId == counter.HallId && itemIds.Contains(i.Id), ct);
        if (known != itemIds.Count)
            throw DomainException.Invalid("serviceItemIds", ErrorCodes.ServiceItemNotFound);

        // Counter hours lie within the hall's, like an item's (ADR-033); either end may be left open.
        if (request is { ServedFrom: { } from, ServedUntil: { } until } && from >= until)
            throw DomainException.Invalid("servedUntil", ErrorCodes.HoursInvalid, from, until);

        counter.Number = number;
        counter.Name = name;
        counter.ServedFrom = request.ServedFrom;
        counter.ServedUntil = request.ServedUntil;
        counter.DepartmentId = request.DepartmentId;
        counter.InService = request.InService ?? true;
        counter.IsActive = request.IsActive ?? true;
        counter.ServiceItems.RemoveAll(x => !itemIds.Contains(x.ServiceItemId));
        foreach (var itemId in itemIds.Where(id => counter.ServiceItems.All(x => x.ServiceItemId != id)))
            counter.ServiceItems.Add(new CounterServiceItem { CounterId = counter.Id, ServiceItemId = itemId });
    }

    /// <summary>Two admins racing for one number: the unique index refuses the second.</summary>
    internal static async Task SaveAsync(HallDbContext db, Counter counter, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw DomainException.Conflict(ErrorCodes.CounterNumberTaken, counter.Number);
        }
    }
}
