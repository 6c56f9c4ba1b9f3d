using ServiceHall.Core.Features.Counters;

namespace ServiceHall.Core.Features.Ledger;

/// <summary>Filters of a ledger view; each one left out means all.</summary>
public sealed record LedgerQuery(DateOnly? From = null, DateOnly? To = null, LedgerPeriod Period = LedgerPeriod.Day,
    Guid? DepartmentId = null, Guid? CounterId = null, Guid? StaffUserId = null, Guid? ServiceItemId = null);

/// <summary>
/// One line of the ledger by business type (经办业务分类): a counter, the staff member who worked it and an item,
/// over one period. Tickets never called have no staff member (expired ones); waits are of tickets taken from the
/// queue (a transferred ticket's wait counts once, at the first counter), services of tickets finished.
/// </summary>
public sealed record LedgerItemRow(DateOnly PeriodStart, Guid? CounterId, int? CounterNumber, string? CounterName,
    Guid? StaffUserId, string? StaffName, string? BadgeNumber, Guid ServiceItemId, string ServiceItemName, string? DepartmentName,
    int Served, int NoShows, int TransfersOut, int TransfersIn, int Expired,
    double? AverageWaitMinutes, double? LongestWaitMinutes, double? AverageServiceMinutes, double? LongestServiceMinutes,
    int CasesRegistered, int CasesAccepted, int CasesRefused, int NoticesIssued,
    int VerySatisfied, int Satisfied, int BasicallySatisfied, int Dissatisfied, int VeryDissatisfied);

/// <summary>Minutes and count of a staff member's pauses of one category (Q6).</summary>
public sealed record LedgerPause(PauseCategory Category, int Count, double Minutes);

/// <summary>
/// What a staff member did over one period beside the items: inquiries recorded (as first receiver) and answered
/// (M6), and pauses with their categories and minutes (Q6) — at the counters filtered, when a counter or department is.
/// </summary>
public sealed record LedgerStaffRow(DateOnly PeriodStart, Guid StaffUserId, string? StaffName, string? BadgeNumber,
    int InquiriesRecorded, int InquiriesAnswered, int Pauses, double PauseMinutes, List<LedgerPause> PausesByCategory);

/// <param name="Text">As stored: ID and mobile numbers masked.</param>
public sealed record LedgerSummaryRow(DateOnly Day, Guid StaffUserId, string? StaffName, string? BadgeNumber, string Text,
    DateTime WrittenAt, DateTime? UpdatedAt);

/// <summary>
/// Appointments (Q8) of one item over one period, by the slots' days: bookings standing, checked in, no-shows, cancelled.
/// They are the item's, not a counter's or a person's, so they are their own table.
/// </summary>
public sealed record LedgerAppointmentRow(DateOnly PeriodStart, Guid ServiceItemId, string ServiceItemName, string? DepartmentName,
    int Booked, int CheckedIn, int NoShows, int Cancelled);

/// <summary>The service ledger (服务日志基础台帐, S6) of a hall over a range, in days, weeks or months.</summary>
/// <param name="OnlyOwn">The reader is a staff member: only their own lines.</param>
/// <param name="Appointments">Empty for a staff member's own view and for a view of one counter or person.</param>
public sealed record ServiceLedger(Guid HallId, DateOnly From, DateOnly To, LedgerPeriod Period, bool OnlyOwn,
    List<LedgerItemRow> Items, List<LedgerStaffRow> Staff, List<LedgerSummaryRow> Summaries, List<LedgerAppointmentRow> Appointments);
