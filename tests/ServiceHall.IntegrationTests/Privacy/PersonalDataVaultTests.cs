using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Data;
using ServiceHall.Core.Privacy;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Privacy;

public abstract class PersonalDataVaultTests(HallApp app)
{
    private const string IdNumber = "330106199001011234";

    private async Task<T> WithVaultAsync<T>(Func<IPersonalDataVault, HallDbContext, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IPersonalDataVault>(),
            scope.ServiceProvider.GetRequiredService<HallDbContext>());
    }

    [Fact]
    public async Task Seal_StoresNoClearText_AndMasks()
    {
        var sealedId = await WithVaultAsync((vault, _) => Task.FromResult(vault.Seal(PersonalDataKind.IdNumber, IdNumber)));
        Assert.DoesNotContain("19900101", sealedId.Cipher);
        Assert.DoesNotContain(IdNumber, sealedId.Cipher);
        Assert.Equal("330***********1234", sealedId.Masked);
        // Two seals of one value differ: the cipher reveals nothing about equal values.
        var again = await WithVaultAsync((vault, _) => Task.FromResult(vault.Seal(PersonalDataKind.IdNumber, IdNumber)));
        Assert.NotEqual(sealedId.Cipher, again.Cipher);
    }

    [Fact]
    public async Task Reveal_GivesTheValue_AndRecordsWhoWhenWhy()
    {
        var reader = await TestHall.UserIdAsync(app, "supervisor");
        var subject = Guid.NewGuid();
        var sealedName = await WithVaultAsync((vault, _) => Task.FromResult(vault.Seal(PersonalDataKind.Name, "张三丰")));

        var clear = await WithVaultAsync((vault, _) =>
            vault.RevealAsync(new SealedRef(PersonalDataKind.Name, sealedName.Cipher, "Case", subject), reader, "打印受理回执"));

        Assert.Equal("张三丰", clear);
        var read = await app.WithDbAsync(db => db.PersonalDataReads.SingleAsync(r => r.SubjectId == subject));
        Assert.Equal(reader, read.ReaderUserId);
        Assert.Equal(PersonalDataKind.Name, read.Kind);
        Assert.Equal("Case", read.SubjectType);
        Assert.Equal("打印受理回执", read.Purpose);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, read.ReadAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Reveal_WithoutPurpose_IsRefusedAndNotRecorded()
    {
        var reader = await TestHall.UserIdAsync(app, "supervisor");
        var subject = Guid.NewGuid();
        var sealedPhone = await WithVaultAsync((vault, _) => Task.FromResult(vault.Seal(PersonalDataKind.Phone, "13812345678")));

        await Assert.ThrowsAsync<ServiceHall.Core.DomainException>(() => WithVaultAsync((vault, _) =>
            vault.RevealAsync(new SealedRef(PersonalDataKind.Phone, sealedPhone.Cipher, "Case", subject), reader, " ")));

        Assert.False(await app.WithDbAsync(db => db.PersonalDataReads.AnyAsync(r => r.SubjectId == subject)));
    }

    [Fact]
    public async Task Reveal_InsideAWrite_JoinsItsTransaction()
    {
        var reader = await TestHall.UserIdAsync(app, "supervisor");
        var subject = Guid.NewGuid();
        await WithVaultAsync(async (vault, db) =>
        {
            var sealedPhone = vault.Seal(PersonalDataKind.Phone, "13812345678");
            await using var write = await db.BeginWriteAsync();
            await vault.RevealAsync(new SealedRef(PersonalDataKind.Phone, sealedPhone.Cipher, "Complaint", subject), reader, "回访");
            // Rolled back with the write it belongs to.
            return 0;
        });
        Assert.False(await app.WithDbAsync(db => db.PersonalDataReads.AnyAsync(r => r.SubjectId == subject)));
    }

    [Fact]
    public async Task AuditList_OnlyForAdmins()
    {
        var reader = await TestHall.UserIdAsync(app, "supervisor");
        var subject = Guid.NewGuid();
        await WithVaultAsync((vault, _) => vault.RevealAsync(
            new SealedRef(PersonalDataKind.IdNumber, vault.Seal(PersonalDataKind.IdNumber, IdNumber).Cipher, "Case", subject),
            reader, "核验身份"));

        var reads = await app.Api("admin").GetOkAsync<List<JsonObject>>($"/api/admin/personal-data-reads?subjectId={subject}");
        var read = Assert.Single(reads);
        Assert.Equal("supervisor", read["readerUserName"]!.GetValue<string>());
        Assert.Equal("idNumber", read["kind"]!.GetValue<string>());
        Assert.DoesNotContain(IdNumber, read.ToJsonString());

        await Expect.StatusAsync(await app.Api("supervisor").GetAsync("/api/admin/personal-data-reads"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await app.Api().GetAsync("/api/admin/personal-data-reads"), HttpStatusCode.Unauthorized);
    }
}

public sealed class SqlitePersonalDataVaultTests(SqliteHallApp app) : PersonalDataVaultTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresPersonalDataVaultTests(PostgresHallApp app) : PersonalDataVaultTests(app), IClassFixture<PostgresHallApp>;
