using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Priorities;

/// <summary>A category as the issue path needs it.</summary>
public sealed record CategoryFacts(Guid Id, TicketPriority Class, bool IsActive, int SortOrder);

/// <summary>The class and category a ticket is issued with.</summary>
public sealed record PriorityClaim(TicketPriority Priority, Guid? CategoryId);

/// <summary>The lane a category's tickets wait in: the queue's order rule reads lanes, never names.</summary>
public enum PriorityLane
{
    Emergency,
    Priority,
}

/// <summary>The pure rules of a hall's priority categories: which claim a request makes, what a category may be.</summary>
public static class PriorityClaims
{
    /// <summary>The classes a category may have: every class but normal.</summary>
    public static readonly IReadOnlyList<TicketPriority> Classes =
        Enum.GetValues<TicketPriority>().Where(p => p != TicketPriority.Normal).ToArray();

    public static PriorityLane LaneOf(TicketPriority cls) =>
        QueueLanes.Rank(cls) == QueueLanes.Rank(TicketPriority.Emergency) ? PriorityLane.Emergency : PriorityLane.Priority;

    /// <summary>
    /// The claim of an issue request. By category id: the hall's active category, whose class decides (a different
    /// priority class beside it is refused). By the old class names alone (integrators who send <c>"elderly"</c>): the
    /// hall's first active category of that class in the hall's order; a class the hall does not offer is refused, so
    /// that a hall which dropped a category does not still admit it through the API. Normal needs no category.
    /// </summary>
    public static PriorityClaim Resolve(Guid? categoryId, TicketPriority priority, IReadOnlyCollection<CategoryFacts> categories)
    {
        if (categoryId is { } id)
        {
            var category = categories.FirstOrDefault(c => c.Id == id)
                ?? throw DomainException.NotFound(ErrorCodes.PriorityCategoryNotFound);
            if (!category.IsActive)
                throw DomainException.Conflict(ErrorCodes.PriorityCategoryInactive);
            if (priority != TicketPriority.Normal && priority != category.Class)
                throw DomainException.Invalid("priority", ErrorCodes.PriorityCategoryClassMismatch, priority, category.Class);
            return new PriorityClaim(category.Class, category.Id);
        }
        if (priority == TicketPriority.Normal)
            return new PriorityClaim(TicketPriority.Normal, null);
        var offered = categories.Where(c => c.IsActive && c.Class == priority).OrderBy(c => c.SortOrder).FirstOrDefault()
            ?? throw DomainException.Invalid("priority", ErrorCodes.PriorityNotOffered, priority);
        return new PriorityClaim(priority, offered.Id);
    }

    /// <summary>Does a request claim any priority, so that the hall's categories must be read?</summary>
    public static bool Claims(Guid? categoryId, TicketPriority priority) => categoryId is not null || priority != TicketPriority.Normal;

    /// <summary>A new hall's categories, from its kind's template, in the template's order.</summary>
    public static List<PriorityCategory> FromTemplate(Guid hallId, HallTemplate template, DateTime now) =>
        template.PriorityCategories.Select((p, i) => new PriorityCategory
        {
            Id = Guid.CreateVersion7(now), HallId = hallId, NameZh = p.Zh, NameEn = p.En, SortOrder = i, Class = p.Class,
            RequiresVerification = p.Verify,
        }).ToList();

    /// <summary>The category a hall may save: a class other than normal, names free in the hall, at most eight offered.</summary>
    /// <param name="turnsOn">The save offers a category not offered before (a new one, or one made active again).</param>
    /// <param name="others">The hall's other categories.</param>
    public static void Check(string nameZh, string nameEn, TicketPriority cls, bool turnsOn, IReadOnlyCollection<PriorityCategory> others)
    {
        if (!Classes.Contains(cls))
            throw DomainException.Invalid("priorityClass", ErrorCodes.PriorityClassInvalid, cls);
        if (others.Any(c => string.Equals(c.NameZh, nameZh, StringComparison.OrdinalIgnoreCase)))
            throw DomainException.Conflict(ErrorCodes.PriorityCategoryNameTaken, nameZh);
        if (others.Any(c => string.Equals(c.NameEn, nameEn, StringComparison.OrdinalIgnoreCase)))
            throw DomainException.Conflict(ErrorCodes.PriorityCategoryNameTaken, nameEn);
        if (turnsOn && others.Count(c => c.IsActive) >= PriorityCategory.MaxActivePerHall)
            throw DomainException.Conflict(ErrorCodes.PriorityCategoriesTooMany, PriorityCategory.MaxActivePerHall);
    }
}
