using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using ServiceHall.Core.Data;

namespace ServiceHall.Web.Infrastructure.KeyProtection;

/// <summary>How this node protects the key ring, for the start-up log and the re-encryption of stored keys.</summary>
public sealed record KeyProtectionState(string Description, KeyFile? KeyFile, bool KeyFileCreated);

/// <summary>
/// Data Protection (sign-in tokens, cookies, the personal-data vault) with its key ring in the
/// hall's database, encrypted with a key kept outside it: a key file or an X.509 certificate (P3,
/// ADR-015). Development creates a key file of its own; other environments refuse to start until
/// one of them is configured.
/// </summary>
public static class KeyProtectionSetup
{
    public const string ApplicationName = "ServiceHall";
    public const string KeyFileSetting = "KeyProtection:KeyFile";
    public const string PreviousKeyFilesSetting = "KeyProtection:PreviousKeyFiles";
    public const string CertificatePathSetting = "KeyProtection:Certificate:Path";
    public const string CertificatePasswordSetting = "KeyProtection:Certificate:Password";
    public const string PreviousCertificatesSetting = "KeyProtection:PreviousCertificates";

    public static readonly string MissingMessage =
        "The Data Protection key ring (it protects sign-in tokens and every sealed name, ID number and phone) would be "
        + "stored unencrypted in the database. Set " + KeyFileSetting + " to the path of a key file outside the database "
        + "and its backups (created at first start, readable by the service account only; the same file on every node), "
        + "or " + CertificatePathSetting + " and " + CertificatePasswordSetting + " to a PFX certificate with its private key. "
        + "See docs/guides/operator.md, section 'Keys'.";

    public static void AddKeyProtection(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<HallDbContext>();
        var state = ProtectKeys(protection, builder.Configuration, DefaultKeyFile(builder.Environment));
        builder.Services.AddSingleton(state);
        builder.Services.AddScoped<RewrapStoredKeys>();
    }

    /// <summary>The key file Development uses unless told otherwise: the user's data folder, away from ./data and its backups.</summary>
    public static string? DefaultKeyFile(IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
            return null;
        var folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (folder.Length == 0)
            folder = Path.Combine(environment.ContentRootPath, ".servicehall");
        return Path.Combine(folder, "ServiceHall", "keys", "keyring.key");
    }

    /// <summary>
    /// Encrypts the key ring as configured. <paramref name="defaultKeyFile"/> is used when nothing
    /// is configured; without it, nothing configured is an error with <see cref="MissingMessage"/>.
    /// </summary>
    public static KeyProtectionState ProtectKeys(IDataProtectionBuilder protection, IConfiguration configuration, string? defaultKeyFile)
    {
        var keyFilePath = configuration[KeyFileSetting];
        var certificatePath = configuration[CertificatePathSetting];
        if (!string.IsNullOrWhiteSpace(keyFilePath) && !string.IsNullOrWhiteSpace(certificatePath))
            throw new InvalidOperationException(
                $"Set either {KeyFileSetting} or {CertificatePathSetting}, not both; to move from a key file to a certificate, "
                + $"list the key file in {PreviousKeyFilesSetting}.");
        var previousKeyFiles = configuration.GetSection(PreviousKeyFilesSetting).Get<string[]>() ?? [];
        var previous = previousKeyFiles.Where(p => !string.IsNullOrWhiteSpace(p)).Select(KeyFile.Load).ToList();

        foreach (var old in configuration.GetSection(PreviousCertificatesSetting).GetChildren())
            protection.UnprotectKeysWithAnyCertificate(LoadCertificate(old["Path"], old["Password"]));

        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = LoadCertificate(certificatePath, configuration[CertificatePasswordSetting]);
            protection.ProtectKeysWithCertificate(certificate);
            protection.Services.AddSingleton(new KeyFileRing(null, previous));
            return new KeyProtectionState($"certificate {certificate.Subject} ({certificate.Thumbprint})", null, false);
        }

        keyFilePath = string.IsNullOrWhiteSpace(keyFilePath) ? defaultKeyFile : keyFilePath;
        if (keyFilePath is null)
            throw new InvalidOperationException(MissingMessage);
        var keyFile = KeyFile.LoadOrCreate(keyFilePath, out var created);
        protection.Services.AddSingleton(new KeyFileRing(keyFile, previous));
        protection.Services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new KeyFileXmlEncryptor(keyFile));
        return new KeyProtectionState($"key file {keyFile.Path} ({keyFile.Id})", keyFile, created);
    }

    private static X509Certificate2 LoadCertificate(string? path, string? password)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            throw new InvalidOperationException($"The key protection certificate '{path}' does not exist.");
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"The key protection certificate '{path}' has no private key; a PFX with its key is needed.");
        return certificate;
    }
}
