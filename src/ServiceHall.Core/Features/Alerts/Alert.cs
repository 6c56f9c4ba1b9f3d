namespace ServiceHall.Core.Features.Alerts;

public enum AlertKind
{
    /// <summary>More people waiting for an item than its threshold (Q5).</summary>
    QueueTooLong,
    /// <summary>The oldest ticket of an item has waited longer than its threshold (Q5).</summary>
    WaitTooLong,
    /// <summary>A counter scheduled for service has nobody in it (Q6).</summary>
    CounterUnstaffed,
    /// <summary>A counter paused without a substitute past the hall's limit (Q6).</summary>
    CounterPausedTooLong,
    /// <summary>A running case reaches the working day before its promised completion date (M5).</summary>
    CaseDueSoon,
    /// <summary>A running case is past its promised completion date (M5).</summary>
    CaseOverdue,
    /// <summary>An inquiry's promised reply time has passed without the final reply (M6).</summary>
    InquiryOverdue,
    /// <summary>A bad rating's follow-up is past its call-back or rectification deadline (S1).</summary>
    FollowUpOverdue,
    /// <summary>A complaint is past the deadline of its stage (S2).</summary>
    ComplaintOverdue,
}

/// <summary>A condition that needs a supervisor. Raised once, cleared when the condition ends.</summary>
public class Alert
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public AlertKind Kind { get; set; }
    public Guid? ServiceItemId { get; set; }
    public Guid? CounterId { get; set; }
    /// <summary>The case or inquiry the alert is about, for the deadline kinds.</summary>
    public Guid? SubjectId { get; set; }
    /// <summary>Kind and subject in one value, e.g. <c>QueueTooLong:{itemId}</c>; unique while open.</summary>
    public required string ConditionKey { get; set; }
    /// <summary>The measure that crossed the threshold when raised (people, or minutes).</summary>
    public int Value { get; set; }
    public int Threshold { get; set; }
    public DateTime RaisedAt { get; set; }
    /// <summary>Ended by the scan when its condition ended (a counter opened, a case finished…), never by hand.</summary>
    public DateTime? ClearedAt { get; set; }
    /// <summary>When a supervisor took the alert on (确认处理), and who: the record of who handled it.</summary>
    public DateTime? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedByUserId { get; set; }
}

public static class AlertErrors
{
    public const string NotFound = "AlertNotFound";
    public const string Acknowledged = "AlertAcknowledged";
}
