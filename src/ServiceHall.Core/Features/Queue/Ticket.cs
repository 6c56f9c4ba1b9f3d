namespace ServiceHall.Core.Features.Queue;

public enum TicketStatus
{
    Waiting,
    Called,
    Serving,
    Done,
    NoShow,
    Transferred,
    /// <summary>Never called before the day ended (未办理, Q7): terminal, never called on a later day.</summary>
    Expired,
}

/// <summary>Priority classes of Q2 (优先通道).</summary>
public enum TicketPriority
{
    Normal,
    Elderly,
    Disabled,
    Military,
    Pregnant,
    Emergency,
}

public enum TicketChannel
{
    Kiosk,
    Phone,
    Api,
    Appointment,
    Transfer,
    /// <summary>The next step of a multi-step visit (挂号 → 缴费 → 取药): the same number, not a new visit.</summary>
    NextStep,
}

/// <summary>A place in a queue (号票). State changes are conditional updates on <see cref="Status"/>.</summary>
public class Ticket
{
    private TicketPriority _priority;

    public Guid Id { get; set; }
    /// <summary>The citizen's secret for rating from the phone (<see cref="Ratings.RatingKeys"/>); a transfer keeps it.</summary>
    public string RatingKey { get; set; } = "";
    public Guid HallId { get; set; }
    public Guid ServiceItemId { get; set; }
    /// <summary>The hall's local date the number belongs to; numbers restart each business day.</summary>
    public DateOnly BusinessDay { get; set; }
    public int Sequence { get; set; }
    public required string Number { get; set; }
    public TicketPriority Priority
    {
        get => _priority;
        set
        {
            _priority = value;
            Lane = QueueLanes.Rank(value);
        }
    }

    /// <summary>Emergency 0, other priority classes 1, normal 2: stored so each lane has an index.</summary>
    public int Lane { get; private set; } = QueueLanes.Rank(TicketPriority.Normal);
    /// <summary>The hall's priority category claimed at issue (<see cref="Priorities.PriorityCategory"/>); kept after a downgrade.</summary>
    public Guid? PriorityCategoryId { get; set; }
    public TicketChannel Channel { get; set; }
    public TicketStatus Status { get; set; }
    /// <summary>When the citizen first took a ticket; a transfer keeps it.</summary>
    public DateTime IssuedAt { get; set; }
    /// <summary>The place in line: the issue time, or the time of a late arrival's re-queue.</summary>
    public DateTime QueuedAt { get; set; }
    public DateTime? AppointmentStart { get; set; }
    public DateTime? AppointmentEnd { get; set; }
    /// <summary>Set when transferred to one counter: only that counter calls it.</summary>
    public Guid? TargetCounterId { get; set; }
    public Guid? CounterId { get; set; }
    public Guid? CalledByUserId { get; set; }
    public DateTime? CalledAt { get; set; }
    public int RecallCount { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime? NoShowAt { get; set; }
    public int RequeueCount { get; set; }
    /// <summary>Why a counter called this ticket out of order, when it did.</summary>
    public string? CallReason { get; set; }
    public Guid? TransferredFromTicketId { get; set; }
    public Guid? TransferredToTicketId { get; set; }
    public string? TransferReason { get; set; }
    /// <summary>A later step of a visit: the visit's first ticket (the one issued at the kiosk).</summary>
    public Guid? VisitTicketId { get; set; }
    /// <summary>On a finished step: the ticket of the step it sent the citizen on to.</summary>
    public Guid? NextStepTicketId { get; set; }
    /// <summary>
    /// A later step: when the citizen joined this step's line (the previous step's finish). Its place in line is the
    /// visit's issue time (<see cref="QueuedAt"/>); its wait, for the figures, counts from here.
    /// </summary>
    public DateTime? ArrivedAt { get; set; }
    /// <summary>Finished "without next step": the citizen left the visit before the item's next step.</summary>
    public bool SkippedNextStep { get; set; }
    /// <summary>Marked ready to collect (a pharmacy's prescription): still waiting, but now callable.</summary>
    public DateTime? ReadyAt { get; set; }
}

public enum TicketEventKind
{
    Called,
    CalledOutOfOrder,
    Recalled,
    Started,
    Finished,
    NoShow,
    Requeued,
    TransferredOut,
    TransferredIn,
    Expired,
    /// <summary>A counter marked the ticket ready to collect.</summary>
    MarkedReady,
}

/// <summary>
/// Every change of a ticket after its issue, with who and when: the ground truth for reports. The
/// issue itself is the ticket row (IssuedAt, Channel); not writing it twice halves the hottest insert.
/// </summary>
public class TicketEvent
{
    public long Id { get; set; }
    public Guid TicketId { get; set; }
    public Guid HallId { get; set; }
    public TicketEventKind Kind { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public Guid? CounterId { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The last number given per hall, item and business day; incremented atomically.</summary>
public class TicketNumberSequence
{
    public Guid HallId { get; set; }
    public Guid ServiceItemId { get; set; }
    public DateOnly BusinessDay { get; set; }
    public int LastSequence { get; set; }
}

/// <summary>A hall's business day; closed only when its queue is empty (Q7).</summary>
public class BusinessDay
{
    public Guid HallId { get; set; }
    public DateOnly Date { get; set; }
    public DateTime ClosedAt { get; set; }
    /// <summary>Who closed it; null when it closed by itself at closing time plus the grace.</summary>
    public Guid? ClosedByUserId { get; set; }
}
