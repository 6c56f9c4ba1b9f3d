using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServiceHall.Core.Data;
using ServiceHall.Core.Privacy;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.Web.Infrastructure.KeyProtection;

namespace ServiceHall.IntegrationTests.Privacy;

/// <summary>P3: a copy of the database alone reveals no sealed value; its key file does.</summary>
public abstract class KeyRingProtectionTests(HallApp app)
{
    private static readonly XNamespace DataProtectionNs = "http://schemas.asp.net/2015/03/dataProtection";

    private static readonly (PersonalDataKind Kind, string Value)[] Values =
        [(PersonalDataKind.Name, "张三丰"), (PersonalDataKind.IdNumber, "33010619900101123X"), (PersonalDataKind.Phone, "13812345678")];

    /// <summary>The key ring as a thief finds it: the rows of the database copy (SQLite) or of the server (PostgreSQL).</summary>
    protected abstract Task<List<string>> StolenKeyRingAsync();

    [Fact]
    public async Task CopiedDatabase_WithoutTheKeyFile_RevealsNothing_WithIt_Everything()
    {
        List<(string Value, string Cipher)> sealedValues;
        using (var scope = app.Services.CreateScope())
        {
            var vault = scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();
            sealedValues = [.. Values.Select(v => (v.Value, vault.Seal(v.Kind, v.Value).Cipher))];
        }
        var keyFile = app.Services.GetRequiredService<KeyProtectionState>().KeyFile!;

        var stolen = await StolenKeyRingAsync();

        Assert.NotEmpty(stolen);
        // No key's secret is in clear: every element Data Protection marks for encryption is wrapped.
        foreach (var xml in stolen)
            Assert.DoesNotContain(XElement.Parse(xml).Descendants(), e => e.Attribute(DataProtectionNs + "requiresEncryption") is not null);
        var bare = Protector(stolen, configure: null);
        var otherKeyFile = Path.Combine(Path.GetTempPath(), $"servicehall-other-{Guid.NewGuid():N}.key");
        try
        {
            var wrongKey = Protector(stolen, otherKeyFile);
            foreach (var (value, cipher) in sealedValues)
            {
                Assert.ThrowsAny<CryptographicException>(() => bare.Unprotect(cipher));
                Assert.ThrowsAny<CryptographicException>(() => wrongKey.Unprotect(cipher));
            }
        }
        finally
        {
            File.Delete(otherKeyFile);
        }
        var withKey = Protector(stolen, keyFile.Path);
        Assert.Equal(sealedValues.Select(v => v.Value), sealedValues.Select(v => withKey.Unprotect(v.Cipher)));
    }

    [Fact]
    public async Task KeyStoredInClear_ByAnEarlierVersion_IsEncryptedAtStart_AndStillDecrypts()
    {
        // An earlier version's key: Data Protection without any encryptor, writing into the hall's table.
        var legacy = new List<XElement>();
        var old = Services(legacy, configure: null).GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("ServiceHall.PersonalData.v1");
        var cipher = old.Protect("13812345678");
        var legacyKey = Assert.Single(legacy);
        Assert.Contains(legacyKey.Descendants(), e => e.Attribute(DataProtectionNs + "requiresEncryption") is not null);
        var friendlyName = $"key-{(string)legacyKey.Attribute("id")!}";
        await app.WithDbAsync(async db =>
        {
            db.DataProtectionKeys.Add(new() { FriendlyName = friendlyName, Xml = legacyKey.ToString(SaveOptions.DisableFormatting) });
            await db.SaveChangesAsync();
        });

        using (var scope = app.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<RewrapStoredKeys>().HandleAsync() >= 1);

        var stored = await app.WithDbAsync(db => db.DataProtectionKeys.Where(k => k.FriendlyName == friendlyName).Select(k => k.Xml!).SingleAsync());
        Assert.DoesNotContain("requiresEncryption", stored);
        Assert.DoesNotContain(legacyKey.Descendants("value").Single().Value, stored);
        Assert.ThrowsAny<CryptographicException>(() => Protector([stored], configure: null).Unprotect(cipher));
        var keyFile = app.Services.GetRequiredService<KeyProtectionState>().KeyFile!;
        Assert.Equal("13812345678", Protector([stored], keyFile.Path).Unprotect(cipher));
    }

    private static IDataProtector Protector(IEnumerable<string> keyRing, string? keyFile) =>
        Protector(keyRing, keyFile is null ? null : protection => KeyProtectionSetup.ProtectKeys(protection,
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [KeyProtectionSetup.KeyFileSetting] = keyFile }).Build(),
            defaultKeyFile: null));

    private static IDataProtector Protector(IEnumerable<string> keyRing, Action<IDataProtectionBuilder>? configure) =>
        Services([.. keyRing.Select(XElement.Parse)], configure).GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("ServiceHall.PersonalData.v1");

    private static ServiceProvider Services(List<XElement> keyRing, Action<IDataProtectionBuilder>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var protection = services.AddDataProtection().SetApplicationName(KeyProtectionSetup.ApplicationName);
        configure?.Invoke(protection);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new ListRepository(keyRing));
        return services.BuildServiceProvider();
    }

    private sealed class ListRepository(List<XElement> elements) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => [.. elements.Select(e => new XElement(e))];
        public void StoreElement(XElement element, string friendlyName) => elements.Add(new XElement(element));
    }
}

public sealed class SqliteKeyRingProtectionTests(SqliteHallApp app) : KeyRingProtectionTests(app), IClassFixture<SqliteHallApp>
{
    private readonly SqliteHallApp _app = app;

    protected override async Task<List<string>> StolenKeyRingAsync()
    {
        // The backup the operator's guide describes: SQLite's online backup of the database file.
        var copy = Path.Combine(Path.GetTempPath(), $"servicehall-stolen-{Guid.NewGuid():N}.db");
        try
        {
            var source = await _app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
            using (var from = new SqliteConnection(source))
            using (var to = new SqliteConnection($"Data Source={copy};Pooling=false"))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);
            }
            using var stolen = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=false");
            stolen.Open();
            using var command = stolen.CreateCommand();
            command.CommandText = "SELECT Xml FROM DataProtectionKeys";
            var rows = new List<string>();
            using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(reader.GetString(0));
            return rows;
        }
        finally
        {
            File.Delete(copy);
        }
    }
}

public sealed class PostgresKeyRingProtectionTests(PostgresHallApp app) : KeyRingProtectionTests(app), IClassFixture<PostgresHallApp>
{
    private readonly PostgresHallApp _app = app;

    protected override async Task<List<string>> StolenKeyRingAsync()
    {
        var source = await _app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var connection = new NpgsqlConnection(source);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Xml\" FROM \"DataProtectionKeys\"", connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}

/// <summary>Outside Development the key ring's protection is configured, or the app does not start.</summary>
public sealed class KeyProtectionStartTests(SqliteHallApp app) : IClassFixture<SqliteHallApp>
{
    [Fact]
    public void Production_WithoutKeyProtection_RefusesToStart_SayingWhatToSet()
    {
        using var production = app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Demo:Seed", "false");
        });

        var error = Assert.ThrowsAny<Exception>(() => production.Server);

        var message = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains(KeyProtectionSetup.KeyFileSetting, message);
        Assert.Contains(KeyProtectionSetup.CertificatePathSetting, message);
    }

    [Fact]
    public void Production_WithAKeyFileSetting_CreatesItForItsOwnerOnly_AndStarts()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"servicehall-keys-{Guid.NewGuid():N}");
        var keyFile = Path.Combine(folder, "keys", "keyring.key");
        var database = Path.Combine(folder, "servicehall.db");
        Directory.CreateDirectory(folder);
        try
        {
            using (var production = app.WithWebHostBuilder(b =>
                   {
                       b.UseEnvironment("Production");
                       b.UseSetting("Demo:Seed", "false");
                       b.UseSetting("ConnectionStrings:Sqlite", $"Data Source={database}");
                       b.UseSetting(KeyProtectionSetup.KeyFileSetting, keyFile);
                   }))
            {
                _ = production.Server;
                Assert.Equal(keyFile, production.Services.GetRequiredService<KeyProtectionState>().KeyFile!.Path);
            }

            Assert.True(File.Exists(keyFile));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                    File.GetUnixFileMode(Path.GetDirectoryName(keyFile)!));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task KeyFile_CreatedByManyAtOnce_IsOneKey()
    {
        var path = Path.Combine(Path.GetTempPath(), $"servicehall-race-{Guid.NewGuid():N}", "keyring.key");
        try
        {
            var files = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => KeyFile.LoadOrCreate(path, out var _))));
            Assert.Single(files.Select(f => f.Id).Distinct());
            Assert.Equal(files[0].Id, KeyFile.Load(path).Id);
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Certificate_ProtectsTheKeyRing_WithoutItNothingDecrypts()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"servicehall-cert-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=ServiceHall key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pfx = Path.Combine(folder, "keyring.pfx");
            File.WriteAllBytes(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-secret"));
            var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [KeyProtectionSetup.CertificatePathSetting] = pfx,
                [KeyProtectionSetup.CertificatePasswordSetting] = "pfx-secret",
            }).Build();
            var ring = new List<XElement>();
            string Protect(List<XElement> keys, bool withCertificate, Func<IDataProtector, string> action)
            {
                var services = new ServiceCollection();
                services.AddLogging();
                var protection = services.AddDataProtection().SetApplicationName(KeyProtectionSetup.ApplicationName);
                if (withCertificate)
                    KeyProtectionSetup.ProtectKeys(protection, settings, defaultKeyFile: null);
                services.Configure<KeyManagementOptions>(o => o.XmlRepository = new MemoryRepository(keys));
                using var provider = services.BuildServiceProvider();
                return action(provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("ServiceHall.PersonalData.v1"));
            }

            var cipher = Protect(ring, withCertificate: true, p => p.Protect("13812345678"));

            var key = Assert.Single(ring);
            Assert.DoesNotContain(key.Descendants(), e => e.Attribute(XName.Get("requiresEncryption", "http://schemas.asp.net/2015/03/dataProtection")) is not null);
            Assert.ThrowsAny<CryptographicException>(() => Protect([.. ring], withCertificate: false, p => p.Unprotect(cipher)));
            Assert.Equal("13812345678", Protect([.. ring], withCertificate: true, p => p.Unprotect(cipher)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class MemoryRepository(List<XElement> elements) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => [.. elements.Select(e => new XElement(e))];
        public void StoreElement(XElement element, string friendlyName) => elements.Add(new XElement(element));
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions)
                    yield return inner;
        }
    }
}
