using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Web.Features.Devices;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Infrastructure;

/// <summary>What every feature stands on: storage, time, JSON, errors, OpenAPI, limits, health.</summary>
public static class PlatformSetup
{
    public const string TicketIssuePolicy = "ticket-issue";
    /// <summary>API bodies are small JSON documents; anything larger is refused before it is read.</summary>
    public const long MaxApiBodyBytes = 16 * 1024;

    public static void AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHallDatabase(builder.Configuration);
        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsLocalizer.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddInputValidation();
        services.AddOpenApi(o => o.AddSchemaTransformer<InputValidation.LimitsSchemaTransformer>());
        // The checks themselves (database, Redis) are the nodes' readiness checks: /healthz runs them all.
        services.AddHealthChecks();
        builder.AddPublicLimits();
        builder.AddSecurityHeaders();
        services.AddSingleton<PublicAddress>();
    }

    public static void UsePlatform(this WebApplication app)
    {
        app.UseClientAddress();
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseOriginCheck();
        app.Use(LimitApiBodies);
        // The light public pages' scripts and styles: served before authentication, they are public.
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAccountSessions();
        app.UseDeviceGate();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi();
        // Halls run on intranets: the reference uses its bundled script, the browser's fonts, and reports nothing.
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("ServiceHall API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts().DisableTelemetry());
        app.MapHealthChecks("/healthz");
    }

    private static async Task LimitApiBodies(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // An endpoint that takes longer documents (a conversation transcript) says so with its own limit.
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxApiBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await ProblemExceptionHandler.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "BodyTooLarge", limit / 1024);
                return;
            }
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
                feature.MaxRequestBodySize = limit;
        }
        await next(context);
    }

    /// <summary>Migrates; seeds the demo hall in Development, or the first admin elsewhere.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        // Until the seeding below is done: another node starting now waits here, then finds it all done.
        await using var migrating = await MigrationLock.TakeAsync(services.GetRequiredService<HallDbContext>());
        await DatabaseSetup.MigrateAsync(services.GetRequiredService<HallDbContext>());
        await services.GetRequiredService<KeyProtection.RewrapStoredKeys>().HandleAsync();
        await services.GetRequiredService<EnsureRoles>().HandleAsync();
        var logger = services.GetRequiredService<ILogger<Program>>();
        var config = app.Configuration;
        if (AccountStartupChecks.IsDemo(config, app.Environment))
        {
            var hall = await services.GetRequiredService<Core.Features.Halls.SeedDemoHall>().HandleAsync(CancellationToken.None);
            if (hall is not null)
                logger.LogInformation("Seeded the demo hall {Hall} ({HallId})", hall.Name, hall.Id);
            await services.GetRequiredService<Core.Features.Devices.SeedDemoDevices>().HandleAsync(CancellationToken.None);
            await services.GetRequiredService<Core.Features.Identity.SeedDemoMemberships>().HandleAsync(CancellationToken.None);
            DemoBanner.Print(app, services);
        }
        else
        {
            await AccountStartupChecks.PrepareAsync(services, config, logger);
        }
        await services.GetRequiredService<Core.Features.Priorities.EnsurePriorityCategories>().HandleAsync(CancellationToken.None);
    }
}
