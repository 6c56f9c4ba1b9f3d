using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using ServiceHall.Core;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Localization;

using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Features.Devices;

/// <summary>An enrolment as the administrator sees it once: the code and the link to open on the device.</summary>
public sealed record DeviceEnrolmentView(DeviceView Device, string Code, string Link, DateTime ExpiresAt);

/// <summary>
/// P2, S8: administrators enrol and revoke a hall's kiosks, displays and rating pads; the device opens
/// <c>/enrol?code=…</c> once and keeps a lasting cookie of its own account; <c>/device</c> sends a
/// signed-in device to its page.
/// </summary>
public static class DeviceEndpoints
{
    /// <summary>A device's cookie outlives any person's: browsers keep a cookie at most 400 days.</summary>
    public static readonly TimeSpan CredentialLifetime = TimeSpan.FromDays(365);

    public static void AddDevices(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<DeviceOptions>(builder.Configuration.GetSection("Devices"));
        s.AddSingleton<DeviceGate>();
        s.AddSingleton<DevicePresence>();
        s.AddSingleton<DeviceHubFilter>();
        s.AddHostedService<DeviceWatch>();
        s.Configure<HubOptions>(o => o.AddFilter<DeviceHubFilter>());
        s.AddScoped<CreateDevice>();
        s.AddScoped<IssueEnrolmentCode>();
        s.AddScoped<RedeemEnrolmentCode>();
        s.AddScoped<RevokeDevice>();
        s.AddScoped<ListDevices>();
        s.AddScoped<SeedDemoDevices>();
    }

    public static void MapDeviceEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Devices").RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/halls/{hallId:guid}/devices", (Guid hallId, ListDevices list, HttpContext http, CancellationToken ct) =>
                list.HandleAsync(hallId, http.User.UserId(), ct))
            .WithName("ListDevices").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        api.MapPost("/halls/{hallId:guid}/devices", CreateAsync).WithName("CreateDevice").RequireAuthorization(IdentitySetup.AdminPolicy);
        api.MapPost("/devices/{deviceId:guid}/enrolment-code", NewCodeAsync).WithName("IssueEnrolmentCode")
            .RequireAuthorization(IdentitySetup.AdminPolicy);
        api.MapPost("/devices/{deviceId:guid}/revoke", RevokeAsync).WithName("RevokeDevice").RequireAuthorization(IdentitySetup.AdminPolicy);

        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/enrol", EnrolAsync).AllowAnonymous();
        pages.MapGet("/device", (HttpContext http) => http.Device() is { } device ? Results.LocalRedirect(device.HomePath) : Results.LocalRedirect("/login"))
            .AllowAnonymous();
    }

    private static async Task<Created<DeviceEnrolmentView>> CreateAsync(Guid hallId, CreateDeviceRequest request, CreateDevice create,
        HttpContext http, PublicAddress address, CancellationToken ct)
    {
        var enrolment = await create.HandleAsync(hallId, request, http.User.UserId(), ct);
        return TypedResults.Created($"/api/halls/{hallId}/devices", View(enrolment, address.BaseUrl(http) ?? ""));
    }

    /// <summary>The link is relative when the request's host is not a trusted one (<see cref="PublicAddress"/>).</summary>
    private static async Task<DeviceEnrolmentView> NewCodeAsync(Guid deviceId, IssueEnrolmentCode issue, HttpContext http,
        PublicAddress address, CancellationToken ct) =>
        View(await issue.HandleAsync(deviceId, http.User.UserId(), ct), address.BaseUrl(http) ?? "");

    private static async Task<NoContent> RevokeAsync(Guid deviceId, RevokeDevice revoke, DeviceGate gate, DevicePresence presence,
        HttpContext http, CancellationToken ct)
    {
        var device = await revoke.HandleAsync(deviceId, http.User.UserId(), ct);
        Stop(device, gate, presence);
        return TypedResults.NoContent();
    }

    /// <summary>On this node at once; other nodes follow within <see cref="DeviceGate.Keep"/> and the watch's period.</summary>
    public static void Stop(Device device, DeviceGate gate, DevicePresence presence)
    {
        gate.Forget(device.UserId);
        presence.Drop(device.Id);
    }

    public static DeviceEnrolmentView View(DeviceEnrolment enrolment, string baseUrl) =>
        new(enrolment.Device, enrolment.Code, Link(baseUrl, enrolment.Code), enrolment.ExpiresAt);

    public static string Link(string baseUrl, string code) => $"{baseUrl.TrimEnd('/')}/enrol?code={code}";

    /// <summary>
    /// The device opens its link: the code is used up, its account signed in with a cookie for a year,
    /// and it goes to its page. A bad, used or expired code gets a plain page saying so.
    /// </summary>
    private static async Task<IResult> EnrolAsync(string? code, RedeemEnrolmentCode redeem, UserManager<User> users,
        SignInManager<User> signIn, DeviceGate gate, TimeProvider time, IStringLocalizer<DevicesResource> text, HttpContext http,
        CancellationToken ct)
    {
        RedeemedDevice device;
        try
        {
            device = await redeem.HandleAsync(code, ct);
        }
        catch (DomainException e) when (e.Code == DeviceErrorCodes.EnrolmentCodeInvalid)
        {
            return Results.Content(ErrorPage(text), "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
        var account = await users.FindByIdAsync(device.UserId.ToString())
            ?? throw DomainException.NotFound(DeviceErrorCodes.NotFound);
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var now = time.GetUtcNow();
        await signIn.SignInAsync(account, new AuthenticationProperties
        {
            IsPersistent = true, IssuedUtc = now, ExpiresUtc = now.Add(CredentialLifetime), AllowRefresh = true,
        });
        gate.Forget(device.UserId);
        return Results.LocalRedirect(device.HomePath);
    }

    private static string ErrorPage(IStringLocalizer<DevicesResource> text)
    {
        var html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        return $"""
            <!DOCTYPE html>
            <html lang="{html.Encode(text["Lang"])}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{html.Encode(text["Enrol_Title"])}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/public/public.css"></head>
            <body class="enrol"><main><h1>{html.Encode(text["Enrol_Title"])}</h1><p class="error" role="alert">{html.Encode(text["Enrol_Invalid"])}</p></main></body></html>
            """;
    }
}
