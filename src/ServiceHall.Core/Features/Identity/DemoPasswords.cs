using Microsoft.AspNetCore.Identity;

namespace ServiceHall.Core.Features.Identity;

/// <summary>The passwords the demo seed gives its accounts: published in the README, so never good outside the demo.</summary>
public static class DemoPasswords
{
    public static readonly IReadOnlyList<string> All = [Halls.SeedDemoHall.DemoPassword];

    public static bool Contains(string? password) => password is not null && All.Contains(password, StringComparer.Ordinal);
}

/// <summary>Outside the demo, no account may be given a demo password (an administrator's form, the bootstrap).</summary>
public sealed class NoDemoPasswordValidator(bool refuse) : IPasswordValidator<User>
{
    public const string ErrorCode = "DemoPassword";

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
        Task.FromResult(refuse && DemoPasswords.Contains(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "A demo password is not allowed outside the demo." })
            : IdentityResult.Success);
}
