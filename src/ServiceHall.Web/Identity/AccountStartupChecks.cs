using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Web.Identity;

/// <summary>
/// At start outside the demo (P2): a demo password, configured or in use by any account, stops the app
/// with a message saying which; the first administrator is created from configuration; without any
/// administrator the log says how to create one, and the app runs on (its public pages work).
/// </summary>
public static class AccountStartupChecks
{
    public static bool IsDemo(IConfiguration config, IHostEnvironment environment) =>
        config.GetValue("Demo:Seed", environment.IsDevelopment());

    public static async Task PrepareAsync(IServiceProvider services, IConfiguration config, ILogger logger)
    {
        var userName = config["Bootstrap:AdminUserName"];
        var password = config["Bootstrap:AdminPassword"];
        if (DemoPasswords.Contains(password))
            throw Refuse(logger, "Bootstrap:AdminPassword is the demo password, which is published. Configure a password of your own.");

        await LockOrRefuseDemoPasswordsAsync(services, config, logger);
        switch (await services.GetRequiredService<BootstrapAdmin>().HandleAsync(userName, password))
        {
            case BootstrapOutcome.Created:
                logger.LogInformation("Created the first administrator {UserName} from configuration", userName);
                break;
            case BootstrapOutcome.NotConfigured:
                logger.LogWarning(
                    "No administrator account exists, so nobody can set up halls or accounts. To create the first one, set " +
                    "Bootstrap__AdminUserName and Bootstrap__AdminPassword (environment variables; Bootstrap:AdminUserName and " +
                    "Bootstrap:AdminPassword in appsettings.Production.json) and restart: it is created once, then remove the password " +
                    "from the configuration. The password needs at least 8 characters with upper and lower case, a digit and a symbol.");
                break;
            case BootstrapOutcome.UserNameTaken:
                logger.LogWarning(
                    "No administrator account exists, and Bootstrap:AdminUserName {UserName} names an existing account that is not " +
                    "made an administrator by a setting. Configure another user name for the first administrator and restart.", userName);
                break;
        }
    }

    private static async Task LockOrRefuseDemoPasswordsAsync(IServiceProvider services, IConfiguration config, ILogger logger)
    {
        var demoAccounts = await services.GetRequiredService<FindDemoPasswords>().HandleAsync(CancellationToken.None);
        if (demoAccounts.Count == 0)
            return;
        var names = string.Join(", ", demoAccounts.Select(a => a.UserName));
        if (!config.GetValue("Bootstrap:LockDemoPasswordAccounts", false))
            throw Refuse(logger, $"These accounts have the demo password, which is published: {names}. Start once with " +
                "Bootstrap__LockDemoPasswordAccounts=true to lock them and remove their passwords (an administrator then sets new ones; " +
                "with no administrator left, configure Bootstrap__AdminUserName and Bootstrap__AdminPassword as well).");
        await services.GetRequiredService<LockDemoPasswordAccounts>().HandleAsync(demoAccounts, CancellationToken.None);
        logger.LogWarning("Locked the accounts that had the demo password and removed their passwords: {Accounts}", names);
    }

    private static InvalidOperationException Refuse(ILogger logger, string message)
    {
        logger.LogCritical("ServiceHall does not start: {Reason}", message);
        return new InvalidOperationException("ServiceHall does not start: " + message);
    }
}
