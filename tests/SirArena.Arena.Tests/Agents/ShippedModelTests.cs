using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Tests.Replays;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Agents;

/// <summary>The default model shipped under models/sir-tiny: its files are the ones its model card describes, and it plays.</summary>
public partial class ShippedModelTests
{
    static string ModelFolder => Path.Combine(Path.GetDirectoryName(ScenarioFolder.Locate())!, "models", "sir-tiny");

    [GeneratedRegex(@"^\|\s*`?(?<file>[\w.\-]+)`?\s*\|\s*`?(?<hash>[0-9a-f]{64})`?\s*\|", RegexOptions.Multiline)]
    private static partial Regex HashRow();

    [Fact]
    public void Its_files_match_the_sha256_hashes_recorded_in_the_model_card()
    {
        var card = File.ReadAllText(Path.Combine(ModelFolder, "README.md"));
        var recorded = HashRow().Matches(card).ToDictionary(m => m.Groups["file"].Value, m => m.Groups["hash"].Value);

        recorded.Keys.Should().Contain(["config.json", "model.safetensors", "vocab.json", "merges.txt"]);
        foreach (var (file, hash) in recorded)
        {
            using var stream = File.OpenRead(Path.Combine(ModelFolder, file));
            Convert.ToHexStringLower(SHA256.HashData(stream)).Should().Be(hash, file);
        }
    }

    [Fact]
    public void It_loads_and_plays_20_rounds_under_sir_memory()
    {
        using var factory = new MatchFactory(ScenarioCatalog.LoadDefault(), ModelFolder);
        var match = factory.Create(new MatchSpec("rock-biased", 1, new AgentSpec { Name = "sir", Policy = "sir", Budget = 512, Eta = 0.9f }));
        using var agent = (LlmAgent)match.Agent;

        var results = match.Play(20).ToList();

        results.Should().HaveCount(20);
        agent.CachedTokens.Should().BeInRange(1, 512);
        results.Select(r => r.Choice.Scores.Max()).Should().OnlyContain(s => s > Math.Log(0.2), "the model puts real probability on an answer letter");
    }

    [Fact]
    public void A_replay_from_before_unrotated_keys_verifies_only_played_with_keys_stored_rotated()
    {
        // The trained model's sharp answers show the last bits that keys re-rotated by every shift leave within a few
        // rounds of the first eviction, where a random test model's near-uniform ones stay within the tolerance.
        using var factory = new MatchFactory(ScenarioCatalog.LoadDefault(), ModelFolder);
        using var folder = new ReplayFolder();
        var spec = new MatchSpec("rock-biased", 1, new AgentSpec { Name = "sir", Policy = "sir", Budget = 512, Eta = 0.9f });
        var file = folder.File("sir-v6.jsonl");
        ((LlmAgent)ReplayFolder.Record(factory, spec, file, 60, replayVersion: ReplayHeader.PrefixScoringVersion).Agent).Dispose();
        var verifier = new ReplayVerifier(factory);
        verifier.Verify(file).Reproduced.Should().BeTrue("the verifier re-rotates a version 6 replay's keys as they move");

        ReplayFolder.Relabel(file, ReplayHeader.PrefixScoringVersion, ReplayHeader.UnrotatedKeysVersion);
        verifier.Verify(file).Reproduced.Should().BeFalse("keys rotated afresh in every pass differ in their last bits");
    }
}
