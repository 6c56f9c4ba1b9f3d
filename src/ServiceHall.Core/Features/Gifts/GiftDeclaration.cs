using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceHall.Core.Features.Gifts;

/// <summary>What was done with the gift.</summary>
public enum GiftHandling
{
    Returned,
    HandedIn,
    Other,
}

public enum GiftReview
{
    Pending,
    Accepted,
    Questioned,
}

/// <summary>
/// 礼品申报登记 (S5: "对一时无法拒绝而接受的礼品，应自觉申报登记"): who, from whom, what, its estimated
/// value, when, and its handling; reviewed by a supervisor. Nothing is changed after review or deleted.
/// </summary>
public class GiftDeclaration
{
    public const int MaxTextLength = 200;

    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public required string Number { get; set; }
    public Guid DeclarantUserId { get; set; }
    /// <summary>The giving unit or a description of the giver; not a citizen's identity document.</summary>
    public required string Giver { get; set; }
    public required string Description { get; set; }
    public decimal EstimatedValue { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public GiftHandling Handling { get; set; }
    public string? HandlingNote { get; set; }
    public DateTime DeclaredAt { get; set; }
    public GiftReview Review { get; set; }
    public Guid? ReviewerUserId { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
    /// <summary>The handling the reviewer accepted (returned, handed in), which may correct the declared one.</summary>
    public GiftHandling? ConfirmedHandling { get; set; }
}

internal sealed class GiftDeclarationConfiguration : IEntityTypeConfiguration<GiftDeclaration>
{
    public void Configure(EntityTypeBuilder<GiftDeclaration> builder)
    {
        builder.Property(g => g.Number).HasMaxLength(24);
        builder.HasIndex(g => new { g.HallId, g.Number }).IsUnique();
        builder.HasIndex(g => new { g.HallId, g.DeclaredAt });
        builder.Property(g => g.Giver).HasMaxLength(GiftDeclaration.MaxTextLength);
        builder.Property(g => g.Description).HasMaxLength(GiftDeclaration.MaxTextLength);
        builder.Property(g => g.HandlingNote).HasMaxLength(GiftDeclaration.MaxTextLength);
        builder.Property(g => g.ReviewNote).HasMaxLength(Reasons.MaxLength);
        builder.Property(g => g.EstimatedValue).HasPrecision(12, 2);
        builder.Property(g => g.Handling).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.Review).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.ConfirmedHandling).HasConversion<string>().HasMaxLength(16);
    }
}
