using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Guides;

public sealed record MaterialView(Guid Id, string Name, string Issuer, int Originals, int Copies, bool IsRequired, string Notes);

public sealed record QuestionView(string Question, string Answer);

public sealed record GuideCounterView(Guid Id, int Number, string Name);

/// <summary>Everything a citizen needs before coming (M1), in one document.</summary>
public sealed record ServiceGuideView(
    Guid ServiceItemId, Guid HallId, string ItemName, string Prefix, string DepartmentName, string ItemType,
    string LegalBasis, string ImplementingBody, TimeLimitClass TimeLimitClass, int? StatutoryDays, int PromisedDays,
    int PickupAfterWorkingDays, string AcceptanceConditions, List<string> ProcessSteps, string Fees, string FeeBasis,
    string HallName, string? HallAddress, string Location, TimeOnly OpensAt, TimeOnly ClosesAt, string ConsultPhone,
    string SupervisePhone, string SpecialNotes, List<QuestionView> Questions, List<MaterialView> Materials,
    List<GuideCounterView> Counters, bool Published, DateTime? UpdatedAt);

public sealed class GetServiceGuide(HallDbContext db)
{
    public async Task<ServiceGuideView> HandleAsync(Guid hallId, Guid serviceItemId, CancellationToken ct)
    {
        var item = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == serviceItemId && i.HallId == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.ServiceItemNotFound);
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == hallId, ct);
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == item.DepartmentId)
            .Select(d => LocalNames.Of(d.Name, d.NameEn)).FirstAsync(ct);
        var guide = await db.ServiceGuides.AsNoTracking().Include(g => g.Materials)
            .FirstOrDefaultAsync(g => g.ServiceItemId == serviceItemId, ct);
        var counters = await db.Counters.AsNoTracking()
            .Where(c => c.HallId == hallId && c.ServiceItems.Any(s => s.ServiceItemId == serviceItemId))
            .OrderBy(c => c.Number).Select(c => new GuideCounterView(c.Id, c.Number, LocalNames.Of(c.Name, c.NameEn))).ToListAsync(ct);
        // An item without a written guide still shows what the hall knows: name, department, place, hours, counters.
        var g = guide ?? new ServiceGuide { ServiceItemId = serviceItemId, HallId = hallId };
        return new ServiceGuideView(item.Id, hallId, LocalNames.Of(item.Name, item.NameEn), item.Prefix, department, g.ItemType, g.LegalBasis,
            g.ImplementingBody.Length > 0 ? g.ImplementingBody : department, g.TimeLimitClass, g.StatutoryDays, g.PromisedDays,
            g.PickupAfterWorkingDays, g.AcceptanceConditions, g.ProcessSteps, g.Fees, g.FeeBasis, LocalNames.Of(hall.Name, hall.NameEn), hall.Address,
            g.Location, hall.OpensAt, hall.ClosesAt, g.ConsultPhone, g.SupervisePhone, g.SpecialNotes,
            [.. g.Questions.Select(q => new QuestionView(q.Question, q.Answer))],
            [.. g.Materials.Where(m => !m.IsRetired).OrderBy(m => m.SortOrder)
                .Select(m => new MaterialView(m.Id, m.Name, m.Issuer, m.Originals, m.Copies, m.IsRequired, m.Notes))],
            counters, guide is not null, guide?.UpdatedAt);
    }
}
