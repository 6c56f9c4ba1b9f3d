using Microsoft.AspNetCore.Identity;

namespace ServiceHall.Core.Features.Identity;

public enum BootstrapOutcome { Created, AdminExists, NotConfigured, UserNameTaken }

/// <summary>
/// Outside the demo, the first administrator comes from configuration (Bootstrap:AdminUserName and
/// Bootstrap:AdminPassword), once, while no usable administrator exists. No built-in password ever works.
/// </summary>
public sealed class BootstrapAdmin(UserManager<User> users, TimeProvider time)
{
    public async Task<BootstrapOutcome> HandleAsync(string? userName, string? password)
    {
        var now = time.GetUtcNow();
        // A locked administrator (one that had the demo password) does not count: nobody can use it.
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Any(a => !(a.LockoutEnd > now)))
            return BootstrapOutcome.AdminExists;
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password))
            return BootstrapOutcome.NotConfigured;
        // An existing person's account is not turned into an administrator by a setting.
        if (await users.FindByNameAsync(userName) is not null)
            return BootstrapOutcome.UserNameTaken;
        var admin = new User { UserName = userName, DisplayName = userName, CreatedAt = now.UtcDateTime };
        EnsureRoles.Check(await users.CreateAsync(admin, password));
        EnsureRoles.Check(await users.AddToRoleAsync(admin, Roles.Admin));
        return BootstrapOutcome.Created;
    }
}
