using ServiceHall.Core.Features.Halls.Templates;

namespace ServiceHall.Core.Features.Halls;

/// <summary>
/// P7, issue 16: which parts of the platform a hall uses. Pure: the hall stores the modules it has switched off (so that
/// halls from before modules, and a module added later, are on), and this class answers whether one is on and which API
/// routes and staff pages belong to each module. The route table is the one place that says which group is which module:
/// a switched-off module's routes answer 404 for that hall, and its pages say it is not used there.
/// </summary>
public static class HallModules
{
    public static IReadOnlyList<HallModule> All { get; } = Enum.GetValues<HallModule>();

    /// <summary>Whether the hall uses the module.</summary>
    public static bool Uses(this Hall hall, HallModule module) => IsOn(hall.ModulesOff, module);

    public static bool IsOn(IEnumerable<HallModule> off, HallModule module) => !off.Contains(module);

    /// <summary>The modules on, in the enum's order.</summary>
    public static List<HallModule> On(IEnumerable<HallModule> off)
    {
        var set = off.ToHashSet();
        return All.Where(m => !set.Contains(m)).ToList();
    }

    /// <summary>What a hall stores for the modules it uses: every other module, in the enum's order.</summary>
    public static List<HallModule> OffWhenOn(IEnumerable<HallModule> on)
    {
        var set = on.ToHashSet();
        return All.Where(m => !set.Contains(m)).ToList();
    }

    /// <summary>
    /// The route groups of each module, as route patterns without their constraints. A route belongs to a module when its
    /// pattern is one of these or continues one of them past a <c>/</c>.
    /// </summary>
    public static IReadOnlyDictionary<HallModule, IReadOnlyList<string>> Routes { get; } = new Dictionary<HallModule, IReadOnlyList<string>>
    {
        [HallModule.Guides] = ["/api/halls/{hallId}/service-items/{itemId}/guide", "/guide/{hallId}/{itemId}"],
        [HallModule.Cases] =
        [
            "/api/halls/{hallId}/cases", "/api/halls/{hallId}/overdue-cases", "/api/halls/{hallId}/counter-deadlines",
            "/api/cases/{caseId}", "/cases/{caseId}",
        ],
        [HallModule.Inquiries] = ["/api/halls/{hallId}/inquiries", "/api/halls/{hallId}/inquiry-report", "/api/inquiries/{inquiryId}"],
        // A complaint is tracked by its code alone (no hall in the route): the gate lets it through, as it does every route
        // whose hall it cannot tell.
        [HallModule.Complaints] =
        [
            "/api/halls/{hallId}/complaints", "/api/complaints", "/api/halls/{hallId}/statistics/complaints", "/complain",
        ],
        // Ready-to-collect is an item's own mode (a pharmacy without next steps uses it too): its mark is no module's.
        [HallModule.MultiStepVisits] = ["/api/halls/{hallId}/visit-board"],
        [HallModule.Appointments] =
        [
            "/api/halls/{hallId}/service-items/{itemId}/slots", "/api/halls/{hallId}/service-items/{itemId}/appointment-plan",
            "/api/halls/{hallId}/appointment-settings", "/api/halls/{hallId}/bookings", "/api/slots/{slotId}",
            "/api/bookings/{bookingId}", "/api/halls/{hallId}/booking-offer", "/api/halls/{hallId}/booking", "/book/{hallId}",
        ],
    };

    /// <summary>The staff pages of each module (paths; a page below one belongs to it too).</summary>
    public static IReadOnlyDictionary<HallModule, IReadOnlyList<string>> Pages { get; } = new Dictionary<HallModule, IReadOnlyList<string>>
    {
        [HallModule.Guides] = ["/admin/guides"],
        [HallModule.Cases] = ["/cases", "/supervision/overdue-cases"],
        [HallModule.Inquiries] = ["/inquiries", "/supervision/inquiries"],
        [HallModule.Complaints] = ["/complaints", "/supervision/complaints", "/supervision/complaint-statistics"],
        [HallModule.MultiStepVisits] = [],
        [HallModule.Appointments] = ["/supervision/appointments"],
    };

    /// <summary>The module a route pattern (as ASP.NET Core writes it, constraints and all) belongs to; null for the rest.</summary>
    public static HallModule? OfRoute(string? pattern) => pattern is null ? null : Find(Routes, Normalize(pattern));

    /// <summary>The module a staff page's path (no query) belongs to; null for the rest.</summary>
    public static HallModule? OfPage(string? path) => path is null ? null : Find(Pages, path.TrimEnd('/').ToLowerInvariant());

    private static HallModule? Find(IReadOnlyDictionary<HallModule, IReadOnlyList<string>> table, string path)
    {
        foreach (var (module, prefixes) in table)
        {
            foreach (var prefix in prefixes)
            {
                var p = prefix.ToLowerInvariant();
                if (path == p || (path.StartsWith(p, StringComparison.Ordinal) && path[p.Length] == '/'))
                    return module;
            }
        }
        return null;
    }

    /// <summary><c>/api/cases/{caseId:guid}/</c> → <c>/api/cases/{caseid}</c>: constraints, defaults and a trailing slash dropped.</summary>
    public static string Normalize(string pattern)
    {
        var text = new System.Text.StringBuilder(pattern.Length);
        var inParameter = false;
        var skipping = false;
        foreach (var c in pattern)
        {
            if (c == '{')
                (inParameter, skipping) = (true, false);
            else if (c == '}')
                (inParameter, skipping) = (false, false);
            else if (inParameter && (c == ':' || c == '=' || c == '?'))
                skipping = true;
            if (!skipping || c == '}')
                text.Append(char.ToLowerInvariant(c));
        }
        var s = text.ToString();
        if (!s.StartsWith('/'))
            s = "/" + s;
        return s.Length > 1 ? s.TrimEnd('/') : s;
    }
}
