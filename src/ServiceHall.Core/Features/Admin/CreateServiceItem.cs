using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Visits;

namespace ServiceHall.Core.Features.Admin;

/// <summary>
/// A service item's settings; a PUT replaces them all, including the counters that serve it — except the call
/// announcements (请{number}号到{counter}号窗口取药), which a request without them leaves as they are.
/// </summary>
public sealed record ServiceItemRequest(
    string? Name,
    string? Prefix,
    Guid? DepartmentId,
    int? MaxWaiting = null,
    int? MaxWaitMinutes = null,
    int? AverageServiceMinutes = null,
    Guid[]? CounterIds = null,
    int? SortOrder = null,
    bool? IsActive = null,
    TimeOnly? ServedFrom = null,
    TimeOnly? ServedUntil = null,
    int? DailyQuota = null,
    string? AnnouncementZh = null,
    string? AnnouncementEn = null,
    Guid? NextStepItemId = null,
    bool? ReadyToCollect = null);

/// <summary>
/// A service item (事项): its ticket prefix, unique in the hall (Q1), its alert thresholds, default
/// 10 people and 10 minutes (Q5), and the counters that serve it. Issuable as soon as it is saved.
/// </summary>
public sealed partial class CreateServiceItem(HallDbContext db, TimeProvider time, IHallNotifier notifier)
{
    public async Task<ServiceItemSettingsView> HandleAsync(Guid hallId, ServiceItemRequest request, CancellationToken ct)
    {
        ServiceItemSettingsView view;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
                throw DomainException.NotFound(ErrorCodes.HallNotFound);
            var item = new ServiceItem { Id = Guid.CreateVersion7(time.GetUtcNow()), HallId = hallId, Name = "", Prefix = "" };
            await ApplyAsync(db, item, request, ct);
            db.ServiceItems.Add(item);
            await SaveAsync(db, item, ct);
            await write.CommitAsync(ct);
            view = ServiceItemSettingsView.From(item);
        }
        notifier.QueueChanged(hallId);
        return view;
    }

    internal static async Task ApplyAsync(HallDbContext db, ServiceItem item, ServiceItemRequest request, CancellationToken ct)
    {
        var name = AdminInput.Text(request.Name, "name", 100);
        var prefix = AdminInput.Text(request.Prefix, "prefix", 3).ToUpperInvariant();
        if (!PrefixPattern().IsMatch(prefix))
            throw DomainException.Invalid("prefix", ErrorCodes.PrefixInvalid, prefix);
        var departmentId = AdminInput.Required(request.DepartmentId, "departmentId");
        var maxWaiting = AdminInput.Range(request.MaxWaiting, "maxWaiting", 1, 999, 10);
        var maxWaitMinutes = AdminInput.Range(request.MaxWaitMinutes, "maxWaitMinutes", 1, 480, 10);
        var serviceMinutes = AdminInput.Range(request.AverageServiceMinutes, "averageServiceMinutes", 1, 240, 5);
        var sortOrder = AdminInput.Range(request.SortOrder, "sortOrder", 0, 9999, 0);
        // Item hours lie within the hall's; either end may be left open (the hall's opening or cut-off).
        if (request is { ServedFrom: { } from, ServedUntil: { } until } && from >= until)
            throw DomainException.Invalid("servedUntil", ErrorCodes.HoursInvalid, from, until);
        int? quota = request.DailyQuota is null ? null : AdminInput.Range(request.DailyQuota, "dailyQuota", 1, 9999);
        var announcementZh = Announcement(request.AnnouncementZh, "announcementZh") ?? item.AnnouncementZh;
        var announcementEn = Announcement(request.AnnouncementEn, "announcementEn") ?? item.AnnouncementEn;
        if (departmentId != item.DepartmentId)
            await HallReferences.ActiveDepartmentAsync(db, item.HallId, departmentId, ct);
        if (await db.ServiceItems.AnyAsync(i => i.HallId == item.HallId && i.Prefix == prefix && i.Id != item.Id, ct))
            throw DomainException.Conflict(ErrorCodes.PrefixTaken, prefix);
        await CheckNextStepAsync(db, item, name, request.NextStepItemId, ct);
        var counterIds = (request.CounterIds ?? []).Distinct().ToList();
        var known = await db.Counters.CountAsync(c => c.HallId == item.HallId && counterIds.Contains(c.Id), ct);
        if (known != counterIds.Count)
            throw DomainException.Invalid("counterIds", ErrorCodes.CounterNotFound);

        item.Name = name;
        item.Prefix = prefix;
        item.DepartmentId = departmentId;
        item.MaxWaiting = maxWaiting;
        item.MaxWaitMinutes = maxWaitMinutes;
        item.AverageServiceMinutes = serviceMinutes;
        item.SortOrder = sortOrder;
        item.ServedFrom = request.ServedFrom;
        item.ServedUntil = request.ServedUntil;
        item.DailyQuota = quota;
        item.IsActive = request.IsActive ?? true;
        (item.AnnouncementZh, item.AnnouncementEn) = (announcementZh, announcementEn);
        item.NextStepItemId = request.NextStepItemId;
        item.ReadyToCollect = request.ReadyToCollect ?? false;
        item.Counters.RemoveAll(x => !counterIds.Contains(x.CounterId));
        foreach (var counterId in counterIds.Where(id => item.Counters.All(x => x.CounterId != id)))
            item.Counters.Add(new CounterServiceItem { CounterId = counterId, ServiceItemId = item.Id });
    }

    /// <summary>A call announcement as typed, refused when it names a placeholder other than {number} and {counter} or lacks {number}.</summary>
    private static string? Announcement(string? value, string field)
    {
        var text = AdminInput.OptionalText(value, field, CallAnnouncement.MaxLength);
        if (text is not null && CallAnnouncement.Problem(text) is { } problem)
            throw DomainException.Invalid(field, problem.Code, problem.Detail);
        return text;
    }

    /// <summary>The next step must be an item of the hall, and the steps must not lead back (<see cref="NextSteps"/>).</summary>
    private static async Task CheckNextStepAsync(HallDbContext db, ServiceItem item, string name, Guid? nextStepItemId,
        CancellationToken ct)
    {
        if (nextStepItemId is not { } next)
            return;
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.HallId == item.HallId || i.Id == next)
            .Select(i => new { i.Id, i.HallId, i.NextStepItemId, i.Prefix, i.Name }).ToListAsync(ct);
        var steps = items.Select(i => new StepItem(i.Id, i.HallId, i.NextStepItemId)).ToList();
        if (NextSteps.Problem(item.Id, item.HallId, next, steps) is not { } problem)
            return;
        // The chain as the administrator knows it: 门诊挂号 → 门诊缴费 → 门诊挂号 (the item being saved under its new name).
        var names = items.ToDictionary(i => i.Id, i => i.Name);
        names[item.Id] = name;
        var chain = string.Join(" → ", problem.Chain.Select(id => names.GetValueOrDefault(id, id.ToString())));
        throw DomainException.Invalid("nextStepItemId", problem.Code, chain);
    }

    /// <summary>Two admins racing for one prefix: the unique index refuses the second.</summary>
    internal static async Task SaveAsync(HallDbContext db, ServiceItem item, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw DomainException.Conflict(ErrorCodes.PrefixTaken, item.Prefix);
        }
    }

    /// <summary>Latin capitals only: the number is read aloud (请A001号) and printed on 80 mm paper.</summary>
    [GeneratedRegex("^[A-Z]{1,3}$")]
    private static partial Regex PrefixPattern();
}
