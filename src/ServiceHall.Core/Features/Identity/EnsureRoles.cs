using Microsoft.AspNetCore.Identity;

namespace ServiceHall.Core.Features.Identity;

/// <summary>Every installation has the roles of P2, demo or not.</summary>
public sealed class EnsureRoles(RoleManager<Role> roles)
{
    public async Task HandleAsync()
    {
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
                Check(await roles.CreateAsync(new Role(name)));
        }
    }

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
