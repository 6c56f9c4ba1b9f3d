namespace ServiceHall.Core.Features.Calendar;

public enum CalendarDayKind
{
    /// <summary>An official day off (法定节假日 or 调休放假), even on a weekday.</summary>
    DayOff,
    /// <summary>A weekend day worked instead (调休上班).</summary>
    MakeUpWorkday,
    /// <summary>A hall's own override: an ordinary day, whatever the shipped schedule says.</summary>
    Workday,
}

/// <summary>
/// One day of a hall's own calendar, entered by an administrator or imported for a year. It takes
/// precedence over the shipped official schedule for that date.
/// </summary>
public class HallCalendarDay
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    /// <summary>What the day is, e.g. 春节; shown to integrators and on the pages.</summary>
    public string? Name { get; set; }
    /// <summary>Part of a whole year's schedule imported by an administrator: the year is then no longer provisional.</summary>
    public bool Imported { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedByUserId { get; set; }
}

/// <summary>One day of a schedule, from the shipped official data or a hall's own entries.</summary>
public sealed record CalendarEntry(DateOnly Date, CalendarDayKind Kind, string? Name);
