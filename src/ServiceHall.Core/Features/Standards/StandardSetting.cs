using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Standards;

/// <summary>A hall's own thresholds and card rule for one rule; a rule without a row uses <see cref="StandardCatalog"/>'s defaults.</summary>
public class StandardSetting
{
    public Guid HallId { get; set; }
    public StandardRule Rule { get; set; }
    public int Yellow { get; set; }
    public int Red { get; set; }
    public CardPolicy Card { get; set; }
    public int? Parameter { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedByUserId { get; set; }
}

internal sealed class StandardSettingConfiguration : IEntityTypeConfiguration<StandardSetting>
{
    public void Configure(EntityTypeBuilder<StandardSetting> builder)
    {
        builder.HasKey(s => new { s.HallId, s.Rule });
        builder.Property(s => s.Rule).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Card).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Hall>().WithMany().HasForeignKey(s => s.HallId);
    }
}

/// <summary>One rule as a hall keeps it: the catalogue's facts with the hall's thresholds.</summary>
/// <param name="Custom">False while the hall uses the default.</param>
public sealed record StandardRuleView(StandardRule Rule, string Code, StandardMeasure Measure, StandardScope Responsible, int Yellow, int Red,
    CardPolicy Card, int? Parameter, bool Custom)
{
    public StandardThreshold Threshold => new(Yellow, Red, Card, Parameter);
}

/// <summary>The rules in force for a hall, every rule in the catalogue's order.</summary>
public static class HallStandards
{
    public static async Task<List<StandardRuleView>> LoadAsync(HallDbContext db, Guid hallId, CancellationToken ct)
    {
        var own = await db.StandardSettings.AsNoTracking().Where(s => s.HallId == hallId).ToDictionaryAsync(s => s.Rule, ct);
        return [.. StandardCatalog.Rules.Select(r => own.TryGetValue(r.Rule, out var s)
            ? new StandardRuleView(r.Rule, r.Code, r.Measure, r.Responsible, s.Yellow, s.Red, s.Card, s.Parameter, true)
            : new StandardRuleView(r.Rule, r.Code, r.Measure, r.Responsible, r.Defaults.Yellow, r.Defaults.Red, r.Defaults.Card, r.Defaults.Parameter, false))];
    }
}

public sealed record StandardSettingRequest(StandardRule Rule, int Yellow, int Red, CardPolicy Card, int? Parameter);

public sealed record StandardSettingsRequest(List<StandardSettingRequest>? Rules);

/// <summary>
/// Supervisors and administrators set a hall's thresholds and card rules, rule by rule; all of a request is
/// checked before anything is written. Cards already issued keep their facts; the next scan uses the new rules.
/// </summary>
public sealed class UpdateStandardSettings(HallDbContext db, TimeProvider time)
{
    public async Task<List<StandardRuleView>> GetAsync(Guid hallId, Guid readerId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        return await HallStandards.LoadAsync(db, hallId, ct);
    }

    public async Task<List<StandardRuleView>> HandleAsync(Guid hallId, Guid userId, StandardSettingsRequest request, CancellationToken ct)
    {
        var rules = request.Rules ?? throw DomainException.Required("rules");
        if (rules.Count == 0)
            throw DomainException.Required("rules");
        if (rules.Select(r => r.Rule).Distinct().Count() != rules.Count)
            throw DomainException.Invalid("rules", ErrorCodes.BadRequest);
        foreach (var r in rules)
        {
            if (!Enum.IsDefined(r.Rule))
                throw DomainException.Invalid("rules", ErrorCodes.BadRequest);
            Verdicts.Validate(StandardCatalog.Info(r.Rule), new StandardThreshold(r.Yellow, r.Red, r.Card, r.Parameter));
        }
        await HallAccess.EnsureAsync(db, hallId, userId, ct);

        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var own = await db.StandardSettings.Where(s => s.HallId == hallId).ToDictionaryAsync(s => s.Rule, ct);
            foreach (var r in rules)
            {
                if (!own.TryGetValue(r.Rule, out var setting))
                    db.StandardSettings.Add(setting = new StandardSetting { HallId = hallId, Rule = r.Rule });
                setting.Yellow = r.Yellow;
                setting.Red = r.Red;
                setting.Card = r.Card;
                setting.Parameter = r.Parameter;
                setting.UpdatedAt = now;
                setting.UpdatedByUserId = userId;
            }
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        return await HallStandards.LoadAsync(db, hallId, ct);
    }
}
