using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Input;

namespace ServiceHall.Core.Features.Guides;

public sealed record MaterialInput(Guid? Id, [Text(GuideLimits.Short)] string? Name, [Text(GuideLimits.Short)] string? Issuer, int Originals, int Copies, bool IsRequired, [Text(GuideLimits.Medium)] string? Notes);

public sealed record QuestionInput([Text(GuideLimits.Medium)] string? Question, [Text(GuideLimits.Long, MultiLine = true)] string? Answer);

public sealed record UpdateServiceGuideRequest(
    [Text(GuideLimits.Short)] string? ItemType, [Text(GuideLimits.Long, MultiLine = true)] string? LegalBasis, [Text(GuideLimits.Short)] string? ImplementingBody, TimeLimitClass? TimeLimitClass, int? StatutoryDays,
    int? PromisedDays, int? PickupAfterWorkingDays, [Text(GuideLimits.Long, MultiLine = true)] string? AcceptanceConditions, [Text(GuideLimits.Medium)] List<string>? ProcessSteps, [Text(GuideLimits.Medium)] string? Fees,
    [Text(GuideLimits.Medium)] string? FeeBasis, [Text(GuideLimits.Short)] string? Location, [Text(GuideLimits.Phone)] string? ConsultPhone, [Text(GuideLimits.Phone)] string? SupervisePhone, [Text(GuideLimits.Long, MultiLine = true)] string? SpecialNotes,
    List<QuestionInput>? Questions, List<MaterialInput>? Materials);

/// <summary>
/// An administrator writes an item's guide as a whole. Materials keep their ids (cases tick them);
/// a material left out is retired, not deleted.
/// </summary>
public sealed class UpdateServiceGuide(HallDbContext db, TimeProvider time, GetServiceGuide get)
{
    public async Task<ServiceGuideView> HandleAsync(Guid hallId, Guid serviceItemId, UpdateServiceGuideRequest request, Guid userId,
        CancellationToken ct)
    {
        Validate(request);
        if (!await db.ServiceItems.AnyAsync(i => i.Id == serviceItemId && i.HallId == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.ServiceItemNotFound);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var guide = await db.ServiceGuides.Include(g => g.Materials).FirstOrDefaultAsync(g => g.ServiceItemId == serviceItemId, ct);
            if (guide is null)
            {
                guide = new ServiceGuide { ServiceItemId = serviceItemId, HallId = hallId };
                db.ServiceGuides.Add(guide);
            }
            guide.ItemType = Text(request.ItemType);
            guide.LegalBasis = Text(request.LegalBasis);
            guide.ImplementingBody = Text(request.ImplementingBody);
            guide.TimeLimitClass = request.TimeLimitClass!.Value;
            guide.StatutoryDays = request.StatutoryDays;
            guide.PromisedDays = request.PromisedDays ?? DefaultDays(guide.TimeLimitClass);
            guide.PickupAfterWorkingDays = request.PickupAfterWorkingDays ?? 0;
            guide.AcceptanceConditions = Text(request.AcceptanceConditions);
            guide.ProcessSteps = [.. (request.ProcessSteps ?? []).Select(Text).Where(s => s.Length > 0)];
            guide.Fees = Text(request.Fees);
            guide.FeeBasis = Text(request.FeeBasis);
            guide.Location = Text(request.Location);
            guide.ConsultPhone = Text(request.ConsultPhone);
            guide.SupervisePhone = Text(request.SupervisePhone);
            guide.SpecialNotes = Text(request.SpecialNotes);
            guide.Questions = [.. (request.Questions ?? []).Select(q => new GuideQuestion { Question = Text(q.Question), Answer = Text(q.Answer) })];
            guide.UpdatedAt = now;
            guide.UpdatedByUserId = userId;

            var inputs = request.Materials ?? [];
            foreach (var material in guide.Materials)
                material.IsRetired = inputs.All(i => i.Id != material.Id);
            for (var n = 0; n < inputs.Count; n++)
            {
                var input = inputs[n];
                var material = input.Id is { } id ? guide.Materials.FirstOrDefault(m => m.Id == id) : null;
                if (input.Id is not null && material is null)
                    throw DomainException.Invalid($"materials[{n}].id", ErrorCodes.MaterialNotFound);
                if (material is null)
                {
                    material = new ServiceMaterial { Id = Guid.CreateVersion7(now), ServiceItemId = serviceItemId };
                    guide.Materials.Add(material);
                    db.Add(material);
                }
                material.SortOrder = n;
                material.Name = Text(input.Name);
                material.Issuer = Text(input.Issuer);
                material.Originals = input.Originals;
                material.Copies = input.Copies;
                material.IsRequired = input.IsRequired;
                material.Notes = Text(input.Notes);
                material.IsRetired = false;
            }
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        return await get.HandleAsync(hallId, serviceItemId, ct);
    }

    public static int DefaultDays(TimeLimitClass kind) => kind switch
    {
        TimeLimitClass.Promised => 3,
        TimeLimitClass.Coordination => 7,
        _ => 0,
    };

    private static void Validate(UpdateServiceGuideRequest r)
    {
        if (r.TimeLimitClass is null)
            throw DomainException.Required("timeLimitClass");
        Length(r.ItemType, "itemType", GuideLimits.Short);
        Length(r.LegalBasis, "legalBasis", GuideLimits.Long);
        Length(r.ImplementingBody, "implementingBody", GuideLimits.Short);
        Length(r.AcceptanceConditions, "acceptanceConditions", GuideLimits.Long);
        Length(r.Fees, "fees", GuideLimits.Medium);
        Length(r.FeeBasis, "feeBasis", GuideLimits.Medium);
        Length(r.Location, "location", GuideLimits.Short);
        Length(r.ConsultPhone, "consultPhone", GuideLimits.Phone);
        Length(r.SupervisePhone, "supervisePhone", GuideLimits.Phone);
        Length(r.SpecialNotes, "specialNotes", GuideLimits.Long);
        Range(r.StatutoryDays, "statutoryDays", 1, GuideLimits.MaxDays);
        Range(r.PickupAfterWorkingDays, "pickupAfterWorkingDays", 0, 30);
        switch (r.TimeLimitClass)
        {
            case TimeLimitClass.Promised or TimeLimitClass.Coordination:
                Range(r.PromisedDays, "promisedDays", 1, GuideLimits.MaxDays);
                break;
            default:
                // 即办件 and 当天办结 promise the day itself; a number of days would contradict the class.
                Range(r.PromisedDays, "promisedDays", 0, 0);
                break;
        }
        if (r.StatutoryDays is { } statutory && r.PromisedDays is { } promised && r.TimeLimitClass == TimeLimitClass.Promised
            && promised > statutory)
            throw DomainException.Invalid("promisedDays", ErrorCodes.PromiseLongerThanStatutory, promised, statutory);
        var steps = r.ProcessSteps ?? [];
        if (steps.Count > GuideLimits.MaxSteps)
            throw DomainException.Invalid("processSteps", ErrorCodes.TooMany, "processSteps", GuideLimits.MaxSteps);
        for (var i = 0; i < steps.Count; i++)
            Length(steps[i], $"processSteps[{i}]", GuideLimits.Medium);
        var questions = r.Questions ?? [];
        if (questions.Count > GuideLimits.MaxQuestions)
            throw DomainException.Invalid("questions", ErrorCodes.TooMany, "questions", GuideLimits.MaxQuestions);
        for (var i = 0; i < questions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(questions[i].Question))
                throw DomainException.Required($"questions[{i}].question");
            Length(questions[i].Question, $"questions[{i}].question", GuideLimits.Medium);
            Length(questions[i].Answer, $"questions[{i}].answer", GuideLimits.Long);
        }
        var materials = r.Materials ?? [];
        if (materials.Count > GuideLimits.MaxMaterials)
            throw DomainException.Invalid("materials", ErrorCodes.TooMany, "materials", GuideLimits.MaxMaterials);
        var names = new HashSet<string>();
        for (var i = 0; i < materials.Count; i++)
        {
            var m = materials[i];
            if (string.IsNullOrWhiteSpace(m.Name))
                throw DomainException.Required($"materials[{i}].name");
            Length(m.Name, $"materials[{i}].name", GuideLimits.Short);
            Length(m.Issuer, $"materials[{i}].issuer", GuideLimits.Short);
            Length(m.Notes, $"materials[{i}].notes", GuideLimits.Medium);
            Range(m.Originals, $"materials[{i}].originals", 0, GuideLimits.MaxCopies);
            Range(m.Copies, $"materials[{i}].copies", 0, GuideLimits.MaxCopies);
            if (m.Originals + m.Copies == 0)
                throw DomainException.Invalid($"materials[{i}].copies", ErrorCodes.MaterialNeedsCopies);
            if (!names.Add(m.Name.Trim()))
                throw DomainException.Invalid($"materials[{i}].name", ErrorCodes.MaterialDuplicate, m.Name.Trim());
        }
    }

    private static string Text(string? value) => value?.Trim() ?? "";

    private static void Length(string? value, string field, int max)
    {
        if (value is not null && value.Trim().Length > max)
            throw DomainException.Invalid(field, ErrorCodes.TooLong, field, max);
    }

    private static void Range(int? value, string field, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
            throw DomainException.Invalid(field, ErrorCodes.OutOfRange, field, min, max);
    }
}
