namespace ServiceHall.Core.Features.Halls;

public enum PriorityPolicy
{
    /// <summary>Emergency first, then the other priority classes, then normal.</summary>
    Strict,
    /// <summary>One priority ticket after every N normal ones, so that nobody starves.</summary>
    Interleave,
}

/// <summary>One service hall (服务大厅) with its hours and queue policy (P1, Q2, Q5–Q7).</summary>
public class Hall
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The English name, for English pages and exports; null: they show <see cref="Name"/> (<see cref="LocalNames"/>).</summary>
    public string? NameEn { get; set; }
    /// <summary>Set at creation; the template it chose wrote the hall's rows, which are read from the hall alone.</summary>
    public HallKind Kind { get; set; } = HallKind.Government;
    /// <summary>The modules the hall does not use (<see cref="HallModules"/>); none, so every module, for halls from before modules.</summary>
    public List<Templates.HallModule> ModulesOff { get; set; } = [];
    /// <summary>How the hall's public pages name the person served (群众 / 患者 / 旅客 / 业主), zh and en.</summary>
    public string CitizenWord { get; set; } = DefaultCitizenWord;
    public string CitizenWordEn { get; set; } = DefaultCitizenWordEn;
    public string? Address { get; set; }
    /// <summary>IANA zone; business days and hours are local to the hall.</summary>
    public string TimeZoneId { get; set; } = "Asia/Shanghai";
    /// <summary>Default opening time: every working day without hours of its own in <see cref="WeekdayHours"/>.</summary>
    public TimeOnly OpensAt { get; set; } = new(9, 0);
    public TimeOnly ClosesAt { get; set; } = new(17, 0);
    /// <summary>No ticket is issued from this time on; tickets issued before it are still served (Q7).</summary>
    public TimeOnly IssueCutoff { get; set; } = new(16, 30);
    /// <summary>Hours of particular weekdays (Saturday mornings, a closed Monday); other days keep the defaults.</summary>
    public List<WeekdayHours> WeekdayHours { get; set; } = [];
    /// <summary>The lunch break (午休), both or neither; no unstaffed-counter alert falls in it.</summary>
    public TimeOnly? LunchStartsAt { get; set; }
    public TimeOnly? LunchEndsAt { get; set; }
    /// <summary>Whether the kiosk goes on issuing during the lunch break (tickets wait for the afternoon).</summary>
    public bool IssueDuringLunch { get; set; } = true;
    /// <summary>Minutes after closing when tickets never called end as expired and the day closes by itself (Q7).</summary>
    public int DayEndGraceMinutes { get; set; } = 60;
    public PriorityPolicy PriorityPolicy { get; set; } = PriorityPolicy.Strict;
    public int InterleaveNormalsPerPriority { get; set; } = 3;
    /// <summary>A ticket waiting past its item's threshold is not overtaken by newer priority tickets.</summary>
    public bool FairnessEnabled { get; set; } = true;
    /// <summary>A no-show arriving within this many minutes goes back in line, once.</summary>
    public int NoShowRequeueMinutes { get; set; } = 30;
    /// <summary>A pause without a substitute longer than this raises an alert (Q6).</summary>
    public int MaxPauseMinutesWithoutSubstitute { get; set; } = 10;
    /// <summary>Minutes after opening before an unstaffed in-service counter raises an alert.</summary>
    public int UnstaffedGraceMinutes { get; set; } = 5;
    public string? NoticeLine { get; set; }
    public string? NoticeLineEn { get; set; }
    /// <summary>胸牌/台签公示: the public counter list (display, phones) names the staff member and badge number of each open counter.</summary>
    public bool ShowStaffBadge { get; set; } = true;

    public List<Department> Departments { get; set; } = [];

    public const string DefaultCitizenWord = "群众";
    public const string DefaultCitizenWordEn = "citizen";
    public const int CitizenWordMaxLength = 10;
    public const int CitizenWordEnMaxLength = 20;
}

public class Department
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public int SortOrder { get; set; }
    /// <summary>Items and counters refer to a department: it is deactivated, never deleted.</summary>
    public bool IsActive { get; set; } = true;
}
