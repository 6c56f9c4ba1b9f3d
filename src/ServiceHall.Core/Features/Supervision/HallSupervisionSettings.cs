using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Supervision;

/// <summary>
/// A hall's own supervision rules (local rules differ: callback in 1 day, rectify in 2–15 working days,
/// arrival, the rating window, counting no rating as 基本满意). A hall without a row uses the
/// configuration's <see cref="SupervisionOptions"/>.
/// </summary>
public class HallSupervisionSettings
{
    public Guid HallId { get; set; }
    public int RatingWindowHours { get; set; }
    public int CallbackWorkingDays { get; set; }
    public int RectifyWorkingDays { get; set; }
    public int ComplaintAssignWorkingDays { get; set; }
    public int ComplaintReplyWorkingDays { get; set; }
    public int ComplaintCloseWorkingDays { get; set; }
    public int EarlyArrivalMinutes { get; set; }
    /// <summary>Null: off. Otherwise a service not rated within this many days counts as 基本满意 in the figures.</summary>
    public int? DefaultRatingAfterDays { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedByUserId { get; set; }
}

internal sealed class HallSupervisionSettingsConfiguration : IEntityTypeConfiguration<HallSupervisionSettings>
{
    public void Configure(EntityTypeBuilder<HallSupervisionSettings> builder)
    {
        builder.HasKey(s => s.HallId);
        builder.HasOne<Halls.Hall>().WithOne().HasForeignKey<HallSupervisionSettings>(s => s.HallId);
    }
}

/// <summary>The rules in force for one hall.</summary>
/// <param name="Custom">False while the hall uses the configuration's defaults.</param>
public sealed record SupervisionRules(int RatingWindowHours, int CallbackWorkingDays, int RectifyWorkingDays, int ComplaintAssignWorkingDays,
    int ComplaintReplyWorkingDays, int ComplaintCloseWorkingDays, int EarlyArrivalMinutes, int? DefaultRatingAfterDays, bool Custom)
{
    public static SupervisionRules From(SupervisionOptions o) => new(o.RatingWindowHours, o.CallbackWorkingDays, o.RectifyWorkingDays,
        o.ComplaintAssignWorkingDays, o.ComplaintReplyWorkingDays, o.ComplaintCloseWorkingDays, o.EarlyArrivalMinutes,
        o.DefaultRatingAfterDays, false);

    public static SupervisionRules From(HallSupervisionSettings s) => new(s.RatingWindowHours, s.CallbackWorkingDays, s.RectifyWorkingDays,
        s.ComplaintAssignWorkingDays, s.ComplaintReplyWorkingDays, s.ComplaintCloseWorkingDays, s.EarlyArrivalMinutes,
        s.DefaultRatingAfterDays, true);
}

/// <summary>Every supervision rule reads its numbers here: the hall's own settings, else the configured defaults; read once per scope.</summary>
public sealed class HallSupervisionRules(HallDbContext db, IOptions<SupervisionOptions> options)
{
    private readonly Dictionary<Guid, SupervisionRules> _loaded = [];

    public async Task<SupervisionRules> ForHallAsync(Guid hallId, CancellationToken ct)
    {
        if (_loaded.TryGetValue(hallId, out var rules))
            return rules;
        var own = await db.HallSupervisionSettings.AsNoTracking().FirstOrDefaultAsync(s => s.HallId == hallId, ct);
        return _loaded[hallId] = own is null ? Defaults : SupervisionRules.From(own);
    }

    public SupervisionRules Defaults => SupervisionRules.From(options.Value);

    /// <summary>After a change in this scope, the rules read from now on are the new ones.</summary>
    public void Changed(Guid hallId, SupervisionRules rules) => _loaded[hallId] = rules;
}
