using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Counters;

/// <summary>A service point (窗口) with its number, e.g. 3号窗口.</summary>
public class Counter
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid? DepartmentId { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    /// <summary>The English name; null: English pages show <see cref="Name"/>.</summary>
    public string? NameEn { get; set; }
    /// <summary>Scheduled to be staffed during service hours; an empty one raises an alert (Q6).</summary>
    public bool InService { get; set; } = true;
    /// <summary>Tickets refer to a counter: it is deactivated, never deleted; an inactive one cannot be opened.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>Hours of its own within the hall's (ADR-033, hall local time); either end empty is the hall's.</summary>
    public TimeOnly? ServedFrom { get; set; }
    public TimeOnly? ServedUntil { get; set; }

    public List<CounterServiceItem> ServiceItems { get; set; } = [];
}

public class CounterServiceItem
{
    public Guid CounterId { get; set; }
    public Guid ServiceItemId { get; set; }
    public Counter? Counter { get; set; }
    public ServiceItem? ServiceItem { get; set; }
}

/// <summary>Who staffs a counter, since when; the current pause if any (Q6).</summary>
public class CounterSession
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid CounterId { get; set; }
    public Guid UserId { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? LastActionAt { get; set; }
    public DateTime? PausedAt { get; set; }
    public string? PauseReason { get; set; }
    /// <summary>What the display shows of the current pause; the reason above is for staff only.</summary>
    public PauseCategory? PauseCategory { get; set; }
    public Guid? SubstituteUserId { get; set; }

    public bool IsOpen => ClosedAt is null;
    public bool IsPaused => PausedAt is not null;

    /// <summary>
    /// Who may act on the counter now: its owner, or during a pause the named substitute, who
    /// keeps the counter staffed ("需由他人临时顶替").
    /// </summary>
    public bool IsOperatedBy(Guid userId) =>
        IsPaused ? SubstituteUserId == userId : UserId == userId;
}

/// <summary>One pause of a session, kept for the record after it ends.</summary>
public class CounterPause
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid CounterId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public required string Reason { get; set; }
    public PauseCategory Category { get; set; } = PauseCategory.Other;
    public Guid? SubstituteUserId { get; set; }
}
