namespace ServiceHall.Core.Features.Guides;

/// <summary>How long an item may take (M5), per GB/T 39046 A.6 and the hall's promise.</summary>
public enum TimeLimitClass
{
    /// <summary>即办件: done at the counter.</summary>
    Immediate,
    /// <summary>当天办结.</summary>
    SameDay,
    /// <summary>承诺件: done within the promised number of working days.</summary>
    Promised,
    /// <summary>协调件: needs other departments; a reply within a number of calendar days ("一周内答复").</summary>
    Coordination,
}

/// <summary>
/// The public service guide (办事指南, M1) of one item, with the fields of GB/T 39046 table 4.
/// Counters, hall address and hours come from the hall itself so they never disagree.
/// </summary>
public class ServiceGuide
{
    public Guid ServiceItemId { get; set; }
    public Guid HallId { get; set; }
    /// <summary>事项类型, e.g. 行政许可, 公共服务.</summary>
    public string ItemType { get; set; } = "";
    /// <summary>设定依据.</summary>
    public string LegalBasis { get; set; } = "";
    /// <summary>实施主体; the item's department when empty.</summary>
    public string ImplementingBody { get; set; } = "";
    public TimeLimitClass TimeLimitClass { get; set; } = TimeLimitClass.Promised;
    /// <summary>法定办结时限 in working days; null when the law sets none.</summary>
    public int? StatutoryDays { get; set; }
    /// <summary>承诺办结时限: working days for promised items, calendar days for coordination items.</summary>
    public int PromisedDays { get; set; } = 3;
    /// <summary>Working days after completion before the result can be picked up (0: the same day).</summary>
    public int PickupAfterWorkingDays { get; set; }
    /// <summary>受理条件.</summary>
    public string AcceptanceConditions { get; set; } = "";
    /// <summary>办理流程, one step a line.</summary>
    public List<string> ProcessSteps { get; set; } = [];
    /// <summary>收费标准; empty means free of charge.</summary>
    public string Fees { get; set; } = "";
    /// <summary>收费依据.</summary>
    public string FeeBasis { get; set; } = "";
    /// <summary>办理地点 beyond the hall's address, e.g. 一楼 A 区.</summary>
    public string Location { get; set; } = "";
    public string ConsultPhone { get; set; } = "";
    public string SupervisePhone { get; set; } = "";
    /// <summary>Points the one-time notice repeats to every applicant (注意的特殊事项).</summary>
    public string SpecialNotes { get; set; } = "";
    public List<GuideQuestion> Questions { get; set; } = [];
    public List<ServiceMaterial> Materials { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedByUserId { get; set; }
}

/// <summary>常见问题.</summary>
public class GuideQuestion
{
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
}

/// <summary>One required or optional material of an item (table 4: 材料名称, 出具机构, 原件/复印件份数, 是否必备).</summary>
public class ServiceMaterial
{
    public Guid Id { get; set; }
    public Guid ServiceItemId { get; set; }
    public int SortOrder { get; set; }
    public string Name { get; set; } = "";
    public string Issuer { get; set; } = "";
    public int Originals { get; set; }
    public int Copies { get; set; }
    public bool IsRequired { get; set; } = true;
    public string Notes { get; set; } = "";
    /// <summary>Removed from the guide; kept because cases refer to it.</summary>
    public bool IsRetired { get; set; }
}
