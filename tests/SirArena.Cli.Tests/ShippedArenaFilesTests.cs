using SirArena.Cli.Tests.Support;
using SirArena.Llm.Tests.Support;

namespace SirArena.Cli.Tests;

/// <summary>
/// Every arena file the repository ships, run for one round a match on the shipped model: the README and
/// docs/results.md give their commands, so a file that names an unknown opponent or a budget past the model's limit
/// must fail here rather than in a reader's terminal.
/// </summary>
public class ShippedArenaFilesTests
{
    static readonly string RepositoryRoot = RepositoryFolder.Locate();

    static string[] Shipped() => [.. Directory.GetFiles(RepositoryRoot, "arena*.json").Select(f => Path.GetFileName(f))];

    public static TheoryData<string> Files => new(Shipped());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Plays_a_round_of_every_match_and_writes_its_report(string file)
    {
        using var output = new TempFolder();

        var (code, _, error) = await CliRun.Invoke("arena", "--config", Path.Combine(RepositoryRoot, file), "--rounds", "1", "--out", output.Path);

        code.Should().Be(0, error);
        Directory.GetFiles(output.Path, "report.md", SearchOption.AllDirectories).Should().ContainSingle();
    }

    [Fact]
    public void The_arena_files_the_docs_name_are_there()
    {
        Shipped().Should().Contain(["arena.json", "arena-seeds.json", "arena-leaderboard.json", "arena-policies.json", "arena-reader.json", "arena-held-out.json", "arena-holdout-seeds.json"]);
    }
}
