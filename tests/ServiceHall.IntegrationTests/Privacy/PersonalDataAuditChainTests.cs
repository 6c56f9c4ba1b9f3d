using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Privacy;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Privacy;

/// <summary>P3: the audit of clear reads is a hash chain; an edited or deleted entry shows on verification.</summary>
public abstract class PersonalDataAuditChainTests(HallApp app)
{
    private async Task RevealAsync(Guid reader, Guid subject, string purpose)
    {
        using var scope = app.Services.CreateScope();
        var vault = scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();
        await vault.RevealAsync(new SealedRef(PersonalDataKind.Phone, vault.Seal(PersonalDataKind.Phone, "13812345678").Cipher, "Complaint", subject),
            reader, purpose);
    }

    private Task<JsonObject> VerifyAsync() => app.Api("admin").PostOkAsync<JsonObject>("/api/admin/personal-data-reads/verify");

    [Fact]
    public async Task ConcurrentReads_FormOneUnbrokenChain()
    {
        var reader = await TestHall.UserIdAsync(app, "supervisor");
        var subject = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => RevealAsync(reader, subject, $"回访 {i}"))));

        var sequences = await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.Sequence != null)
            .OrderBy(r => r.Sequence).Select(r => r.Sequence!.Value).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.Equal(24, await app.WithDbAsync(db => db.PersonalDataReads.CountAsync(r => r.SubjectId == subject)));
        var verified = await VerifyAsync();
        Assert.True(verified["intact"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(sequences.Count, verified["entries"]!.GetValue<long>());
    }

    [Fact]
    public async Task Verify_OnlyForAdmins()
    {
        await Expect.StatusAsync(await app.Api("supervisor").PostAsync("/api/admin/personal-data-reads/verify"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await app.Api().PostAsync("/api/admin/personal-data-reads/verify"), HttpStatusCode.Unauthorized);
    }
}

/// <summary>The tampering tests break their database's chain for good: a database of their own.</summary>
public abstract class PersonalDataAuditTamperTests(HallApp app)
{
    private async Task RevealAsync(Guid reader, Guid subject, string purpose)
    {
        using var scope = app.Services.CreateScope();
        var vault = scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();
        await vault.RevealAsync(new SealedRef(PersonalDataKind.Phone, vault.Seal(PersonalDataKind.Phone, "13812345678").Cipher, "Complaint", subject),
            reader, purpose);
    }

    private Task<JsonObject> VerifyAsync() => app.Api("admin").PostOkAsync<JsonObject>("/api/admin/personal-data-reads/verify");

    [Fact]
    public async Task EditedOrDeletedEntry_VerifyNamesTheFirstBroken()
    {
        var reader = await TestHall.UserIdAsync(app, "supervisor");
        var subject = Guid.NewGuid();
        for (var i = 0; i < 4; i++)
            await RevealAsync(reader, subject, $"核实 {i}");
        var chain = await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.SubjectId == subject).OrderBy(r => r.Sequence)
            .Select(r => new { r.Id, Sequence = r.Sequence!.Value, r.Purpose }).ToListAsync());
        Assert.True((await VerifyAsync())["intact"]!.GetValue<bool>());

        // Someone with the database file rewrites why a value was read.
        var edited = chain[1];
        await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.Id == edited.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Purpose, "例行检查")));
        var afterEdit = await VerifyAsync();
        Assert.False(afterEdit["intact"]!.GetValue<bool>());
        Assert.Equal("entryChanged", afterEdit["problem"]!.GetValue<string>());
        Assert.Equal(edited.Sequence, afterEdit["brokenSequence"]!.GetValue<long>());
        Assert.Equal(edited.Id, afterEdit["brokenEntryId"]!.GetValue<Guid>());
        await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.Id == edited.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Purpose, edited.Purpose)));
        Assert.True((await VerifyAsync())["intact"]!.GetValue<bool>());

        // ... or deletes the last read, or one in the middle.
        await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.Id == chain[3].Id).ExecuteDeleteAsync());
        var afterCut = await VerifyAsync();
        Assert.Equal("headMismatch", afterCut["problem"]!.GetValue<string>());
        Assert.Equal(chain[3].Sequence, afterCut["brokenSequence"]!.GetValue<long>());
        await app.WithDbAsync(db => db.PersonalDataReads.Where(r => r.Id == chain[1].Id).ExecuteDeleteAsync());
        var afterDelete = await VerifyAsync();
        Assert.Equal("entryMissing", afterDelete["problem"]!.GetValue<string>());
        Assert.Equal(chain[1].Sequence, afterDelete["brokenSequence"]!.GetValue<long>());
    }
}

public sealed class SqlitePersonalDataAuditTamperTests(SqliteHallApp app) : PersonalDataAuditTamperTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresPersonalDataAuditTamperTests(PostgresHallApp app) : PersonalDataAuditTamperTests(app), IClassFixture<PostgresHallApp>;

public sealed class SqlitePersonalDataAuditChainTests(SqliteHallApp app) : PersonalDataAuditChainTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresPersonalDataAuditChainTests(PostgresHallApp app) : PersonalDataAuditChainTests(app), IClassFixture<PostgresHallApp>;
