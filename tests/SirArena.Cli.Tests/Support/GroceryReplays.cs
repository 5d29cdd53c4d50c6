namespace SirArena.Cli.Tests.Support;

/// <summary>
/// Two short grocery replays of the same scenario and seed, one by SirLLM and one by StreamingLLM, with a budget small
/// enough that both evict: played once for every inspector test.
/// </summary>
public sealed class GroceryReplays : IDisposable
{
    public const int Rounds = 40;

    public ArenaFolder Arena { get; } = new();
    public string Sir { get; }
    public string Streaming { get; }

    public GroceryReplays()
    {
        Sir = Play("sir");
        Streaming = Play("streaming");
    }

    string Play(string policy)
    {
        var folder = Path.Combine(Arena.Output, policy);
        var (code, output, error) = CliRun.Invoke("play", "--opponent", "grocery", "--rounds", Rounds.ToString(), "--budget", "200",
            "--policy", policy, "--seed", "5", "--out", folder, "--config", Arena.Config).GetAwaiter().GetResult();
        if (code != 0) throw new InvalidOperationException($"play --policy {policy} failed with {code}: {error}{output}");
        return Directory.GetFiles(folder, "*.jsonl", SearchOption.AllDirectories).Single();
    }

    public void Dispose() => Arena.Dispose();
}
