using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Web.Identity;

/// <summary>
/// ASP.NET Core Identity with roles (P2). API callers send a bearer token; browsers may use the
/// cookie. Keys live in the database so tokens survive restarts and work on every node.
/// </summary>
public static class IdentitySetup
{
    public const string SmartScheme = "Bearer-or-Cookie";
    public const string StaffPolicy = "staff";
    public const string SupervisorPolicy = "supervisor";
    public const string FrontDeskPolicy = "front-desk";
    public const string AdminPolicy = "admin";
    public const string DisplayPolicy = "display";

    public static void AddHallIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        Infrastructure.KeyProtection.KeyProtectionSetup.AddKeyProtection(builder);
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
                o.BearerTokenExpiration = TimeSpan.FromMinutes(builder.Configuration.GetValue("Auth:TokenMinutes", 480)))
            .AddIdentityCookies();
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .PostConfigure(o => o.BearerTokenProtector = new BearerTicketCache(o.BearerTokenProtector));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "ServiceHall.Auth";
            // The API answers 401/403; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = 8;
                // Wrong passwords slow sign-in (ThrottleSignIn) but never lock: a lock anyone could trigger
                // would let a stranger stop a counter or a kiosk. Only an administrator locks an account.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<Role>()
            .AddEntityFrameworkStores<HallDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<HallClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.Staff, Roles.Supervisor))
            .AddPolicy(SupervisorPolicy, p => p.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(FrontDeskPolicy, p => p.RequireRole(Roles.Staff, Roles.Supervisor, Roles.Kiosk))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            // The hall's big screen: its device account, and the people who set it up or watch it.
            .AddPolicy(DisplayPolicy, p => p.RequireRole(Roles.Display, Roles.Supervisor, Roles.Admin));
        services.AddHallScope();
        services.AddHallMemberships();
        services.AddScoped<EnsureRoles>();
        services.AddScoped<BootstrapAdmin>();
        builder.AddAccountSafeguards();
    }

    /// <summary>P2: revocation within a minute on every node, sign-in throttling, no demo password outside the demo.</summary>
    private static void AddAccountSafeguards(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AccountSessions>();
        services.Configure<SignInThrottleOptions>(builder.Configuration.GetSection("Auth:Throttle"));
        services.AddScoped<ISignInFailureStore, DatabaseSignInFailureStore>();
        services.AddScoped<ThrottleSignIn>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<FindDemoPasswords>();
        services.AddScoped<LockDemoPasswordAccounts>();
        var demo = AccountStartupChecks.IsDemo(builder.Configuration, builder.Environment);
        services.AddScoped<IPasswordValidator<User>>(_ => new NoDemoPasswordValidator(refuse: !demo));
    }

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A signed-in user has no id claim."));

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
