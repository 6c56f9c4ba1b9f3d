using ServiceHall.Core.Features.Tallies;

namespace ServiceHall.Web.Features.Tallies;

/// <summary>The days' ticket tallies the manager's pages read (ADR-026); no routes of their own.</summary>
public static class TalliesSetup
{
    public static void AddTallies(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TallyDay>();
        builder.Services.AddScoped<ReadDayTallies>();
    }
}
