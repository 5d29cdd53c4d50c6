namespace SirArena.Cli.Hosting;

/// <summary>
/// The folder a verb writes into: checked with the other inputs, and created only once every check has passed, as
/// the verb's first write, so a refused run leaves nothing behind. Messages name the flag or key it came from.
/// </summary>
public static class OutputFolder
{
    /// <summary>Refuses a path that is an existing file or lies under one.</summary>
    /// <param name="source">how the user gave it: "--out" or "arena.json: Arena:Output"</param>
    public static void Check(string path, string source)
    {
        if (File.Exists(path)) throw new ArgumentException($"{source} {path}: is an existing file; expected a folder");
        for (var dir = Path.GetDirectoryName(path); dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
            if (File.Exists(dir)) throw new ArgumentException($"{source} {path}: {dir} is a file, so no folder can be made under it");
    }

    /// <summary>Checks and creates the folder; a folder the system refuses (no permission, read-only, a full disk) is a user error.</summary>
    /// <param name="create">how the folder is made; tests pass one that fails as a full disk does</param>
    public static string Create(string path, string source, Func<string, DirectoryInfo>? create = null)
    {
        Check(path, source);
        try
        {
            (create ?? Directory.CreateDirectory)(path);
            return path;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new ArgumentException($"{source} {path}: cannot create the folder: {e.Message}");
        }
    }
}
