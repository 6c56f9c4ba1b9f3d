using Microsoft.AspNetCore.Identity;

namespace ServiceHall.Core.Features.Identity;

/// <summary>A person or device account. Staff carry a badge number (工号) shown at the counter.</summary>
public class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public string? BadgeNumber { get; set; }
    /// <summary>The hall the account works in; null for city-wide administrators.</summary>
    public Guid? HallId { get; set; }
    /// <summary>When the account was made (UTC): attendance is expected only from that day on (S3).</summary>
    public DateTime CreatedAt { get; set; }
}

public class Role : IdentityRole<Guid>
{
    public Role() { }
    public Role(string name) : base(name) { }
}
