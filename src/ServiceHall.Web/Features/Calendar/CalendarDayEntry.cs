using ServiceHall.Core.Features.Calendar;

namespace ServiceHall.Web.Features.Calendar;

/// <summary>One special day as the calendar page shows it.</summary>
public sealed record CalendarDayEntry(CalendarDayKind Kind, string? Name, CalendarSource Source);
