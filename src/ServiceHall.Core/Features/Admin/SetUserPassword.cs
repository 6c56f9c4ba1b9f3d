using Microsoft.AspNetCore.Identity;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Admin;

public sealed record SetPasswordRequest(string? Password);

/// <summary>
/// An administrator sets a new password for an account (a forgotten one, a new device). The security
/// stamp changes, so browser sessions signed in with the old password end.
/// </summary>
public sealed class SetUserPassword(HallDbContext db, UserManager<User> users)
{
    public async Task HandleAsync(Guid userId, SetPasswordRequest request, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw DomainException.NotFound(ErrorCodes.UserNotFound);
        await CheckAsync(users, user, request.Password);
        await using var write = await db.BeginWriteAsync(ct);
        if (await users.HasPasswordAsync(user))
            AccountProfile.Check(await users.RemovePasswordAsync(user));
        AccountProfile.Check(await users.AddPasswordAsync(user, request.Password!));
        AccountProfile.Check(await users.ResetAccessFailedCountAsync(user));
        await write.CommitAsync(ct);
    }

    /// <summary>The password rules of Identity (8 characters, upper and lower case, a digit, a symbol), as one message.</summary>
    internal static async Task CheckAsync(UserManager<User> users, User user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            throw DomainException.Required("password");
        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, user, password)).Succeeded)
                throw DomainException.Invalid("password", ErrorCodes.PasswordRejected, users.Options.Password.RequiredLength);
        }
    }
}
