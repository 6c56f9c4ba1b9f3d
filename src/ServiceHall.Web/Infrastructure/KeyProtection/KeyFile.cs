using System.Security.Cryptography;

namespace ServiceHall.Web.Infrastructure.KeyProtection;

/// <summary>
/// A 256-bit key kept in a file outside the database; it encrypts the Data Protection key ring so
/// that a copy of the database alone reveals no sealed value (P3). Its id names it in the stored XML.
/// </summary>
public sealed class KeyFile
{
    public const int KeyBytes = 32;

    private KeyFile(string path, byte[] key)
    {
        Path = path;
        Key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));
    }

    public string Path { get; }
    public string Id { get; }
    internal byte[] Key { get; }

    /// <summary>Reads the key file.</summary>
    public static KeyFile Load(string path)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"The key file '{path}' does not exist.");
        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"'{path}' is not a ServiceHall key file (one line of base64).");
        }
        if (key.Length != KeyBytes)
            throw new InvalidOperationException($"'{path}' is not a ServiceHall key file ({KeyBytes} bytes expected).");
        return new KeyFile(path, key);
    }

    /// <summary>
    /// Reads the key file, or creates it with a fresh random key, readable by its owner only (0600 in
    /// a 0700 folder). Two processes starting together end up with the same key: the file appears at
    /// once by an atomic no-clobber move, and the loser reads the winner's.
    /// </summary>
    public static KeyFile LoadOrCreate(string path, out bool created)
    {
        created = false;
        if (File.Exists(path))
            return Load(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        using (var writer = new StreamWriter(new FileStream(temporary, options)))
            writer.WriteLine(Convert.ToBase64String(key));
        try
        {
            File.Move(temporary, path, overwrite: false);
            created = true;
            return new KeyFile(path, key);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return Load(path);
        }
    }

    /// <summary>Whether others than the owner may read the file (a Unix mode wider than 0600).</summary>
    public bool OthersMayRead() =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(Path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0;
}

/// <summary>
/// The key files this node knows: the current one encrypts new keys (none when a certificate does),
/// previous ones only decrypt keys stored before a rotation until they are re-encrypted.
/// </summary>
public sealed class KeyFileRing(KeyFile? current, IReadOnlyList<KeyFile> previous)
{
    public KeyFile? Current { get; } = current;

    public KeyFile? Find(string id) =>
        Current?.Id == id ? Current : previous.FirstOrDefault(k => k.Id == id);
}
