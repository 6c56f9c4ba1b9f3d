namespace ServiceHall.Core.Features.Ratings;

/// <summary>The five levels of 好差评; stored by name, mapped to codes only at interfaces (<see cref="SatisfactionCodes"/>).</summary>
public enum SatisfactionLevel
{
    VerySatisfied,
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
    VeryDissatisfied,
}

/// <summary>What a citizen may tick to say why.</summary>
public enum RatingReason
{
    Attitude,
    Efficiency,
    Explanation,
    Process,
    Waiting,
    Environment,
    Other,
}

/// <summary>Where the rating was given (GB/T 39046 table 9: 大厅平板, 二维码/移动).</summary>
public enum RatingChannel
{
    HallPad,
    Phone,
}

/// <summary>One rating of one service (一次一评, S1).</summary>
public class Rating
{
    public const int MaxCommentLength = 500;

    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid TicketId { get; set; }
    public required string TicketNumber { get; set; }
    public Guid? CounterId { get; set; }
    public Guid? StaffUserId { get; set; }
    public Guid ServiceItemId { get; set; }
    public Guid? DepartmentId { get; set; }
    public SatisfactionLevel Level { get; set; }
    /// <summary>Ticked reasons by name, comma separated.</summary>
    public string Reasons { get; set; } = "";
    /// <summary>As stored for everyone: ID and mobile numbers written into it are masked (P3).</summary>
    public string? Comment { get; set; }
    /// <summary>The original comment, sealed when it held such numbers; empty otherwise.</summary>
    public string CommentCipher { get; set; } = "";
    public RatingChannel Channel { get; set; }
    public DateTime ServedAt { get; set; }
    /// <summary>
    /// The business day of the ticket it rates: the day its figures count on (a day that crosses midnight stays one day,
    /// which the local day of <see cref="ServedAt"/> would split).
    /// </summary>
    public DateOnly BusinessDay { get; set; }
    public DateTime RatedAt { get; set; }
    public bool IsBad { get; set; }
    /// <summary>The phone a citizen left with a bad rating for the callback (回访), sealed by the vault; empty when none was left.</summary>
    public string ContactPhoneCipher { get; set; } = "";
    public string ContactPhoneMasked { get; set; } = "";
    /// <summary>申诉复核: a mistaken or malicious bad rating removed from the figures — kept, with who, when and why.</summary>
    public DateTime? ExcludedAt { get; set; }
    public Guid? ExcludedByUserId { get; set; }
    public string? ExclusionReason { get; set; }

    public const int MaxPhoneLength = 20;

    public static bool Bad(SatisfactionLevel level) => level is SatisfactionLevel.Dissatisfied or SatisfactionLevel.VeryDissatisfied;
}

/// <summary>The steps of a bad rating's follow-up: 回访 → 核实 → 整改 → 反馈.</summary>
public enum FollowUpStage
{
    Callback,
    Verification,
    Rectification,
    ReportBack,
    Closed,
}

/// <summary>The follow-up a bad rating opens (S1), with its deadlines in working days.</summary>
public class RatingFollowUp
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid RatingId { get; set; }
    public FollowUpStage Stage { get; set; }
    public DateTime OpenedAt { get; set; }
    /// <summary>Call the citizen back by the end of this day (hall local).</summary>
    public DateOnly CallbackDue { get; set; }
    /// <summary>Rectified and reported back by the end of this day.</summary>
    public DateOnly ResolveDue { get; set; }
    public DateTime? CalledBackAt { get; set; }
    public string? CallbackNote { get; set; }
    public DateTime? VerifiedAt { get; set; }
    /// <summary>Whether the verification found the complaint of the rating justified.</summary>
    public bool? Confirmed { get; set; }
    public string? VerificationNote { get; set; }
    /// <summary>Who rectifies, when confirmed.</summary>
    public Guid? OwnerUserId { get; set; }
    public DateOnly? RectificationDue { get; set; }
    public DateTime? RectifiedAt { get; set; }
    public string? RectificationNote { get; set; }
    public DateTime? ReportedAt { get; set; }
    public string? ReportNote { get; set; }
    /// <summary>What the citizen said when the result was reported back (回访整改满意率).</summary>
    public bool? CitizenSatisfied { get; set; }
    public DateTime? ClosedAt { get; set; }
}

/// <summary>Every step of a follow-up with who and when.</summary>
public class FollowUpEvent
{
    public long Id { get; set; }
    public Guid FollowUpId { get; set; }
    public FollowUpStage From { get; set; }
    public FollowUpStage To { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; }
    public string? Note { get; set; }
}
