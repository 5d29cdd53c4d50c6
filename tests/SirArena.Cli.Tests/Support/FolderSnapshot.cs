using System.Security.Cryptography;

namespace SirArena.Cli.Tests.Support;

/// <summary>
/// Every folder and file under a root, files with their size and SHA-256, so two snapshots are equal exactly when
/// nothing was added, removed or changed in between.
/// </summary>
public static class FolderSnapshot
{
    public static SortedDictionary<string, string> Of(string root)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root)) return entries;
        foreach (var dir in Directory.GetDirectories(root, "*", SearchOption.AllDirectories))
            entries[Path.GetRelativePath(root, dir) + "/"] = "folder";
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
            entries[Path.GetRelativePath(root, file)] = $"{new FileInfo(file).Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))}";
        return entries;
    }
}
