namespace ServiceHall.Core.Features.Complaints;

/// <summary>Where a complaint came in (S2: "设立专门的投诉渠道").</summary>
public enum ComplaintChannel
{
    OnSite,
    Phone,
    Online,
    SuggestionBox,
    SupervisionCard,
}

/// <summary>What the complaint is about.</summary>
public enum ComplaintSubject
{
    Hall,
    Counter,
    Staff,
    ServiceItem,
}

/// <summary>GB/T 36113: 受理 → 调查 → 处置 → 意见反馈 → 归档, as registration → assignment → investigation → reply → closed.</summary>
public enum ComplaintStatus
{
    Registered,
    Assigned,
    Investigating,
    Replied,
    Closed,
}

public enum ComplaintDisposition
{
    None,
    Malicious,
    Duplicate,
}

public enum ComplaintAction
{
    Registered,
    Assigned,
    InvestigationStarted,
    Replied,
    Closed,
    Reopened,
    MarkedMalicious,
    MarkedDuplicate,
    DeadlineExtended,
}

/// <summary>One complaint (投诉), with the fields of GB/T 39046 table 10. Never deleted.</summary>
public class Complaint
{
    public const int MaxTitleLength = 100;
    public const int MaxContentLength = 2000;

    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    /// <summary>The number told to the complainant, e.g. TS20261123-0001.</summary>
    public required string Number { get; set; }
    /// <summary>What the online form gives the complainant to follow their complaint without an account.</summary>
    public Guid TrackingCode { get; set; }
    public ComplaintChannel Channel { get; set; }
    public required string Title { get; set; }
    /// <summary>As stored for everyone: ID and mobile numbers written into it are masked (P3).</summary>
    public required string Content { get; set; }
    /// <summary>The original content, sealed when it held such numbers; empty otherwise.</summary>
    public string ContentCipher { get; set; } = "";
    public bool Anonymous { get; set; }
    public string ComplainantNameCipher { get; set; } = "";
    public string ComplainantNameMasked { get; set; } = "";
    public string ContactPhoneCipher { get; set; } = "";
    public string ContactPhoneMasked { get; set; } = "";
    public ComplaintSubject Subject { get; set; }
    public ComplaintCategory Category { get; set; } = ComplaintCategory.Other;
    public Guid? CounterId { get; set; }
    public Guid? StaffUserId { get; set; }
    public Guid? ServiceItemId { get; set; }
    public ComplaintStatus Status { get; set; }
    public ComplaintDisposition Disposition { get; set; }
    public string? DispositionReason { get; set; }
    public Guid? DuplicateOfId { get; set; }
    public DateTime RegisteredAt { get; set; }
    public Guid? RegisteredByUserId { get; set; }
    /// <summary>承办单位: the department answerable for it; the assignee (承办人) works in it or for it.</summary>
    public Guid? AssigneeDepartmentId { get; set; }
    public Guid? AssigneeUserId { get; set; }
    public DateTime? AssignedAt { get; set; }
    public DateOnly AssignDue { get; set; }
    public DateOnly ReplyDue { get; set; }
    public DateOnly CloseDue { get; set; }
    public string? Finding { get; set; }
    public string? Reply { get; set; }
    public DateTime? RepliedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int ReopenCount { get; set; }
    /// <summary>延期时限: the stage deadline as last extended; the reason (延期原因) beside it.</summary>
    public DateOnly? ExtendedUntil { get; set; }
    public string? ExtensionReason { get; set; }
    /// <summary>Whether closing found the complaint justified (成立); null when the closer did not say (and for complaints closed before).</summary>
    public bool? Upheld { get; set; }

    /// <summary>The deadline of the stage it is at; none once closed.</summary>
    public static DateOnly? StageDue(ComplaintStatus status, DateOnly assignDue, DateOnly replyDue, DateOnly closeDue) => status switch
    {
        ComplaintStatus.Closed => null,
        ComplaintStatus.Registered => assignDue < replyDue ? assignDue : replyDue,
        ComplaintStatus.Replied => closeDue,
        _ => replyDue,
    };
}

/// <summary>Every change of a complaint with who and when.</summary>
public class ComplaintEvent
{
    public long Id { get; set; }
    public Guid ComplaintId { get; set; }
    public ComplaintAction Action { get; set; }
    public ComplaintStatus From { get; set; }
    public ComplaintStatus To { get; set; }
    /// <summary>Null for the complainant's own online submission.</summary>
    public Guid? UserId { get; set; }
    public DateTime At { get; set; }
    public string? Note { get; set; }
}
