namespace SirArena.Llm.Tests.Support;

/// <summary>The checkout the tests run from, found as the folder above the test binaries that holds SirArena.sln.</summary>
public static class RepositoryFolder
{
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SirArena.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds SirArena.sln");
    }
}
