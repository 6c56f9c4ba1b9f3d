namespace ServiceHall.Core.Features.Visits;

/// <summary>An item as the next-step rule sees it: its hall and the step it sends on to.</summary>
public sealed record StepItem(Guid Id, Guid HallId, Guid? NextStepItemId);

/// <summary>
/// P7: an item may name its next step (挂号 → 缴费 → 取药). The step must be an item of the same hall, and following
/// the steps from any item must end: a chain that comes back to an item it passed would send a citizen round for
/// ever under one number. Pure.
/// </summary>
public static class NextSteps
{
    /// <summary>
    /// Why <paramref name="itemId"/> may not name <paramref name="nextStepItemId"/> as its next step, or null. The
    /// hall's other items are given as they are stored; the item's own stored next step is replaced by the new one.
    /// </summary>
    public static (string Code, IReadOnlyList<Guid> Chain)? Problem(Guid itemId, Guid hallId, Guid? nextStepItemId,
        IReadOnlyCollection<StepItem> items)
    {
        if (nextStepItemId is not { } next)
            return null;
        var byId = items.ToDictionary(i => i.Id);
        if (!byId.TryGetValue(next, out var nextItem) || nextItem.HallId != hallId)
            return (ErrorCodes.NextStepNotInHall, [itemId, next]);
        var chain = new List<Guid> { itemId };
        Guid? step = next;
        // Each item is passed at most once before the chain either ends or meets an item again.
        while (step is { } current)
        {
            chain.Add(current);
            if (current == itemId || chain.IndexOf(current) < chain.Count - 1)
                return (ErrorCodes.NextStepCycle, chain);
            step = byId.TryGetValue(current, out var item) ? item.NextStepItemId : null;
        }
        return null;
    }
}
