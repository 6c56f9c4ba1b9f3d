using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ServiceHall.Web.Infrastructure.KeyProtection;

/// <summary>
/// Encrypts a Data Protection key's secret with the key file (AES-256-GCM). The stored element names
/// the key file by its id; its decryptor is found by type name, so the type keeps its name and assembly.
/// </summary>
public sealed class KeyFileXmlEncryptor(KeyFile keyFile) : IXmlEncryptor
{
    internal static readonly XNamespace Namespace = "urn:servicehall:key-file:v1";
    internal static readonly XName SecretName = Namespace + "keyFileSecret";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var clear = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var cipher = new byte[clear.Length];
        var tag = new byte[TagBytes];
        using (var aes = new AesGcm(keyFile.Key, TagBytes))
            aes.Encrypt(nonce, clear, cipher, tag, AssociatedData(keyFile.Id));
        CryptographicOperations.ZeroMemory(clear);
        var element = new XElement(SecretName,
            new XAttribute("keyId", keyFile.Id),
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(cipher));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }

    internal static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes($"ServiceHall.KeyFile.v1/{keyId}");

    /// <summary>The key file's id an encrypted element names.</summary>
    public static string KeyIdOf(XElement encryptedElement) =>
        (string?)encryptedElement.Attribute("keyId") ?? throw new CryptographicException("The encrypted key names no key file.");

    internal static XElement Decrypt(XElement encryptedElement, KeyFile keyFile)
    {
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
        var cipher = Convert.FromBase64String(encryptedElement.Value);
        var clear = new byte[cipher.Length];
        using (var aes = new AesGcm(keyFile.Key, TagBytes))
            aes.Decrypt(nonce, cipher, tag, clear, AssociatedData(keyFile.Id));
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(clear));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }
}

/// <summary>
/// Turns a key file's encrypted element back into the key's secret. Data Protection creates it by
/// type name with the application's services, where it finds the node's <see cref="KeyFileRing"/>.
/// Without the key file (a copy of the database elsewhere) it fails, and the key stays unusable.
/// </summary>
public sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var ring = services.GetService(typeof(KeyFileRing)) as KeyFileRing
            ?? throw new CryptographicException("The key ring is encrypted with a key file, and no key file is configured (KeyProtection:KeyFile).");
        var id = KeyFileXmlEncryptor.KeyIdOf(encryptedElement);
        var keyFile = ring.Find(id)
            ?? throw new CryptographicException($"The key ring is encrypted with key file {id}, which this node does not have.");
        return KeyFileXmlEncryptor.Decrypt(encryptedElement, keyFile);
    }
}
