namespace SirArena.Simulation.Scenarios;

/// <summary>
/// Finds the repository's scenarios/ folder by walking up from a start directory (by default the running
/// assembly's) to the folder holding SirArena.sln, so tests and the CLI run from bin/ find the shipped files.
/// </summary>
public static class ScenarioFolder
{
    public const string SolutionFile = "SirArena.sln";
    public const string FolderName = "scenarios";

    public static string Locate(string? startDirectory = null)
    {
        var start = startDirectory ?? AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                var folder = Path.Combine(dir.FullName, FolderName);
                return Directory.Exists(folder)
                    ? folder
                    : throw new DirectoryNotFoundException($"Found {SolutionFile} in {dir.FullName}, but no {FolderName}/ folder beside it.");
            }
        }
        throw new DirectoryNotFoundException(
            $"No {SolutionFile} in {start} or any folder above it; pass the scenarios folder explicitly.");
    }
}
