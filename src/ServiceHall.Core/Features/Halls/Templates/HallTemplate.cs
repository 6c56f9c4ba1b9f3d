using ServiceHall.Core.Features.Conduct;

namespace ServiceHall.Core.Features.Halls.Templates;

/// <summary>
/// What a new hall of a kind starts with (P7). Plain data, no I/O: creating a hall copies it into the
/// hall's own rows (<see cref="ApplyHallTemplate"/>), and nothing reads it afterwards. Modules are listed for the
/// per-hall configuration that follows (issue 16).
/// </summary>
public sealed record HallTemplate(
    HallKind Kind,
    CitizenWords Citizen,
    TemplateHours Hours,
    IReadOnlyList<string> Departments,
    IReadOnlyList<TemplateItem> Items,
    IReadOnlyList<TemplateCounter> Counters,
    IReadOnlyList<TemplatePriority> PriorityCategories,
    IReadOnlyList<HallModule> Modules,
    IReadOnlyList<(string Text, PhraseKind Kind)> Phrases,
    string? NoticeLine = null);

/// <summary>How the hall's public pages name the person served, in Chinese and English.</summary>
public sealed record CitizenWords(string Zh, string En);

/// <summary>The hall's default hours and the weekdays with hours of their own (as <see cref="Hall"/> holds them).</summary>
public sealed record TemplateHours(TimeOnly OpensAt, TimeOnly ClosesAt, TimeOnly IssueCutoff,
    IReadOnlyList<WeekdayHours> Weekdays, TimeOnly? LunchStartsAt = null, TimeOnly? LunchEndsAt = null);

/// <summary>
/// An item: its department (index into <see cref="HallTemplate.Departments"/>), ticket prefix, standard service
/// minutes (the wait estimate until measured), what the citizen does at the counter (the call's last word),
/// hours of its own within the hall's, and the prefix of the item a finished service sends the citizen on to.
/// </summary>
public sealed record TemplateItem(string Name, string Prefix, int Department, int StandardMinutes, CallAction Action,
    TimeOnly? ServedFrom = null, TimeOnly? ServedUntil = null, string? NextStepPrefix = null);

/// <summary>A counter by number, its department (index), the prefixes of the items it serves and hours of its own (ADR-033).</summary>
public sealed record TemplateCounter(int Number, int Department, IReadOnlyList<string> ItemPrefixes,
    TimeOnly? ServedFrom = null, TimeOnly? ServedUntil = null);

/// <summary>
/// A priority category as the kiosk offers it, in Chinese and English: its queue class (which decides its lane) and whether
/// staff check the claim at the counter (<see cref="Priorities.PriorityCategory"/>).
/// </summary>
public sealed record TemplatePriority(string Zh, string En, Queue.TicketPriority Class, bool Verify = false);

/// <summary>The parts of the platform a kind of hall uses beyond the queue, ratings and supervision every hall has.</summary>
public enum HallModule
{
    /// <summary>办事指南 (M1).</summary>
    Guides,
    /// <summary>办件, 一次性告知 (M2–M5).</summary>
    Cases,
    /// <summary>首问负责 (M6).</summary>
    Inquiries,
    /// <summary>投诉 (S2).</summary>
    Complaints,
    /// <summary>挂号 → 缴费 → 取药 under one number.</summary>
    MultiStepVisits,
    /// <summary>预约 (Q8).</summary>
    Appointments,
}

/// <summary>The template of each kind.</summary>
public static class HallTemplates
{
    public static HallTemplate For(HallKind kind) => kind switch
    {
        HallKind.Government => GovernmentTemplate.Template,
        HallKind.Hospital => HospitalTemplate.Template,
        HallKind.TicketOffice => TicketOfficeTemplate.Template,
        HallKind.PropertyDesk => PropertyDeskTemplate.Template,
        _ => throw DomainException.Invalid("kind", ErrorCodes.HallKindUnknown, kind.ToString()),
    };

    public static IReadOnlyList<HallTemplate> All { get; } = Enum.GetValues<HallKind>().Select(For).ToArray();

    /// <summary>Every day of the week open with the default hours: a ticket office and a hospital's emergency window.</summary>
    internal static IReadOnlyList<WeekdayHours> WeekendsOpen(TimeOnly opens, TimeOnly closes, TimeOnly cutoff) =>
        [new(DayOfWeek.Saturday, false, opens, closes, cutoff), new(DayOfWeek.Sunday, false, opens, closes, cutoff)];
}
