using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Admin;

/// <summary>A hall's settings as the admin edits them (Q2, Q5–Q7).</summary>
public sealed record HallSettingsView(Guid Id, string Name, string? Address, string TimeZoneId, TimeOnly OpensAt,
    TimeOnly ClosesAt, TimeOnly IssueCutoff, PriorityPolicy PriorityPolicy, int InterleaveNormalsPerPriority,
    bool FairnessEnabled, int NoShowRequeueMinutes, int MaxPauseMinutesWithoutSubstitute, int UnstaffedGraceMinutes,
    string? NoticeLine, List<WeekdayHours> WeekdayHours, TimeOnly? LunchStartsAt, TimeOnly? LunchEndsAt, bool IssueDuringLunch,
    int DayEndGraceMinutes, bool ShowStaffBadge = true, HallKind Kind = HallKind.Government,
    string CitizenWord = Hall.DefaultCitizenWord, string CitizenWordEn = Hall.DefaultCitizenWordEn)
{
    public static HallSettingsView From(Hall h) =>
        new(h.Id, h.Name, h.Address, h.TimeZoneId, h.OpensAt, h.ClosesAt, h.IssueCutoff, h.PriorityPolicy,
            h.InterleaveNormalsPerPriority, h.FairnessEnabled, h.NoShowRequeueMinutes, h.MaxPauseMinutesWithoutSubstitute,
            h.UnstaffedGraceMinutes, h.NoticeLine, [.. h.WeekdayHours], h.LunchStartsAt, h.LunchEndsAt, h.IssueDuringLunch,
            h.DayEndGraceMinutes, h.ShowStaffBadge, h.Kind, h.CitizenWord, h.CitizenWordEn);
}

public sealed record DepartmentView(Guid Id, Guid HallId, string Name, int SortOrder, bool IsActive)
{
    public static DepartmentView From(Department d) => new(d.Id, d.HallId, d.Name, d.SortOrder, d.IsActive);
}

public sealed record CounterSettingsView(Guid Id, Guid HallId, int Number, string Name, Guid? DepartmentId, bool InService,
    bool IsActive, Guid[] ServiceItemIds, TimeOnly? ServedFrom = null, TimeOnly? ServedUntil = null)
{
    public static CounterSettingsView From(Counter c) =>
        new(c.Id, c.HallId, c.Number, c.Name, c.DepartmentId, c.InService, c.IsActive,
            c.ServiceItems.Select(x => x.ServiceItemId).Order().ToArray(), c.ServedFrom, c.ServedUntil);
}

public sealed record ServiceItemSettingsView(Guid Id, Guid HallId, Guid DepartmentId, string Name, string Prefix, int MaxWaiting,
    int MaxWaitMinutes, int AverageServiceMinutes, int SortOrder, bool IsActive, Guid[] CounterIds, TimeOnly? ServedFrom,
    TimeOnly? ServedUntil, int? DailyQuota, string AnnouncementZh = CallAnnouncement.DefaultZh,
    string AnnouncementEn = CallAnnouncement.DefaultEn, Guid? NextStepItemId = null, bool ReadyToCollect = false)
{
    public static ServiceItemSettingsView From(ServiceItem i) =>
        new(i.Id, i.HallId, i.DepartmentId, i.Name, i.Prefix, i.MaxWaiting, i.MaxWaitMinutes, i.AverageServiceMinutes,
            i.SortOrder, i.IsActive, i.Counters.Select(x => x.CounterId).Order().ToArray(), i.ServedFrom, i.ServedUntil,
            i.DailyQuota, i.AnnouncementZh, i.AnnouncementEn, i.NextStepItemId, i.ReadyToCollect);
}

/// <summary>One hall with everything in it, active or not: what the admin pages show.</summary>
public sealed record HallSetup(HallSettingsView Hall, List<DepartmentView> Departments, List<CounterSettingsView> Counters,
    List<ServiceItemSettingsView> ServiceItems);

/// <summary>An account as the admin sees it; never its password or security data.</summary>
public sealed record UserView(Guid Id, string UserName, string DisplayName, string? BadgeNumber, string? Role, Guid? HallId,
    bool IsLocked);
