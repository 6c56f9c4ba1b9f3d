using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Admin;

public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? BadgeNumber, string? Role, Guid? HallId,
    string? Password);

/// <summary>
/// An account for a person or a device (P2), with one role. Staff carry a badge number (工号), unique in
/// their hall; everyone but a city-wide administrator works in one hall.
/// </summary>
public sealed partial class CreateUser(HallDbContext db, UserManager<User> users, TimeProvider time)
{
    public async Task<UserView> HandleAsync(CreateUserRequest request, CancellationToken ct)
    {
        var userName = AdminInput.Text(request.UserName, "userName", 50);
        if (!UserNamePattern().IsMatch(userName))
            throw DomainException.Invalid("userName", ErrorCodes.UserNameInvalid);
        var profile = await AccountProfile.CheckAsync(db, null, request.DisplayName, request.BadgeNumber, request.Role, request.HallId, ct);
        var user = new User { UserName = userName, CreatedAt = time.GetUtcNow().UtcDateTime };
        profile.ApplyTo(user);
        await SetUserPassword.CheckAsync(users, user, request.Password);
        if (await users.FindByNameAsync(userName) is not null)
            throw DomainException.Conflict(ErrorCodes.UserNameTaken, userName);

        await using var write = await db.BeginWriteAsync(ct);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password!);
        }
        catch (DbUpdateException)
        {
            throw DomainException.Conflict(ErrorCodes.BadgeNumberTaken, profile.BadgeNumber ?? "");
        }
        if (!created.Succeeded)
            throw created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                ? DomainException.Conflict(ErrorCodes.UserNameTaken, userName)
                : DomainException.Invalid("userName", ErrorCodes.UserNameInvalid);
        AccountProfile.Check(await users.AddToRoleAsync(user, profile.Role));
        await write.CommitAsync(ct);
        return AccountProfile.View(user, profile.Role);
    }

    /// <summary>The characters Identity accepts by default, from 2 characters on.</summary>
    [GeneratedRegex("^[A-Za-z0-9._@+-]{2,50}$")]
    private static partial Regex UserNamePattern();
}
