using ServiceHall.Core.Features.Counters;

namespace ServiceHall.Core.Features.Halls;

/// <summary>What a citizen comes for (事项); its tickets are numbered with its prefix (Q1).</summary>
public class ServiceItem
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid DepartmentId { get; set; }
    public required string Name { get; set; }
    /// <summary>The English name; null: English pages show <see cref="Name"/>.</summary>
    public string? NameEn { get; set; }
    public required string Prefix { get; set; }
    /// <summary>Alert when more than this many wait (Q5: "排队超过10人").</summary>
    public int MaxWaiting { get; set; } = 10;
    /// <summary>Alert when the oldest has waited longer than this (Q5: "等候时间≤10分钟").</summary>
    public int MaxWaitMinutes { get; set; } = 10;
    /// <summary>Expected minutes per service, for the wait estimate until measured figures exist.</summary>
    public int AverageServiceMinutes { get; set; } = 5;
    public bool IsActive { get; set; } = true;
    /// <summary>Hours of the item within the hall's (e.g. 出入境 only mornings); null for the hall's hours.</summary>
    public TimeOnly? ServedFrom { get; set; }
    public TimeOnly? ServedUntil { get; set; }
    /// <summary>At most this many tickets a day (限号); null for no limit.</summary>
    public int? DailyQuota { get; set; }
    public int SortOrder { get; set; }
    /// <summary>What the display says and shows when a ticket of this item is called (Q4), with {number} and {counter}.</summary>
    public string AnnouncementZh { get; set; } = CallAnnouncement.DefaultZh;
    public string AnnouncementEn { get; set; } = CallAnnouncement.DefaultEn;
    /// <summary>Where a finished service sends the citizen on, under the same number (挂号 → 缴费 → 取药); same hall, no cycle.</summary>
    public Guid? NextStepItemId { get; set; }
    /// <summary>A pharmacy's "ready to collect" mode: a counter marks a ticket ready, and only ready ones are called.</summary>
    public bool ReadyToCollect { get; set; }

    public List<CounterServiceItem> Counters { get; set; } = [];
}
