using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceHall.Core.Features.Identity;

/// <summary>
/// Failed sign-ins in a row for one client address or one typed user name, shared by every node through
/// the database. The key is a digest, so a password typed into the user-name field is not kept.
/// </summary>
public class SignInFailures
{
    public const int KeyLength = 64;
    public string Key { get; set; } = "";
    public int Failures { get; set; }
    public DateTime LastFailureAt { get; set; }
}

internal sealed class SignInFailuresConfiguration : IEntityTypeConfiguration<SignInFailures>
{
    public void Configure(EntityTypeBuilder<SignInFailures> builder)
    {
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(SignInFailures.KeyLength);
        // Quiet keys are deleted by age.
        builder.HasIndex(f => f.LastFailureAt);
    }
}
