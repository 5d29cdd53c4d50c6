using System.Text.Json.Nodes;
using SirArena.Arena.Replays;

namespace SirArena.Arena.Tests.Replays;

[Collection(RecordedLlmMatchCollection.Name)]
public class ReplayVerifierTests(RecordedLlmMatch recorded)
{
    [Fact]
    public void An_untouched_replay_is_reproduced_round_for_round()
    {
        var verdict = new ReplayVerifier(recorded.Factory).Verify(recorded.File);

        verdict.Reproduced.Should().BeTrue(verdict.Message);
        verdict.RoundsChecked.Should().Be(RecordedLlmMatch.Rounds);
        verdict.Message.Should().Be($"reproduced {RecordedLlmMatch.Rounds} rounds");
    }

    [Fact]
    public void A_tampered_choice_is_reported_at_its_round()
    {
        var file = Tampered("choice.jsonl", line: 9, node => // line 9 holds round 7: the header is line 1
        {
            var choice = node["result"]!["choice"]!;
            choice["index"] = (choice["index"]!.GetValue<int>() + 1) % 3;
        });

        var verdict = new ReplayVerifier(recorded.Factory).Verify(file);

        verdict.Reproduced.Should().BeFalse();
        verdict.FirstDifferentRound.Should().Be(7);
        verdict.RoundsChecked.Should().Be(7);
        verdict.Message.Should().StartWith("round 7 differs: the recorded choice is candidate");
    }

    [Fact]
    public void A_surprisal_beyond_the_tolerance_is_reported()
    {
        var file = Tampered("surprisal.jsonl", line: 4, node => // round 2
        {
            var surprisal = node["trace"]!["prompt"]!["surprisal"]!;
            surprisal[2] = surprisal[2]!.GetValue<float>() + 1e-3f;
        });

        var verdict = new ReplayVerifier(recorded.Factory).Verify(file);

        verdict.FirstDifferentRound.Should().Be(2);
        verdict.Message.Should().Contain("prompt surprisal[2]");
    }

    [Fact]
    public void Another_model_is_reported_without_re_running()
    {
        var file = Tampered("model.jsonl", line: 1, node => node["modelHash"] = "0123abcd");

        var verdict = new ReplayVerifier(recorded.Factory).Verify(file);

        verdict.Reproduced.Should().BeFalse();
        verdict.FirstDifferentRound.Should().BeNull();
        verdict.Message.Should().Contain("the model differs").And.Contain("0123abcd");
    }

    [Fact]
    public void A_header_whose_eta_disagrees_with_its_spec_is_reported()
    {
        var file = Tampered("eta.jsonl", line: 1, node => node["eta"] = 0.8f);

        var verdict = new ReplayVerifier(recorded.Factory).Verify(file);

        verdict.Reproduced.Should().BeFalse();
        verdict.Message.Should().Contain("records eta 0.8, but its agent spec gives eta 0.9");
    }

    [Fact]
    public void A_baseline_replay_verifies_too()
    {
        using var factory = BaselineFactory.Create();
        var file = recorded.Folder.File("oracle-verify.jsonl");
        ReplayFolder.Record(factory, BaselineFactory.Oracle("grocery"), file, 50);

        new ReplayVerifier(factory).Verify(file).Message.Should().Be("reproduced 50 rounds");
    }

    [Fact]
    public void A_replay_records_the_threads_its_decoder_ran_on_and_verifying_it_leaves_the_process_on_its_own()
    {
        int threads = TorchSharp.torch.get_num_threads();
        using (var reader = ReplayReader.Open(recorded.File)) reader.Header.Threads.Should().Be(threads);
        var file = Tampered("threads.jsonl", line: 1, node => node["threads"] = threads + 1);

        var verdict = new ReplayVerifier(recorded.Factory).Verify(file);

        verdict.RoundsChecked.Should().BeGreaterThan(0, verdict.Message);
        TorchSharp.torch.get_num_threads().Should().Be(threads, "the recorded count holds only while the match is played again");
    }

    string Tampered(string name, int line, Action<JsonNode> change)
    {
        var lines = File.ReadAllLines(recorded.File);
        var node = JsonNode.Parse(lines[line - 1])!;
        change(node);
        lines[line - 1] = node.ToJsonString();
        var file = recorded.Folder.File(name);
        File.WriteAllLines(file, lines);
        return file;
    }
}
