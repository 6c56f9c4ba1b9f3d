using ServiceHall.Core.Privacy;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Privacy;

public static class PrivacyEndpoints
{
    public static void AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IPersonalDataVault, PersonalDataVault>();
        builder.Services.AddScoped<ListPersonalDataReads>();
        builder.Services.AddScoped<VerifyPersonalDataReads>();
        builder.Services.AddScoped<RevealFreeText>();
        builder.Services.AddScoped<GetPersonalDataReadDirectory>();
    }

    public static void MapPrivacyEndpoints(this WebApplication app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Privacy").RequireAuthorization(IdentitySetup.AdminPolicy);
        admin.MapGet("/personal-data-reads",
                async (DateTime? from, DateTime? to, Guid? subjectId, Guid? readerUserId, Guid? hallId, PersonalDataKind? kind, string? purpose,
                    int? skip, int? take, ListPersonalDataReads list, CancellationToken ct) =>
                    (await list.PageAsync(new PersonalDataReadFilter(readerUserId, hallId, kind, purpose, from?.ToUniversalTime(), to?.ToUniversalTime(), subjectId),
                        skip ?? 0, take ?? 100, ct)).Items)
            .WithName("ListPersonalDataReads");
        // Walks the hash chain of the audit and names the first entry that does not hold.
        admin.MapPost("/personal-data-reads/verify", (VerifyPersonalDataReads verify, CancellationToken ct) => verify.HandleAsync(ct))
            .WithName("VerifyPersonalDataReads");

        // Free texts as written, ID and mobile numbers unmasked: with a purpose, into the audit; for the record's hall (ADR-017).
        app.MapPost("/api/complaints/{complaintId:guid}/content", (Guid complaintId, RevealFreeTextRequest request, RevealFreeText reveal, HttpContext http, CancellationToken ct) =>
                reveal.HandleAsync(FreeTextSubject.Complaint, complaintId, http.User.UserId(), request, ct))
            .WithTags("Complaints").WithName("RevealComplaintContent").RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall();
        app.MapPost("/api/inquiries/{inquiryId:guid}/question", (Guid inquiryId, RevealFreeTextRequest request, RevealFreeText reveal, HttpContext http, CancellationToken ct) =>
                reveal.HandleAsync(FreeTextSubject.Inquiry, inquiryId, http.User.UserId(), request, ct))
            .WithTags("Inquiries").WithName("RevealInquiryQuestion").RequireAuthorization(IdentitySetup.StaffPolicy).RequireHall();
        app.MapPost("/api/ratings/{ratingId:guid}/comment", (Guid ratingId, RevealFreeTextRequest request, RevealFreeText reveal, HttpContext http, CancellationToken ct) =>
                reveal.HandleAsync(FreeTextSubject.Rating, ratingId, http.User.UserId(), request, ct))
            .WithTags("Ratings").WithName("RevealRatingComment").RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall();
        app.MapPost("/api/conduct/checks/{checkId:guid}/text", (Guid checkId, RevealFreeTextRequest request, RevealFreeText reveal, HttpContext http, CancellationToken ct) =>
                reveal.HandleAsync(FreeTextSubject.ConductCheck, checkId, http.User.UserId(), request, ct))
            .WithTags("Conduct").WithName("RevealConductText").RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall();
    }
}
