namespace ServiceHall.Core.Features.Conduct;

/// <summary>One phrase of a hall's lists (S4); data an administrator edits. Retired, never deleted, so findings keep their phrase.</summary>
public class ConductPhrase
{
    public const int MaxLength = 50;

    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public required string Text { get; set; }
    public PhraseKind Kind { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
}

public enum FindingStatus
{
    Open,
    Confirmed,
    Dismissed,
}

/// <summary>One transcript checked and kept because it belongs to a staff member's service.</summary>
public class ConductCheck
{
    public const int MaxTextLength = 5000;

    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid? StaffUserId { get; set; }
    public Guid? TicketId { get; set; }
    /// <summary>As stored for everyone: ID and mobile numbers written into it are masked (P3).</summary>
    public required string Text { get; set; }
    /// <summary>The original transcript, sealed when it held such numbers; empty otherwise.</summary>
    public string TextCipher { get; set; } = "";
    public int Score { get; set; }
    public bool Greeting { get; set; }
    public bool Farewell { get; set; }
    public DateTime CheckedAt { get; set; }
    public Guid CheckedByUserId { get; set; }
}

/// <summary>A finding of a kept check; a supervisor confirms or dismisses it (S4).</summary>
public class ConductFinding
{
    public Guid Id { get; set; }
    public Guid CheckId { get; set; }
    public Guid HallId { get; set; }
    public Guid? StaffUserId { get; set; }
    public Guid? TicketId { get; set; }
    public Guid? PhraseId { get; set; }
    public required string Phrase { get; set; }
    public required string Matched { get; set; }
    public int Start { get; set; }
    public int Length { get; set; }
    public FindingKind Kind { get; set; }
    public FindingStatus Status { get; set; }
    public DateTime FoundAt { get; set; }
    public Guid? ReviewedByUserId { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
}
