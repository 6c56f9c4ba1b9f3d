using ServiceHall.Core.Privacy;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Privacy;

public static class PrivacyEndpoints
{
    public static void AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IPersonalDataVault, PersonalDataVault>();
        builder.Services.AddScoped<ListPersonalDataReads>();
    }

    public static void MapPrivacyEndpoints(this WebApplication app)
    {
        app.MapGet("/api/admin/personal-data-reads",
                (DateTime? from, DateTime? to, Guid? subjectId, int? take, ListPersonalDataReads list, CancellationToken ct) =>
                    list.HandleAsync(from?.ToUniversalTime(), to?.ToUniversalTime(), subjectId, take ?? 100, ct))
            .WithTags("Privacy").WithName("ListPersonalDataReads")
            .RequireAuthorization(IdentitySetup.AdminPolicy);
    }
}
