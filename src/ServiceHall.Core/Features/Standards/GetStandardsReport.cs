using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Standards;

/// <summary>A department, counter or staff member (or the hall) a figure is for.</summary>
/// <param name="Detail">The counter's number or the staff member's badge number.</param>
public sealed record StandardUnitView(Guid Id, string Name, string? Detail);

/// <param name="To">The period's last day.</param>
public sealed record StandardsReport(Guid HallId, string HallName, string TimeZoneId, StandardPeriod Period, DateOnly From, DateOnly To,
    StandardScope Scope, List<StandardRuleView> Rules, List<StandardUnitView> Units, List<StandardCell> Cells);

/// <summary>
/// S9: the hall's verdict on its own rules for a day, week or month — every rule with a figure, per hall,
/// department, counter or staff member, green / yellow / red against the hall's thresholds.
/// </summary>
public sealed class GetStandardsReport(HallDbContext db, TimeProvider time, ReadStandardFacts read)
{
    public async Task<StandardsReport> HandleAsync(Guid hallId, Guid readerId, StandardPeriod period, DateOnly? date, StandardScope scope,
        CancellationToken ct)
    {
        if (!Enum.IsDefined(period))
            throw DomainException.Invalid("period", ErrorCodes.BadRequest);
        if (!Enum.IsDefined(scope))
            throw DomainException.Invalid("scope", ErrorCodes.BadRequest);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == hallId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var (from, until) = StandardPeriods.Range(period, date ?? new HallClock(hall.TimeZoneId).BusinessDay(now));
        var rules = await HallStandards.LoadAsync(db, hallId, ct);
        var facts = await read.HandleAsync(hall, rules, from, until, now, withRecords: false, ct);
        var units = await StandardUnits.LoadAsync(db, hall, scope, facts, ct);
        var cells = StandardFigures.Compute(hallId, scope, rules, facts, units.Select(u => u.Id));
        return new StandardsReport(hallId, LocalNames.Of(hall.Name, hall.NameEn), hall.TimeZoneId, period, from, until.AddDays(-1), scope,
            [.. rules.Where(r => StandardCatalog.Info(r.Rule).Applies(scope))], units, cells);
    }
}

/// <summary>The units of a scope: the hall's departments, counters or staff (active ones, and any other its records name).</summary>
public static class StandardUnits
{
    public static async Task<List<StandardUnitView>> LoadAsync(HallDbContext db, Hall hall, StandardScope scope, IEnumerable<StandardFact> facts,
        CancellationToken ct)
    {
        var named = facts.Select(f => f.Unit(scope, hall.Id)).OfType<Guid>().ToHashSet();
        switch (scope)
        {
            case StandardScope.Hall:
                return [new StandardUnitView(hall.Id, LocalNames.Of(hall.Name, hall.NameEn), null)];
            case StandardScope.Department:
                return await db.Departments.AsNoTracking().Where(d => d.HallId == hall.Id && (d.IsActive || named.Contains(d.Id)))
                    .OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new StandardUnitView(d.Id, LocalNames.Of(d.Name, d.NameEn), null)).ToListAsync(ct);
            case StandardScope.Counter:
                return await db.Counters.AsNoTracking().Where(c => c.HallId == hall.Id && (c.IsActive || named.Contains(c.Id)))
                    .OrderBy(c => c.Number).Select(c => new StandardUnitView(c.Id, LocalNames.Of(c.Name, c.NameEn), c.Number.ToString())).ToListAsync(ct);
            default:
                var staffRole = await db.Roles.Where(r => r.Name == Roles.Staff).Select(r => r.Id).FirstOrDefaultAsync(ct);
                var people = await db.Users.AsNoTracking()
                    .Where(u => (u.HallId == hall.Id && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == staffRole)) || named.Contains(u.Id))
                    .Select(u => new { u.Id, u.DisplayName, u.BadgeNumber }).ToListAsync(ct);
                return [.. people.OrderBy(p => p.BadgeNumber ?? "~", StringComparer.Ordinal).ThenBy(p => p.DisplayName, StringComparer.Ordinal)
                    .Select(p => new StandardUnitView(p.Id, p.DisplayName, p.BadgeNumber))];
        }
    }
}
