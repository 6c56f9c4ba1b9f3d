using Microsoft.Extensions.Localization;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Ledger;
using ServiceHall.Web.Infrastructure.Spreadsheets;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Ledger;

/// <summary>The ledger's tables as sheets: by item, inquiries and pauses per person, the day summaries, and appointments where there are any.</summary>
public static class LedgerSheets
{
    public static XlsxSheet<LedgerItemRow> Items(IStringLocalizer<LedgerResource> text) => new XlsxSheet<LedgerItemRow>(text, "Ledger_SheetItems")
        .LocalDate("Ledger_Col_PeriodStart", 12, r => r.PeriodStart)
        .Text("Ledger_Col_Counter", 12, r => r.CounterName ?? text["Ledger_Nobody"].Value)
        .Text("Ledger_Col_Staff", 12, r => r.StaffName ?? text["Ledger_Nobody"].Value)
        .Text("Ledger_Col_Badge", 8, r => r.BadgeNumber)
        .Text("Ledger_Col_Department", 12, r => r.DepartmentName)
        .Text("Ledger_Col_Item", 20, r => r.ServiceItemName)
        .Integer("Ledger_Col_Served", 8, r => r.Served)
        .Integer("Ledger_Col_NoShows", 8, r => r.NoShows)
        .Integer("Ledger_Col_TransfersOut", 8, r => r.TransfersOut)
        .Integer("Ledger_Col_TransfersIn", 8, r => r.TransfersIn)
        .Integer("Ledger_Col_Expired", 8, r => r.Expired)
        .Minutes("Ledger_Col_AverageWait", 10, r => r.AverageWaitMinutes)
        .Minutes("Ledger_Col_LongestWait", 10, r => r.LongestWaitMinutes)
        .Minutes("Ledger_Col_AverageService", 10, r => r.AverageServiceMinutes)
        .Minutes("Ledger_Col_LongestService", 10, r => r.LongestServiceMinutes)
        .Integer("Ledger_Col_CasesRegistered", 9, r => r.CasesRegistered)
        .Integer("Ledger_Col_CasesAccepted", 8, r => r.CasesAccepted)
        .Integer("Ledger_Col_CasesRefused", 9, r => r.CasesRefused)
        .Integer("Ledger_Col_Notices", 10, r => r.NoticesIssued)
        .Integer("Ledger_Col_VerySatisfied", 9, r => r.VerySatisfied)
        .Integer("Ledger_Col_Satisfied", 8, r => r.Satisfied)
        .Integer("Ledger_Col_BasicallySatisfied", 9, r => r.BasicallySatisfied)
        .Integer("Ledger_Col_Dissatisfied", 8, r => r.Dissatisfied)
        .Integer("Ledger_Col_VeryDissatisfied", 10, r => r.VeryDissatisfied);

    public static XlsxSheet<LedgerStaffRow> Staff(IStringLocalizer<LedgerResource> text)
    {
        var sheet = new XlsxSheet<LedgerStaffRow>(text, "Ledger_SheetStaff")
            .LocalDate("Ledger_Col_PeriodStart", 12, r => r.PeriodStart)
            .Text("Ledger_Col_Staff", 12, r => r.StaffName)
            .Text("Ledger_Col_Badge", 8, r => r.BadgeNumber)
            .Integer("Ledger_Col_InquiriesRecorded", 10, r => r.InquiriesRecorded)
            .Integer("Ledger_Col_InquiriesAnswered", 10, r => r.InquiriesAnswered)
            .Integer("Ledger_Col_Pauses", 9, r => r.Pauses)
            .Minutes("Ledger_Col_PauseMinutes", 10, r => r.PauseMinutes);
        foreach (var category in Enum.GetValues<PauseCategory>())
            sheet.Minutes($"Ledger_Col_Pause_{category}", 12, r => r.PausesByCategory.FirstOrDefault(p => p.Category == category)?.Minutes ?? 0);
        return sheet;
    }

    public static XlsxSheet<LedgerSummaryRow> Summaries(IStringLocalizer<LedgerResource> text) => new XlsxSheet<LedgerSummaryRow>(text, "Ledger_SheetSummaries")
        .LocalDate("Ledger_Col_Day", 12, r => r.Day)
        .Text("Ledger_Col_Staff", 12, r => r.StaffName)
        .Text("Ledger_Col_Badge", 8, r => r.BadgeNumber)
        .Text("Ledger_Col_Summary", 60, r => r.Text)
        .LocalDateTime("Ledger_Col_WrittenAt", 17, r => r.WrittenAt)
        .LocalDateTime("Ledger_Col_UpdatedAt", 17, r => r.UpdatedAt);

    public static XlsxSheet<LedgerAppointmentRow> Appointments(IStringLocalizer<LedgerResource> text) =>
        new XlsxSheet<LedgerAppointmentRow>(text, "Ledger_SheetAppointments")
            .LocalDate("Ledger_Col_PeriodStart", 12, r => r.PeriodStart)
            .Text("Ledger_Col_Department", 12, r => r.DepartmentName)
            .Text("Ledger_Col_Item", 20, r => r.ServiceItemName)
            .Integer("Ledger_Col_Booked", 8, r => r.Booked)
            .Integer("Ledger_Col_CheckedIn", 8, r => r.CheckedIn)
            .Integer("Ledger_Col_BookingNoShows", 10, r => r.NoShows)
            .Integer("Ledger_Col_Cancelled", 8, r => r.Cancelled);
}
