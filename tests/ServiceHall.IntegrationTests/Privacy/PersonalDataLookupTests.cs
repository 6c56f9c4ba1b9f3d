using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Data;
using ServiceHall.Core.Privacy;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Privacy;

/// <summary>The vault's keyed hashes (blind index): equal values meet, nothing clear is stored, the secret is sealed.</summary>
public abstract class PersonalDataLookupTests(HallApp app)
{
    private async Task<string> KeyAsync(PersonalDataKind kind, string value)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IPersonalDataVault>().LookupKeyAsync(kind, value);
    }

    [Fact]
    public async Task LookupKey_SamePhoneWrittenThreeWays_OneKey_AnotherPhoneAnother()
    {
        var plain = await KeyAsync(PersonalDataKind.Phone, "13800138000");
        Assert.Equal(plain, await KeyAsync(PersonalDataKind.Phone, "138 0013-8000"));
        Assert.Equal(plain, await KeyAsync(PersonalDataKind.Phone, "+86 13800138000"));
        Assert.NotEqual(plain, await KeyAsync(PersonalDataKind.Phone, "13800138001"));
        Assert.Equal(await KeyAsync(PersonalDataKind.IdNumber, "11010519491231002X"), await KeyAsync(PersonalDataKind.IdNumber, "11010519491231002x"));
        Assert.Matches("^[0-9a-f]{64}$", plain);
    }

    [Fact]
    public async Task LookupKey_IsKeyed_NotAPlainHashOfTheValue_SecretStoredSealed()
    {
        var key = await KeyAsync(PersonalDataKind.Phone, "13800138000");
        // A plain hash could be recomputed for every mobile number from a copy of the database alone.
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("13800138000"))), key);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("Phone:13800138000"))), key);
        var stored = await app.WithDbAsync(db => db.Set<PersonalDataLookupSecret>().AsNoTracking().SingleAsync());
        Assert.StartsWith("CfDJ8", stored.Cipher); // a Data Protection payload, not the bytes themselves
    }
}

public sealed class SqlitePersonalDataLookupTests(SqliteHallApp app) : PersonalDataLookupTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresPersonalDataLookupTests(PostgresHallApp app) : PersonalDataLookupTests(app), IClassFixture<PostgresHallApp>;
