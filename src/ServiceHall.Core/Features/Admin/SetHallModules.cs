using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;

namespace ServiceHall.Core.Features.Admin;

/// <summary>The modules a hall uses, whole: every module left out is switched off.</summary>
public sealed record HallModulesRequest(IReadOnlyList<HallModule>? Modules);

/// <summary>A hall's modules, with who switched which on or off and when (newest first).</summary>
public sealed record HallModulesView(Guid HallId, List<HallModule> Modules, List<HallModuleChangeView> Changes);

public sealed record HallModuleChangeView(HallModule Module, bool On, DateTime At, Guid UserId, string? UserName);

/// <summary>One module switched on or off in a hall: the audit trail of the setting.</summary>
public class HallModuleChange
{
    public long Id { get; set; }
    public Guid HallId { get; set; }
    public HallModule Module { get; set; }
    public bool On { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; }
}

internal sealed class HallModuleChangeConfiguration : IEntityTypeConfiguration<HallModuleChange>
{
    public void Configure(EntityTypeBuilder<HallModuleChange> builder)
    {
        builder.Property(c => c.Module).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(c => new { c.HallId, c.At });
        builder.HasOne<Hall>().WithMany().HasForeignKey(c => c.HallId);
    }
}

/// <summary>
/// P7: the administrator switches a hall's modules on or off. Each module that changes is recorded with who and when;
/// a module switched off answers 404 on its routes for the hall from the next request, and leaves the hall's menus,
/// pages, kiosk and deadline scans.
/// </summary>
public sealed class SetHallModules(HallDbContext db, TimeProvider time, IHallNotifier notifier)
{
    private const int ChangesShown = 20;

    public async Task<HallModulesView> GetAsync(Guid hallId, CancellationToken ct)
    {
        var off = await db.Halls.AsNoTracking().Where(h => h.Id == hallId).Select(h => h.ModulesOff).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        return await ViewAsync(hallId, off, ct);
    }

    public async Task<HallModulesView> HandleAsync(Guid hallId, HallModulesRequest request, Guid userId, CancellationToken ct)
    {
        var on = request.Modules ?? throw DomainException.Required("modules");
        if (on.Any(m => !Enum.IsDefined(m)))
            throw DomainException.Invalid("modules", HallConfigErrorCodes.ModuleUnknown);
        var now = time.GetUtcNow().UtcDateTime;
        List<HallModule> off;
        var changed = false;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var hall = await db.Halls.FirstOrDefaultAsync(h => h.Id == hallId, ct)
                ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
            off = HallModules.OffWhenOn(on);
            foreach (var module in HallModules.All)
            {
                var was = hall.Uses(module);
                var isOn = HallModules.IsOn(off, module);
                if (was == isOn)
                    continue;
                db.HallModuleChanges.Add(new HallModuleChange { HallId = hallId, Module = module, On = isOn, UserId = userId, At = now });
                changed = true;
            }
            hall.ModulesOff = off;
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        // Kiosks read the modules with the hall: a queue change makes them read it again.
        if (changed)
            notifier.QueueChanged(hallId);
        return await ViewAsync(hallId, off, ct);
    }

    private async Task<HallModulesView> ViewAsync(Guid hallId, List<HallModule> off, CancellationToken ct)
    {
        var changes = await db.HallModuleChanges.AsNoTracking().Where(c => c.HallId == hallId)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(ChangesShown)
            .Select(c => new HallModuleChangeView(c.Module, c.On, c.At, c.UserId,
                db.Users.Where(u => u.Id == c.UserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
        return new HallModulesView(hallId, HallModules.On(off), changes);
    }
}

public static class HallConfigErrorCodes
{
    public const string ModuleUnknown = "ModuleUnknown";
    public const string ModuleNotUsed = "ModuleNotUsed";
    public const string NameRowUnknown = "NameRowUnknown";
}
