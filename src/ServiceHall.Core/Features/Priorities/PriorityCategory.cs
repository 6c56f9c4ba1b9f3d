using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Priorities;

/// <summary>
/// A hall's own priority category (Q2, 优先通道): what the kiosk offers and the counter checks. Its <see cref="Class"/>
/// is one of the queue's fixed classes, which decides its lane (emergency, or the other priority lane) and keeps
/// reports by class working; the names, order, verification and whether it is offered are the hall's. Tickets
/// refer to it, so it is deactivated, never deleted (docs/decisions/ADR-031-priority-categories.md).
/// </summary>
public class PriorityCategory
{
    public const int NameZhMaxLength = 20;
    public const int NameEnMaxLength = 40;
    /// <summary>A kiosk screen of 64 px buttons holds this many beside "normal" without scrolling.</summary>
    public const int MaxActivePerHall = 8;

    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    /// <summary>The order the kiosk and the counter show the categories in.</summary>
    public int SortOrder { get; set; }
    /// <summary>The queue's class: never <see cref="TicketPriority.Normal"/>.</summary>
    public TicketPriority Class { get; set; }
    /// <summary>Staff check the claim at the counter (军人证, 残疾人证, ID card…) and record it verified or downgraded.</summary>
    public bool RequiresVerification { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>
/// A counter's check of a ticket's priority claim: verified, or downgraded (not entitled) with a reason. Who, when,
/// at which counter and for which category: the fairness figures are counted from these.
/// </summary>
public class PriorityClaimCheck
{
    public Guid Id { get; set; }
    public Guid HallId { get; set; }
    public Guid TicketId { get; set; }
    public Guid CategoryId { get; set; }
    /// <summary>The class the ticket was issued with (a downgrade sets the ticket's own to normal).</summary>
    public TicketPriority ClaimedClass { get; set; }
    /// <summary>The hall's business day of the ticket.</summary>
    public DateOnly BusinessDay { get; set; }
    public Guid CounterId { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; }
    public bool Downgraded { get; set; }
    /// <summary>Why the citizen was not entitled, as shown to supervisors: ID and mobile numbers in it masked (P3).</summary>
    public string? Reason { get; set; }
    /// <summary>The reason as written, sealed by the privacy vault when it held such numbers; empty otherwise.</summary>
    public string ReasonCipher { get; set; } = "";
}

internal sealed class PriorityCategoryConfiguration : IEntityTypeConfiguration<PriorityCategory>
{
    public void Configure(EntityTypeBuilder<PriorityCategory> builder)
    {
        // Named as the other tables are (their DbSets'): the feature reads it through Set<>, leaving the context alone.
        builder.ToTable("PriorityCategories");
        builder.Property(c => c.NameZh).HasMaxLength(PriorityCategory.NameZhMaxLength);
        builder.Property(c => c.NameEn).HasMaxLength(PriorityCategory.NameEnMaxLength);
        // Two admins racing for one name: the index refuses the second.
        builder.HasIndex(c => new { c.HallId, c.NameZh }).IsUnique();
        builder.HasOne<Hall>().WithMany().HasForeignKey(c => c.HallId);
    }
}

internal sealed class PriorityClaimCheckConfiguration : IEntityTypeConfiguration<PriorityClaimCheck>
{
    public void Configure(EntityTypeBuilder<PriorityClaimCheck> builder)
    {
        builder.ToTable("PriorityClaimChecks");
        builder.Property(c => c.Reason).HasMaxLength(Reasons.MaxLength);
        // A claim is checked once: a second check of the same ticket is refused by the index as well as by the use case.
        builder.HasIndex(c => c.TicketId).IsUnique();
        builder.HasIndex(c => new { c.HallId, c.BusinessDay });
        builder.HasOne<PriorityCategory>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
