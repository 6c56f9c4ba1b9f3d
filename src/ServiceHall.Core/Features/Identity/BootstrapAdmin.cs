using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ServiceHall.Core.Features.Identity;

/// <summary>
/// Outside the demo, the first administrator comes from configuration (Bootstrap:AdminUserName and
/// Bootstrap:AdminPassword), once, when no user exists. No built-in password ever works.
/// </summary>
public sealed class BootstrapAdmin(UserManager<User> users, TimeProvider time)
{
    public async Task<bool> HandleAsync(string? userName, string? password)
    {
        if (await users.Users.AnyAsync())
            return false;
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password))
            return false;
        var admin = new User { UserName = userName, DisplayName = userName, CreatedAt = time.GetUtcNow().UtcDateTime };
        EnsureRoles.Check(await users.CreateAsync(admin, password));
        EnsureRoles.Check(await users.AddToRoleAsync(admin, Roles.Admin));
        return true;
    }
}
