namespace ServiceHall.Core.Privacy;

/// <summary>One read of a personal value in clear: who, when, whose record, which field, why (P3 audit).</summary>
public class PersonalDataRead
{
    public Guid Id { get; set; }
    public Guid ReaderUserId { get; set; }
    public PersonalDataKind Kind { get; set; }
    public string SubjectType { get; set; } = "";
    public Guid SubjectId { get; set; }
    public string Purpose { get; set; } = "";
    public DateTime ReadAt { get; set; }
}
