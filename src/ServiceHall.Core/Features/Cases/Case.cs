using ServiceHall.Core.Features.Guides;

namespace ServiceHall.Core.Features.Cases;

/// <summary>The states of a case (办件, M2–M4); <see cref="CaseStateMachine"/> says which changes are allowed.</summary>
public enum CaseStatus
{
    Registered,
    /// <summary>A one-time notice was issued; the case waits for 补正.</summary>
    AwaitingResubmission,
    Resubmitted,
    Accepted,
    InProgress,
    Completed,
    PickedUp,
    Refused,
    Withdrawn,
}

/// <summary>One application for an item, from registration at the counter to pickup, refusal or withdrawal.</summary>
public class Case
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid ServiceItemId { get; set; }
    public Guid DepartmentId { get; set; }
    /// <summary>办件编号, unique in the hall.</summary>
    public required string Number { get; set; }
    public Guid? TicketId { get; set; }
    public Guid? CounterId { get; set; }
    public CaseStatus Status { get; set; }
    /// <summary>Bumped on every change; a concurrent change of the same case is refused, not merged.</summary>
    public int Version { get; set; }

    // Applicant (P3): sealed by the privacy vault; lists show the masked copy only.
    public string ApplicantNameCipher { get; set; } = "";
    public string ApplicantNameMasked { get; set; } = "";
    public string ApplicantIdNumberCipher { get; set; } = "";
    public string ApplicantIdNumberMasked { get; set; } = "";
    public string ApplicantPhoneCipher { get; set; } = "";
    public string ApplicantPhoneMasked { get; set; } = "";

    public DateTime RegisteredAt { get; set; }
    public Guid RegisteredByUserId { get; set; }

    /// <summary>The item's time limit when the case was registered; later guide edits do not move promises made.</summary>
    public TimeLimitClass TimeLimitClass { get; set; }
    public int PromisedDays { get; set; }
    public int PickupAfterWorkingDays { get; set; }

    /// <summary>受理: who, when, the receipt's number, and the day the period counts from.</summary>
    public DateTime? AcceptedAt { get; set; }
    public Guid? AcceptedByUserId { get; set; }
    public string? ReceiptNumber { get; set; }
    public DateOnly? ReceivedDay { get; set; }
    /// <summary>承诺办结时间 (local date) and the UTC instant it ends (the hall's closing time that day).</summary>
    public DateOnly? DueDate { get; set; }
    public DateTime? DueAt { get; set; }
    public DateOnly? PickupDate { get; set; }

    public DateTime? CompletedAt { get; set; }
    public string? Result { get; set; }
    public DateTime? PickedUpAt { get; set; }

    public string? RefusalReason { get; set; }
    public string? RefusalBasis { get; set; }
    public string? RefusalNumber { get; set; }
    public DateTime? RefusedAt { get; set; }
    public string? WithdrawalReason { get; set; }

    /// <summary>A supervisor's reason allowing one more notice (M3: a second notice is an exception).</summary>
    public string? ExtraNoticeReason { get; set; }
    public Guid? ExtraNoticeApprovedByUserId { get; set; }

    /// <summary>The due date promised at acceptance, before any extension or pause moved it.</summary>
    public DateOnly? OriginalDueDate { get; set; }

    /// <summary>延长审批 (行政许可法 art. 42): working days added with a supervisor's approval, the reason told to the applicant.</summary>
    public int ExtensionDays { get; set; }
    public string? ExtensionReason { get; set; }
    public string? ExtensionNumber { get; set; }
    public DateTime? ExtendedAt { get; set; }
    public Guid? ExtendedByUserId { get; set; }

    /// <summary>Set while the clock stands still (art. 45: hearing, testing, appraisal, expert review); no deadline alert meanwhile.</summary>
    public DateTime? ClockPausedAt { get; set; }
    /// <summary>Working days the clock stood still over all pauses so far; the due date has moved by as many.</summary>
    public int PausedWorkingDays { get; set; }

    public List<CaseMaterial> Materials { get; set; } = [];
    public List<CaseClockPause> Pauses { get; set; } = [];
    public List<CaseEvent> Events { get; set; } = [];
    public List<OneTimeNotice> Notices { get; set; } = [];
}

/// <summary>A material of the item's list as it stood when the case was registered, ticked when received.</summary>
public class CaseMaterial
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid MaterialId { get; set; }
    public int SortOrder { get; set; }
    public string Name { get; set; } = "";
    public string Issuer { get; set; } = "";
    public int Originals { get; set; }
    public int Copies { get; set; }
    public bool IsRequired { get; set; }
    public string Notes { get; set; } = "";
    public bool Received { get; set; }
}

/// <summary>One change of a case: who, when, from and to which state, and why.</summary>
public class CaseEvent
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>The case's version after the change: orders events that share a timestamp.</summary>
    public int Sequence { get; set; }
    public CaseStatus? FromStatus { get; set; }
    public CaseStatus ToStatus { get; set; }
    public DateTime At { get; set; }
    public Guid UserId { get; set; }
    public string? Note { get; set; }
    /// <summary>A step that does not change the state (特别程序, an extra notice's approval); null for a change of state.</summary>
    public CaseStep? Step { get; set; }
}

/// <summary>Steps recorded on a case without a change of state.</summary>
public enum CaseStep
{
    ExtraNoticeApproved,
    /// <summary>延长审批 (art. 42).</summary>
    Extended,
    /// <summary>The clock paused for a hearing, testing, appraisal or expert review (art. 45).</summary>
    ClockPaused,
    ClockResumed,
}

/// <summary>Why the clock of a case may stand still (行政许可法 art. 45).</summary>
public enum ClockPauseKind
{
    /// <summary>听证.</summary>
    Hearing,
    /// <summary>检验、检测、检疫.</summary>
    Testing,
    /// <summary>鉴定.</summary>
    Appraisal,
    /// <summary>专家评审.</summary>
    ExpertReview,
}

/// <summary>
/// One pause of a case's clock (art. 45), with the written notice given to the applicant: who paused
/// and resumed it, when, why, and how many working days did not count.
/// </summary>
public class CaseClockPause
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>特别程序告知书 number.</summary>
    public required string Number { get; set; }
    public ClockPauseKind Kind { get; set; }
    public string Reason { get; set; } = "";
    public DateTime PausedAt { get; set; }
    public DateOnly PausedDay { get; set; }
    public Guid PausedByUserId { get; set; }
    public DateTime? ResumedAt { get; set; }
    public DateOnly? ResumedDay { get; set; }
    public Guid? ResumedByUserId { get; set; }
    public int WorkingDays { get; set; }
}

/// <summary>
/// 一次性告知书 (M3): one numbered notice listing every missing material, the next steps and the
/// special points, with the counter, the badge number and the date it was issued.
/// </summary>
public class OneTimeNotice
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid HallId { get; set; }
    public required string Number { get; set; }
    public int SequenceInCase { get; set; }
    public DateTime IssuedAt { get; set; }
    public Guid IssuedByUserId { get; set; }
    public string StaffName { get; set; } = "";
    public string? BadgeNumber { get; set; }
    public int? CounterNumber { get; set; }
    public List<NoticeMaterial> MissingMaterials { get; set; } = [];
    public string NextSteps { get; set; } = "";
    public string SpecialNotes { get; set; } = "";
    /// <summary>A second or later notice for the same case: counted as an exception in reports.</summary>
    public bool IsException { get; set; }
    public string? ExceptionReason { get; set; }
    public Guid? ExceptionApprovedByUserId { get; set; }
}

public class NoticeMaterial
{
    public string Name { get; set; } = "";
    public string Issuer { get; set; } = "";
    public int Originals { get; set; }
    public int Copies { get; set; }
    public string Notes { get; set; } = "";
}

/// <summary>Per hall, kind and year: 受理、告知、不予受理 documents and case numbers are numbered without gaps.</summary>
public class DocumentSequence
{
    public Guid HallId { get; set; }
    public string Kind { get; set; } = "";
    public int Year { get; set; }
    public int LastNumber { get; set; }
}
