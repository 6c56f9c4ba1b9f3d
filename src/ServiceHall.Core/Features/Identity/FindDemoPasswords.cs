using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Identity;

/// <summary>
/// The accounts whose password is a demo one, checked at start outside the demo (a database that began
/// as the demo keeps its accounts). Checking a password hash costs tens of milliseconds on purpose, so a
/// hash found clean is remembered (<see cref="DemoPasswordCheck"/>) and only new or changed ones are
/// checked at the next start.
/// </summary>
public sealed record DemoPasswordAccount(Guid UserId, string UserName);

public sealed class FindDemoPasswords(HallDbContext db, IPasswordHasher<User> hasher)
{
    public async Task<IReadOnlyList<DemoPasswordAccount>> HandleAsync(CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.PasswordHash != null)
            .Select(u => new { u.Id, u.UserName, u.PasswordHash }).ToListAsync(ct);
        var checkedDigests = await db.Set<DemoPasswordCheck>().AsNoTracking().ToDictionaryAsync(c => c.UserId, c => c.PasswordHashDigest, ct);
        var toCheck = accounts.Where(a => !checkedDigests.TryGetValue(a.Id, out var digest) || digest != Digest(a.PasswordHash!)).ToList();

        var found = new ConcurrentBag<DemoPasswordAccount>();
        Parallel.ForEach(toCheck, account =>
        {
            var user = new User { Id = account.Id, UserName = account.UserName };
            if (DemoPasswords.All.Any(p => hasher.VerifyHashedPassword(user, account.PasswordHash!, p) != PasswordVerificationResult.Failed))
                found.Add(new DemoPasswordAccount(account.Id, account.UserName ?? account.Id.ToString()));
        });
        if (!found.IsEmpty)
            return found.OrderBy(a => a.UserName, StringComparer.Ordinal).ToList();

        if (toCheck.Count > 0)
        {
            var ids = toCheck.Select(a => a.Id).ToList();
            await using var write = await db.BeginWriteAsync(ct);
            await db.Set<DemoPasswordCheck>().Where(c => ids.Contains(c.UserId)).ExecuteDeleteAsync(ct);
            db.Set<DemoPasswordCheck>().AddRange(toCheck.Select(a => new DemoPasswordCheck { UserId = a.Id, PasswordHashDigest = Digest(a.PasswordHash!) }));
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        return [];
    }

    private static string Digest(string passwordHash) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)));
}

/// <summary>An account's password hash (by digest) that was found not to be a demo password.</summary>
public class DemoPasswordCheck
{
    public Guid UserId { get; set; }
    public string PasswordHashDigest { get; set; } = "";
}

internal sealed class DemoPasswordCheckConfiguration : IEntityTypeConfiguration<DemoPasswordCheck>
{
    public void Configure(EntityTypeBuilder<DemoPasswordCheck> builder)
    {
        builder.ToTable("DemoPasswordChecks");
        builder.HasKey(c => c.UserId);
        builder.Property(c => c.PasswordHashDigest).HasMaxLength(64);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
