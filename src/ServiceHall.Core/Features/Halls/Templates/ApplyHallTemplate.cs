using ServiceHall.Core.Features.Admin;
using ServiceHall.Core.Features.Conduct;
using ServiceHall.Core.Features.Counters;

namespace ServiceHall.Core.Features.Halls.Templates;

/// <summary>A new hall's own rows, copied from its kind's template: departments, items, counters and phrase lists.</summary>
public sealed record HallTemplateRows(List<Department> Departments, List<ServiceItem> Items, List<Counter> Counters,
    List<ConductPhrase> Phrases);

/// <summary>
/// P7: a hall created from a template. Pure: <see cref="Settings"/> gives the hall request the template fills in
/// (what the administrator typed wins), <see cref="Rows"/> the ordinary rows the hall holds from then on.
/// </summary>
public static class ApplyHallTemplate
{
    /// <summary>The request with the template's hours, notice line and citizen words wherever the request left them out.</summary>
    public static HallRequest Settings(HallTemplate template, HallRequest request) => request with
    {
        OpensAt = request.OpensAt ?? template.Hours.OpensAt,
        ClosesAt = request.ClosesAt ?? template.Hours.ClosesAt,
        IssueCutoff = request.IssueCutoff ?? template.Hours.IssueCutoff,
        WeekdayHours = request.WeekdayHours ?? template.Hours.Weekdays,
        LunchStartsAt = request.LunchStartsAt ?? template.Hours.LunchStartsAt,
        LunchEndsAt = request.LunchEndsAt ?? template.Hours.LunchEndsAt,
        NoticeLine = request.NoticeLine ?? template.NoticeLine,
        CitizenWord = request.CitizenWord ?? template.Citizen.Zh,
        CitizenWordEn = request.CitizenWordEn ?? template.Citizen.En,
    };

    public static HallTemplateRows Rows(Guid hallId, HallTemplate template, DateTime now)
    {
        var departments = template.Departments
            .Select((name, i) => new Department
            {
                Id = Guid.CreateVersion7(now), HallId = hallId, Name = name, NameEn = TemplateEnglishNames.For(name), SortOrder = i,
            })
            .ToList();
        var items = template.Items.Select((t, i) =>
        {
            var (zh, en) = CallAnnouncement.ForAction(t.Action);
            return new ServiceItem
            {
                Id = Guid.CreateVersion7(now), HallId = hallId, DepartmentId = departments[t.Department].Id, Name = t.Name,
                NameEn = TemplateEnglishNames.For(t.Name), Prefix = t.Prefix, AverageServiceMinutes = t.StandardMinutes, ServedFrom = t.ServedFrom,
                ServedUntil = t.ServedUntil, SortOrder = i, AnnouncementZh = zh, AnnouncementEn = en,
            };
        }).ToList();
        var byPrefix = items.ToDictionary(i => i.Prefix);
        foreach (var (t, item) in template.Items.Zip(items))
            item.NextStepItemId = t.NextStepPrefix is { } next ? byPrefix[next].Id : null;
        var counters = template.Counters.Select(t =>
        {
            var counter = new Counter
            {
                Id = Guid.CreateVersion7(now), HallId = hallId, Number = t.Number, Name = $"{t.Number}号窗口",
                NameEn = TemplateEnglishNames.CounterName(t.Number),
                DepartmentId = departments[t.Department].Id, ServedFrom = t.ServedFrom, ServedUntil = t.ServedUntil,
            };
            counter.ServiceItems.AddRange(t.ItemPrefixes.Select(p =>
                new CounterServiceItem { CounterId = counter.Id, ServiceItemId = byPrefix[p].Id }));
            return counter;
        }).ToList();
        var phrases = template.Phrases.Select(p => new ConductPhrase
        {
            Id = Guid.CreateVersion7(now), HallId = hallId, Text = p.Text, Kind = p.Kind, UpdatedAt = now,
        }).ToList();
        return new HallTemplateRows(departments, items, counters, phrases);
    }
}
