using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.Core.Features.Priorities;

namespace ServiceHall.Core.Features.Admin;

/// <summary>
/// A hall's settings. A PUT replaces them all: a field left out takes its default, as on creation
/// (9:00–17:00, cut-off 16:30, strict priority, fairness on, re-queue 30 min, pause 10 min) — except the
/// citizen words, which a PUT without them keeps. <c>Kind</c> is read on creation only (P7): given, the hall
/// starts from that kind's template; left out, it is an empty government hall as before kinds existed.
/// </summary>
public sealed record HallRequest(
    string? Name,
    string? Address = null,
    string? TimeZoneId = null,
    TimeOnly? OpensAt = null,
    TimeOnly? ClosesAt = null,
    TimeOnly? IssueCutoff = null,
    PriorityPolicy? PriorityPolicy = null,
    int? InterleaveNormalsPerPriority = null,
    bool? FairnessEnabled = null,
    int? NoShowRequeueMinutes = null,
    int? MaxPauseMinutesWithoutSubstitute = null,
    int? UnstaffedGraceMinutes = null,
    string? NoticeLine = null,
    IReadOnlyList<WeekdayHours>? WeekdayHours = null,
    TimeOnly? LunchStartsAt = null,
    TimeOnly? LunchEndsAt = null,
    bool? IssueDuringLunch = null,
    int? DayEndGraceMinutes = null,
    bool? ShowStaffBadge = null,
    HallKind? Kind = null,
    string? CitizenWord = null,
    string? CitizenWordEn = null)
{
    /// <summary>Checks every field and writes them to <paramref name="hall"/>; nothing is written on a refusal.</summary>
    public void ApplyTo(Hall hall)
    {
        var defaults = new Hall { Name = "" };
        var name = AdminInput.Text(Name, "name", 100);
        var address = AdminInput.OptionalText(Address, "address", 200);
        var zone = AdminInput.OptionalText(TimeZoneId, "timeZoneId", 64) ?? defaults.TimeZoneId;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            throw DomainException.Invalid("timeZoneId", ErrorCodes.InvalidTimeZone, zone);
        var opens = OpensAt ?? defaults.OpensAt;
        var closes = ClosesAt ?? defaults.ClosesAt;
        var cutoff = IssueCutoff ?? (ClosesAt is null ? defaults.IssueCutoff : closes);
        if (opens >= closes)
            throw DomainException.Invalid("closesAt", ErrorCodes.HoursInvalid, opens, closes);
        // Q7: issuing stops at the cut-off, never after closing; before opening there is nothing to cut.
        if (cutoff <= opens || cutoff > closes)
            throw DomainException.Invalid("issueCutoff", ErrorCodes.CutoffOutsideHours, opens, closes);
        var interleave = AdminInput.Range(InterleaveNormalsPerPriority, "interleaveNormalsPerPriority", 1, 20, defaults.InterleaveNormalsPerPriority);
        var requeue = AdminInput.Range(NoShowRequeueMinutes, "noShowRequeueMinutes", 0, 240, defaults.NoShowRequeueMinutes);
        var pause = AdminInput.Range(MaxPauseMinutesWithoutSubstitute, "maxPauseMinutesWithoutSubstitute", 1, 240,
            defaults.MaxPauseMinutesWithoutSubstitute);
        var grace = AdminInput.Range(UnstaffedGraceMinutes, "unstaffedGraceMinutes", 0, 120, defaults.UnstaffedGraceMinutes);
        var notice = AdminInput.OptionalText(NoticeLine, "noticeLine", 200);
        var weekdays = CheckWeekdays(WeekdayHours ?? [], opens, closes);
        // The lunch break (午休): both ends or neither, inside the default hours.
        if ((LunchStartsAt is null) != (LunchEndsAt is null))
            throw DomainException.Invalid(LunchStartsAt is null ? "lunchStartsAt" : "lunchEndsAt", ErrorCodes.Required,
                LunchStartsAt is null ? "lunchStartsAt" : "lunchEndsAt");
        if (LunchStartsAt is { } ls && LunchEndsAt is { } le && (ls >= le || ls <= opens || le >= closes))
            throw DomainException.Invalid("lunchEndsAt", ErrorCodes.LunchOutsideHours, opens, closes);
        var dayEnd = AdminInput.Range(DayEndGraceMinutes, "dayEndGraceMinutes", 0, 360, defaults.DayEndGraceMinutes);
        var citizen = AdminInput.OptionalText(CitizenWord, "citizenWord", Hall.CitizenWordMaxLength) ?? hall.CitizenWord;
        var citizenEn = AdminInput.OptionalText(CitizenWordEn, "citizenWordEn", Hall.CitizenWordEnMaxLength) ?? hall.CitizenWordEn;

        hall.Name = name;
        hall.Address = address;
        hall.TimeZoneId = zone;
        hall.OpensAt = opens;
        hall.ClosesAt = closes;
        hall.IssueCutoff = cutoff;
        hall.PriorityPolicy = PriorityPolicy ?? defaults.PriorityPolicy;
        hall.InterleaveNormalsPerPriority = interleave;
        hall.FairnessEnabled = FairnessEnabled ?? defaults.FairnessEnabled;
        hall.NoShowRequeueMinutes = requeue;
        hall.MaxPauseMinutesWithoutSubstitute = pause;
        hall.UnstaffedGraceMinutes = grace;
        hall.NoticeLine = notice;
        hall.WeekdayHours = weekdays;
        (hall.LunchStartsAt, hall.LunchEndsAt) = (LunchStartsAt, LunchEndsAt);
        hall.IssueDuringLunch = IssueDuringLunch ?? defaults.IssueDuringLunch;
        hall.DayEndGraceMinutes = dayEnd;
        hall.ShowStaffBadge = ShowStaffBadge ?? defaults.ShowStaffBadge;
        (hall.CitizenWord, hall.CitizenWordEn) = (citizen, citizenEn);
    }

    /// <summary>One entry a weekday at most; an open one's hours as the defaults' rules (opening before the cut-off, cut-off by closing).</summary>
    private static List<WeekdayHours> CheckWeekdays(IReadOnlyList<WeekdayHours> days, TimeOnly opens, TimeOnly closes)
    {
        if (days.Select(d => d.Day).Distinct().Count() != days.Count || days.Any(d => !Enum.IsDefined(d.Day)))
            throw DomainException.Invalid("weekdayHours", ErrorCodes.WeekdayHoursInvalid, "weekdayHours");
        var checkedDays = new List<WeekdayHours>();
        foreach (var d in days.OrderBy(d => ((int)d.Day + 6) % 7))
        {
            if (d.Closed)
            {
                checkedDays.Add(new WeekdayHours(d.Day, true));
                continue;
            }
            var o = d.OpensAt ?? opens;
            var c = d.ClosesAt ?? closes;
            var cut = d.IssueCutoff ?? c;
            if (o >= c)
                throw DomainException.Invalid("weekdayHours", ErrorCodes.HoursInvalid, o, c);
            if (cut <= o || cut > c)
                throw DomainException.Invalid("weekdayHours", ErrorCodes.CutoffOutsideHours, o, c);
            checkedDays.Add(new WeekdayHours(d.Day, false, o, c, cut));
        }
        return checkedDays;
    }
}

/// <summary>
/// P1, P7: a new hall. Of a kind, it starts from the kind's template: its hours, citizen words, departments,
/// items, counters and phrase lists become the hall's own rows in the same transaction. Without a kind it is
/// empty, and departments, counters and items are added to it next.
/// </summary>
public sealed class CreateHall(HallDbContext db, TimeProvider time)
{
    public async Task<HallSettingsView> HandleAsync(HallRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hall = new Hall { Id = Guid.CreateVersion7(now), Name = "" };
        HallTemplateRows? rows = null;
        if (request.Kind is { } kind)
        {
            if (!Enum.IsDefined(kind))
                throw DomainException.Invalid("kind", ErrorCodes.HallKindUnknown, kind.ToString());
            var template = HallTemplates.For(kind);
            request = ApplyHallTemplate.Settings(template, request);
            hall.Kind = kind;
            hall.ModulesOff = HallModules.OffWhenOn(template.Modules);
            rows = ApplyHallTemplate.Rows(hall.Id, template, now);
        }
        request.ApplyTo(hall);
        await using var write = await db.BeginWriteAsync(ct);
        db.Halls.Add(hall);
        // Every hall offers its kind's priority categories (a hall without a kind: the government's, as before kinds).
        db.Set<PriorityCategory>().AddRange(PriorityClaims.FromTemplate(hall.Id, HallTemplates.For(hall.Kind), now));
        if (rows is not null)
        {
            hall.Departments.AddRange(rows.Departments);
            db.ServiceItems.AddRange(rows.Items);
            db.Counters.AddRange(rows.Counters);
            db.ConductPhrases.AddRange(rows.Phrases);
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return HallSettingsView.From(hall);
    }
}
