namespace ServiceHall.Core.Features.Inquiries;

public enum InquiryChannel
{
    OnSite,
    Phone,
    Online,
    /// <summary>Forwarded by the 12345 hotline.</summary>
    Hotline,
}

public enum InquiryStatus
{
    /// <summary>Not answered on the spot: a reply is promised.</summary>
    Open,
    /// <summary>Answered once, finally (on the spot or later).</summary>
    Answered,
}

public enum ForwardReason
{
    /// <summary>"责任人不在": the responsible colleague is away; their name and contact are recorded.</summary>
    ResponsiblePersonAbsent,
    /// <summary>"不属于本部门职责": the accepting department or body is named.</summary>
    NotOurResponsibility,
}

/// <summary>
/// 咨询 under first-asker responsibility (首问负责制, M6): whoever receives it first owns it until the
/// final reply, even when it is forwarded; one final reply closes it.
/// </summary>
public class Inquiry
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    /// <summary>As stored for everyone: ID and mobile numbers written into it are masked (P3).</summary>
    public string Question { get; set; } = "";
    /// <summary>The original question, sealed when it held such numbers; empty otherwise.</summary>
    public string QuestionCipher { get; set; } = "";
    public InquiryChannel Channel { get; set; }
    // The citizen (P3): sealed, masked copy for lists.
    public string CitizenNameCipher { get; set; } = "";
    public string CitizenNameMasked { get; set; } = "";
    public string ContactCipher { get; set; } = "";
    public string ContactMasked { get; set; } = "";
    /// <summary>首问责任人: the recorder, accountable until the final reply.</summary>
    public Guid OwnerUserId { get; set; }
    public DateTime RecordedAt { get; set; }
    public InquiryStatus Status { get; set; }
    public bool AnsweredOnTheSpot { get; set; }
    public DateTime? PromisedReplyAt { get; set; }
    /// <summary>Who works on it after a forward (a colleague); the owner stays accountable.</summary>
    public Guid? HandlerUserId { get; set; }
    public Guid? HandlerDepartmentId { get; set; }
    public string? Reply { get; set; }
    public DateTime? RepliedAt { get; set; }
    public Guid? RepliedByUserId { get; set; }
    public int Version { get; set; }
    public List<InquiryForward> Forwards { get; set; } = [];
}

/// <summary>One forward with its note: to whom, why, and the responsible person's name and contact or the accepting body.</summary>
public class InquiryForward
{
    public Guid Id { get; set; }
    public Guid InquiryId { get; set; }
    public DateTime At { get; set; }
    public Guid ByUserId { get; set; }
    public ForwardReason Reason { get; set; }
    public Guid? ToUserId { get; set; }
    public Guid? ToDepartmentId { get; set; }
    public string? AcceptingBody { get; set; }
    /// <summary>"责任人不在": the absent responsible person's name and how to reach them, so the follow-up can find them.</summary>
    public string? ResponsiblePersonName { get; set; }
    public string? ResponsiblePersonContact { get; set; }
    public string Note { get; set; } = "";
}
