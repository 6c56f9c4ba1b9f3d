using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Core.Data;

namespace ServiceHall.Web.Infrastructure.KeyProtection;

/// <summary>
/// Runs at start, before anything reads the key ring: encrypts keys stored in clear by an earlier
/// version, and re-encrypts keys of a previous key file with the current protection, so that after
/// a rotation the old file can go. A key of a key file this node does not have stops the start: the
/// node would otherwise make keys of its own that the other nodes cannot read.
/// </summary>
public sealed class RewrapStoredKeys(
    HallDbContext db, IOptions<KeyManagementOptions> options, KeyFileRing ring, KeyProtectionState state,
    ILogger<RewrapStoredKeys> logger)
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly string KeyFileDecryptor = typeof(KeyFileXmlDecryptor).FullName!;

    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        if (state.KeyFileCreated)
            logger.LogWarning("Created the key file {Path}: copy it to every node and keep it apart from the database's backups", state.KeyFile!.Path);
        else if (state.KeyFile?.OthersMayRead() == true)
            logger.LogWarning("The key file {Path} is readable by others than its owner: chmod 600 it", state.KeyFile.Path);
        logger.LogInformation("Data Protection keys are encrypted with the {Protection}", state.Description);

        var encryptor = options.Value.XmlEncryptor
            ?? throw new InvalidOperationException("No key ring encryption is configured.");
        var rows = await db.DataProtectionKeys.ToListAsync(ct);
        var changed = 0;
        foreach (var row in rows)
        {
            if (row.Xml is null)
                continue;
            var key = XElement.Parse(row.Xml);
            if (!Rewrap(key, encryptor))
                continue;
            row.Xml = key.ToString(SaveOptions.DisableFormatting);
            changed++;
        }
        if (changed == 0)
            return 0;
        await using var write = await db.BeginWriteAsync(ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        logger.LogWarning("Encrypted {Count} Data Protection key(s) stored in clear or under a previous key file", changed);
        return changed;
    }

    private bool Rewrap(XElement key, IXmlEncryptor encryptor)
    {
        var changed = false;
        foreach (var secret in key.Descendants(EncryptedSecret).ToList())
        {
            var decryptor = (string?)secret.Attribute("decryptorType") ?? "";
            if (!decryptor.StartsWith(KeyFileDecryptor + ",", StringComparison.Ordinal))
                continue;
            var encrypted = secret.Elements().Single();
            var id = KeyFileXmlEncryptor.KeyIdOf(encrypted);
            if (id == ring.Current?.Id)
                continue;
            var keyFile = ring.Find(id) ?? throw new InvalidOperationException(
                $"The key ring in the database is encrypted with key file {id}, which this node does not have "
                + $"(it has {state.Description}). Copy the key file from the node that created it, or list the old file in "
                + $"{KeyProtectionSetup.PreviousKeyFilesSetting} after a rotation.");
            secret.ReplaceWith(Wrap(encryptor.Encrypt(KeyFileXmlEncryptor.Decrypt(encrypted, keyFile))));
            changed = true;
        }
        // What an earlier version stored in clear: the elements Data Protection marks as needing encryption.
        foreach (var clear in key.Descendants().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList())
        {
            clear.ReplaceWith(Wrap(encryptor.Encrypt(clear)));
            changed = true;
        }
        return changed;
    }

    // The form Data Protection itself stores: the decryptor's type, then what the encryptor made.
    private static XElement Wrap(EncryptedXmlInfo info) =>
        new(EncryptedSecret, new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement);
}
