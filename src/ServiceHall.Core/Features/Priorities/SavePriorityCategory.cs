using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Admin;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Priorities;

/// <summary>A category's settings; a PUT replaces them all (a field left out takes its default, as on creation).</summary>
public sealed record PriorityCategoryRequest(
    string? NameZh,
    string? NameEn,
    TicketPriority? PriorityClass,
    int? SortOrder = null,
    bool? RequiresVerification = null,
    bool? IsActive = null);

/// <summary>
/// The administrator adds or edits a hall's priority category (Q2): names unique in the hall, at most eight offered at
/// once, a class other than normal. Tickets refer to a category, so it is deactivated (<c>isActive: false</c>), never
/// deleted; a deactivated one stays on its tickets and in the figures.
/// </summary>
public sealed class SavePriorityCategory(HallDbContext db, TimeProvider time, IHallNotifier notifier)
{
    public async Task<PriorityCategoryView> CreateAsync(Guid hallId, PriorityCategoryRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        PriorityCategoryView view;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
                throw DomainException.NotFound(ErrorCodes.HallNotFound);
            var category = new PriorityCategory { Id = Guid.CreateVersion7(now), HallId = hallId, NameZh = "", NameEn = "" };
            await ApplyAsync(category, request, isNew: true, ct);
            db.Set<PriorityCategory>().Add(category);
            await SaveAsync(category, ct);
            await write.CommitAsync(ct);
            view = PriorityCategoryView.From(category);
        }
        notifier.QueueChanged(hallId);
        return view;
    }

    public async Task<PriorityCategoryView> UpdateAsync(Guid hallId, Guid categoryId, PriorityCategoryRequest request, CancellationToken ct)
    {
        PriorityCategoryView view;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var category = await db.Set<PriorityCategory>().FirstOrDefaultAsync(c => c.Id == categoryId && c.HallId == hallId, ct)
                ?? throw DomainException.NotFound(ErrorCodes.PriorityCategoryNotFound);
            await ApplyAsync(category, request, isNew: false, ct);
            await SaveAsync(category, ct);
            await write.CommitAsync(ct);
            view = PriorityCategoryView.From(category);
        }
        notifier.QueueChanged(hallId);
        return view;
    }

    private async Task ApplyAsync(PriorityCategory category, PriorityCategoryRequest request, bool isNew, CancellationToken ct)
    {
        var nameZh = AdminInput.Text(request.NameZh, "nameZh", PriorityCategory.NameZhMaxLength);
        var nameEn = AdminInput.Text(request.NameEn, "nameEn", PriorityCategory.NameEnMaxLength);
        var cls = AdminInput.Required(request.PriorityClass, "priorityClass");
        var sortOrder = AdminInput.Range(request.SortOrder, "sortOrder", 0, 999, 0);
        var active = request.IsActive ?? true;
        var others = await db.Set<PriorityCategory>().AsNoTracking()
            .Where(c => c.HallId == category.HallId && c.Id != category.Id).ToListAsync(ct);
        // Only a category turned on counts against the limit: one already offered may be edited in a full hall.
        PriorityClaims.Check(nameZh, nameEn, cls, turnsOn: active && (isNew || !category.IsActive), others);
        category.NameZh = nameZh;
        category.NameEn = nameEn;
        category.Class = cls;
        category.SortOrder = sortOrder;
        category.RequiresVerification = request.RequiresVerification ?? false;
        category.IsActive = active;
    }

    private async Task SaveAsync(PriorityCategory category, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw DomainException.Conflict(ErrorCodes.PriorityCategoryNameTaken, category.NameZh);
        }
    }
}
