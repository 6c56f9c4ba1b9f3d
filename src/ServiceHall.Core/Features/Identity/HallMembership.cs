namespace ServiceHall.Core.Features.Identity;

/// <summary>
/// A person's work in one hall, with the role they have there (ADR-032): a hospital group's clerk may be counter staff in
/// one building and supervisor in the other. The account's own <see cref="User.HallId"/> and Identity role are those of the
/// active membership, the hall the person works in now; the rows here are every hall they may switch to. An account
/// with no row works in its <see cref="User.HallId"/> only, as every account did before memberships.
/// </summary>
public class HallMembership
{
    public Guid UserId { get; set; }
    public Guid HallId { get; set; }
    public required string Role { get; set; }
    public DateTime GrantedAt { get; set; }
    /// <summary>Null for the membership written from the account's own hall when its first other hall was granted.</summary>
    public Guid? GrantedByUserId { get; set; }
}

public enum HallMembershipChangeKind { Granted, RoleChanged, Removed }

/// <summary>The audit trail of memberships: who granted, changed or removed which hall of whom, and when.</summary>
public class HallMembershipChange
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid HallId { get; set; }
    public HallMembershipChangeKind Kind { get; set; }
    public string? OldRole { get; set; }
    public string? NewRole { get; set; }
    public DateTime At { get; set; }
    public Guid ByUserId { get; set; }
}
