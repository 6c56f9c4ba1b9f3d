namespace ServiceHall.Core.Privacy;

/// <summary>
/// One read of a personal value in clear: who, when, whose record, which field, why (P3 audit). Each
/// entry is chained to the one before by a hash (<see cref="PersonalDataReadChain"/>), so that an edited
/// or deleted entry shows.
/// </summary>
public class PersonalDataRead
{
    public Guid Id { get; set; }
    public Guid ReaderUserId { get; set; }
    public PersonalDataKind Kind { get; set; }
    public string SubjectType { get; set; } = "";
    public Guid SubjectId { get; set; }
    public string Purpose { get; set; } = "";
    public DateTime ReadAt { get; set; }
    public Guid? HallId { get; set; }
    /// <summary>The entry's place in the chain, from 1; null only for reads recorded before the chain existed.</summary>
    public long? Sequence { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>The chain's last entry: one row, updated first by every append, so appends queue and never fork.</summary>
public class PersonalDataReadChainHead
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
}
