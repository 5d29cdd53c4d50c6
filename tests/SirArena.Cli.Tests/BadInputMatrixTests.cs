using SirArena.Arena.Tests.Support;
using SirArena.Cli.Tests.Support;

namespace SirArena.Cli.Tests;

/// <summary>
/// Every input a user can get wrong, as a table: for each, the CLI exits with the usage code (2), says so in ONE
/// line on stderr naming where the problem is (the flag, the key path or the file), and leaves the folder it was
/// given exactly as it found it: no replay, no run folder, no changed file.
/// </summary>
public class BadInputMatrixTests(BadInputMatrixTests.ModelTemplate template) : IClassFixture<BadInputMatrixTests.ModelTemplate>
{
    public sealed class ModelTemplate : IDisposable
    {
        public TinyModelFolder Model { get; } = new();
        public void Dispose() => Model.Dispose();
    }

    /// <param name="Case">what is wrong, as the test's name shows it</param>
    /// <param name="Args">the command line, given the sandbox</param>
    /// <param name="Names">what the one-line message must contain (the flag, key path or file)</param>
    /// <param name="Arrange">what the case spoils in the sandbox before running</param>
    public sealed record BadInput(string Case, Func<BadInputSandbox, string[]> Args, Func<BadInputSandbox, string[]> Names, Action<BadInputSandbox>? Arrange = null, int ExitCode = 2);

    static Func<BadInputSandbox, string[]> Play(params string[] extra) => s =>
        ["play", "--config", s.Config, .. extra.Contains("--rounds") ? [] : new[] { "--rounds", "2" }, .. extra];
    static Func<BadInputSandbox, string[]> PlayModel() => s => ["play", "--config", s.Config, "--rounds", "2", "--model", s.Model];
    static Func<BadInputSandbox, string[]> Arena(params string[] extra) => s => ["arena", "--config", s.Config, .. extra];
    static Func<BadInputSandbox, string[]> Serve(params string[] extra) => s => ["serve", "--config", s.Config, .. extra];
    static Func<BadInputSandbox, string[]> Soak(params string[] extra) => s =>
        ["soak", "--config", s.Config, .. extra.Contains("--rounds") || extra.Contains("--minutes") ? [] : new[] { "--rounds", "2" }, .. extra];
    static Func<BadInputSandbox, string[]> Name(params string[] names) => _ => names;
    static Action<BadInputSandbox> Config(string from, string to) => s => s.EditConfig(from, to);
    const string SirAgent = """{ "Name": "sir", "Kind": "llm", "Policy": "sir", "Budget": 200, "Eta": 0.9 }""";
    const string StreamingAgent = """{ "Name": "streaming", "Kind": "llm", "Policy": "streaming", "Budget": 200 }""";

    static readonly BadInput[] Table =
    [
        // play: numeric flags, out of range and not numbers
        new("play --rounds -5", Play("--rounds", "-5"), Name("--rounds", "-5")),
        new("play --rounds 0", Play("--rounds", "0"), Name("--rounds")),
        new("play --rounds abc", Play("--rounds", "abc"), Name("--rounds", "abc")),
        new("play --rounds 1.5", Play("--rounds", "1.5"), Name("--rounds")),
        new("play --budget 0", Play("--budget", "0"), Name("--budget")),
        new("play --threads 0", Play("--threads", "0"), Name("--threads")),
        new("play --budget lots", Play("--budget", "lots"), Name("--budget")),
        new("play --budget 100000 (past max_position_embeddings)", Play("--budget", "100000"), Name("--budget", "max_position_embeddings", "config.json")),
        new("play --budget 16 (no round fits)", Play("--budget", "16"), Name("--budget", "16", "rock-biased")),
        new("play with arena.json's challenger Budget past the model's limit", Play(), Name("arena.json", "Arena:Agents:0 (\"sir\"): Budget 100000", "max_position_embeddings"), Config(SirAgent, SirAgent.Replace("200", "100000"))),
        new("play --start -1", Play("--start", "-1"), Name("--start")),
        new("play --start 600 (not below the budget)", Play("--start", "600"), Name("--start", "600")),
        new("play --recent -3", Play("--recent", "-3"), Name("--recent")),
        new("play --recent 1000 (more than the budget)", Play("--recent", "1000"), Name("--recent")),
        new("play --eta 0", Play("--eta", "0"), Name("--eta")),
        new("play --eta 1.5", Play("--eta", "1.5"), Name("--eta")),
        new("play --eta NaN", Play("--eta", "NaN"), Name("--eta")),
        new("play --eta x", Play("--eta", "x"), Name("--eta")),
        new("play --seed -1", Play("--seed", "-1"), Name("--seed")),
        new("play --seed abc", Play("--seed", "abc"), Name("--seed")),
        new("play --roll-every 0", Play("--roll-every", "0"), Name("--roll-every")),
        new("play --roll-every x", Play("--roll-every", "x"), Name("--roll-every")),
        new("play --policy bogus", Play("--policy", "bogus"), Name("--policy", "bogus")),
        new("play --opponent nobody", Play("--opponent", "nobody"), Name("nobody", "rock-biased")),
        new("play --unknown-flag", Play("--unknown-flag"), Name("--unknown-flag")),
        new("play --config missing.json", s => ["play", "--config", Path.Combine(s.Root, "missing.json"), "--rounds", "2"], Name("missing.json")),
        // play: output paths
        new("play --out an existing file", s => Play("--out", s.PlainFile)(s), s => ["--out", s.PlainFile]),
        new("play --out under a regular file", s => Play("--out", Path.Combine(s.PlainFile, "sub"))(s), s => ["--out", s.PlainFile]),
        new("play --out /proc/x (cannot be created)", Play("--out", "/proc/sirarena-x"), Name("--out", "/proc/sirarena-x")),
        new("play --out /sys/x (cannot be created)", Play("--out", "/sys/sirarena-x"), Name("--out", "/sys/sirarena-x")),
        new("arena.json Arena:Output is a file (play)", Play(), Name("Arena:Output", "notes.txt"), s => s.EditConfig("\"Output\": \"replays\"", "\"Output\": \"notes.txt\"")),
        // model folders
        new("model: folder missing", s => ["play", "--config", s.Config, "--rounds", "2", "--model", Path.Combine(s.Root, "no-model")], Name("no-model")),
        new("model: config.json missing", PlayModel(), Name("config.json"), s => File.Delete(Path.Combine(s.Model, "config.json"))),
        new("model: config.json not JSON", PlayModel(), Name("config.json"), s => File.WriteAllText(Path.Combine(s.Model, "config.json"), "{ not json")),
        new("model: config.json hidden_size -1", PlayModel(), Name("config.json", "hidden_size"), s => s.EditModelConfig("hidden_size", -1)),
        new("model: config.json max_position_embeddings 0", PlayModel(), Name("config.json", "max_position_embeddings"), s => s.EditModelConfig("max_position_embeddings", 0)),
        new("model: weights of another shape", PlayModel(), Name("model.safetensors", "intermediate_size"), s => s.EditModelConfig("intermediate_size", 48)),
        new("model: model.safetensors missing", PlayModel(), Name("model.safetensors"), s => File.Delete(Path.Combine(s.Model, "model.safetensors"))),
        new("model: model.safetensors truncated", PlayModel(), Name("model.safetensors"), s => Truncate(Path.Combine(s.Model, "model.safetensors"))),
        new("model: model.safetensors header garbage", PlayModel(), Name("model.safetensors"), s => File.WriteAllBytes(Path.Combine(s.Model, "model.safetensors"), [16, 0, 0, 0, 0, 0, 0, 0, .. "{ garbage here }"u8])),
        new("model: a NaN weight", PlayModel(), Name("model.safetensors", "model.norm.weight", "NaN"), s => s.Poison("model.norm.weight", float.NaN)),
        new("model: an infinite weight", PlayModel(), Name("model.safetensors", "model.layers.0.mlp.up_proj.weight"), s => s.Poison("model.layers.0.mlp.up_proj.weight", float.PositiveInfinity)),
        new("model: merges.txt missing", PlayModel(), Name("merges.txt"), s => File.Delete(Path.Combine(s.Model, "merges.txt"))),
        new("model: vocab.json not JSON", PlayModel(), Name("vocab.json"), s => File.WriteAllText(Path.Combine(s.Model, "vocab.json"), "[ 1, ")),
        new("model: no tokenizer files", PlayModel(), Name("model", "vocab.json", "merges.txt"), s => { File.Delete(Path.Combine(s.Model, "merges.txt")); File.Delete(Path.Combine(s.Model, "vocab.json")); }),
        new("model: NaN weight under arena", Arena(), Name("model.safetensors", "model.norm.weight"), s => s.Poison("model.norm.weight", float.NaN)),
        // arena: flags and output
        new("arena --rounds 0", Arena("--rounds", "0"), Name("--rounds")),
        new("arena --rounds abc", Arena("--rounds", "abc"), Name("--rounds", "abc")),
        new("arena --parallelism 0", Arena("--parallelism", "0"), Name("--parallelism")),
        new("arena --parallelism x", Arena("--parallelism", "x"), Name("--parallelism")),
        new("arena --out an existing file", s => Arena("--out", s.PlainFile)(s), s => ["--out", s.PlainFile]),
        new("arena --out /proc/x", Arena("--out", "/proc/sirarena-x"), Name("--out", "/proc/sirarena-x")),
        // arena.json: sections, keys and values
        new("arena.json: unknown section", Arena(), Name("unknown section", "Arean", "arena.json"), s => s.EditConfig("\"Arena\": {", "\"Arean\": { \"Rounds\": 3 }, \"Arena\": {")),
        new("arena.json: unknown key in an agent", Arena(), Name("Arena:Agents:0:Budgett", "arena.json"), Config("\"Budget\": 200, \"Eta\"", "\"Budgett\": 200, \"Eta\"")),
        new("arena.json: unknown key in Arena", Arena(), Name("Arena:Roundz"), Config("\"Rounds\": 30", "\"Roundz\": 30")),
        new("arena.json: unknown key in Serve", Arena(), Name("Serve:RollEvry"), Config("\"Arena\": {", "\"Serve\": { \"RollEvry\": 5 }, \"Arena\": {")),
        new("arena.json: unknown key in Compare", Arena(), Name("Arena:Compare:Challengerr"), Config("\"Rounds\": 30", "\"Compare\": { \"Challengerr\": \"sir\" }, \"Rounds\": 30")),
        new("arena.json: Rounds not a number", Arena(), Name("Arena:Rounds"), Config("\"Rounds\": 30", "\"Rounds\": \"many\"")),
        new("arena.json: Rounds -5", Arena(), Name("Arena:Rounds"), Config("\"Rounds\": 30", "\"Rounds\": -5")),
        new("arena.json: no seeds", Arena(), Name("Arena:Seeds"), Config("\"Seeds\": [ 3 ]", "\"Seeds\": [ ]")),
        new("arena.json: unknown opponent", Arena(), Name("Arena:Opponents:1", "nobody"), Config("\"switching\"", "\"nobody\"")),
        new("arena.json: a pooled name that is no opponent of the arena", Arena(), Name("Arena:Pools:biased:1", "\"rock-biasd\" is not an opponent of this arena"),
            Config("\"Rounds\": 30", "\"Pools\": { \"biased\": [ \"switching\", \"rock-biasd\" ] }, \"Rounds\": 30")),
        new("arena.json: a pool of one opponent", Arena(), Name("Arena:Pools:lonely", "two or more"), Config("\"Rounds\": 30", "\"Pools\": { \"lonely\": [ \"switching\" ] }, \"Rounds\": 30")),
        new("arena.json: one opponent pooled twice", Arena(), Name("Arena:Pools:twice:1", "pooled twice"), Config("\"Rounds\": 30", "\"Pools\": { \"twice\": [ \"switching\", \"switching\" ] }, \"Rounds\": 30")),
        new("arena.json: Budget past the model's limit", Arena(), Name("Arena:Agents:1 (\"streaming\"): Budget 100000", "max_position_embeddings 1024", "config.json"), Config(StreamingAgent, StreamingAgent.Replace("200", "100000"))),
        new("arena.json: Budget no round fits", Arena(), Name("Arena:Agents:1 (\"streaming\"): Budget 16"), Config(StreamingAgent, StreamingAgent.Replace("200", "16"))),
        new("arena.json: Start not below Budget", Arena(), Name("Arena:Agents:0", "Start 600"), Config(SirAgent, SirAgent.Replace("\"Budget\": 200", "\"Budget\": 512, \"Start\": 600"))),
        new("arena.json: Eta 2", Arena(), Name("Arena:Agents:0", "Eta"), Config(SirAgent, SirAgent.Replace("0.9", "2"))),
        new("arena.json: unknown policy", Arena(), Name("Arena:Agents:0", "bogus"), Config(SirAgent, SirAgent.Replace("\"Policy\": \"sir\"", "\"Policy\": \"bogus\""))),
        new("arena.json: unknown kind", Arena(), Name("Arena:Agents:2", "robot"), Config("\"Kind\": \"oracle\"", "\"Kind\": \"robot\"")),
        new("arena.json: two agents of one name", Arena(), Name("Arena:Agents:1:Name"), Config("\"Name\": \"streaming\"", "\"Name\": \"sir\"")),
        new("arena.json: an agent's model folder missing", Arena(), Name("elsewhere"), Config(StreamingAgent, StreamingAgent.Replace("\"Budget\": 200", "\"Budget\": 200, \"Model\": \"/tmp/sirarena-elsewhere-none\""))),
        new("arena.json: malformed JSON", Arena(), Name("arena.json", "line"), s => s.WriteConfig("{ \"Arena\": { \"Rounds\": 3, } ")),
        new("arena.json: Arena:Output is a file", Arena(), Name("Arena:Output", "notes.txt"), Config("\"Output\": \"replays\"", "\"Output\": \"notes.txt\"")),
        new("arena.json: Scenarios folder missing", Arena(), Name("no-scenarios"), s => s.EditConfig("/scenarios\"", "/no-scenarios\"")),
        // scenario files
        new("scenario: not JSON", Arena(), Name("rock-biased.json"), s => File.WriteAllText(Path.Combine(s.Scenarios, "rock-biased.json"), "{ \"kind\": ")),
        new("scenario: probabilities of an unknown move", Arena(), Name("rock-biased.json"), s => File.WriteAllText(Path.Combine(s.Scenarios, "rock-biased.json"), """{ "kind": "biased", "probabilities": { "stone": 1.0 } }""")),
        new("scenario: unknown kind", Arena(), Name("rock-biased.json"), s => File.WriteAllText(Path.Combine(s.Scenarios, "rock-biased.json"), """{ "kind": "telepathic" }""")),
        // serve
        new("serve --checkpoint-every 0", Serve("--checkpoint-every", "0"), Name("--checkpoint-every")),
        new("serve --roll-every -1", Serve("--roll-every", "-1"), Name("--roll-every")),
        new("serve --status-seconds 0", Serve("--status-seconds", "0"), Name("--status-seconds")),
        new("serve --status-seconds abc", Serve("--status-seconds", "abc"), Name("--status-seconds")),
        new("serve --parallelism 0", Serve("--parallelism", "0"), Name("--parallelism")),
        new("serve --out an existing file", s => Serve("--out", s.PlainFile)(s), s => ["--out", s.PlainFile]),
        new("serve --agent nobody", Serve("--agent", "nobody"), Name("--agent", "nobody")),
        new("arena.json: Serve:CheckpointEvery 0", Serve(), Name("Serve:CheckpointEvery"), Config("\"Arena\": {", "\"Serve\": { \"CheckpointEvery\": 0 }, \"Arena\": {")),
        // soak
        new("soak without --rounds or --minutes", s => ["soak", "--config", s.Config], Name("--rounds", "--minutes")),
        new("soak --rounds 0", Soak("--rounds", "0"), Name("--rounds")),
        new("soak --minutes -1", Soak("--minutes", "-1"), Name("--minutes")),
        new("soak --sample-every 0", Soak("--sample-every", "0"), Name("--sample-every")),
        new("soak --report-every x", Soak("--report-every", "x"), Name("--report-every")),
        new("soak --seed abc", Soak("--seed", "abc"), Name("--seed")),
        // bench
        new("bench engine --budgets 0", _ => ["bench", "engine", "--budgets", "0"], Name("--budgets")),
        new("bench engine --rounds 0", _ => ["bench", "engine", "--rounds", "0"], Name("--rounds")),
        new("bench engine --repeats x", _ => ["bench", "engine", "--repeats", "x"], Name("--repeats")),
        new("bench engine --soak-rounds -1", _ => ["bench", "engine", "--soak-rounds", "-1"], Name("--soak-rounds")),
        new("bench engine --threads 0", _ => ["bench", "engine", "--threads", "0"], Name("--threads")),
        new("bench play --threads 0", _ => ["bench", "play", "--threads", "0"], Name("--threads")),
        new("bench play --rounds 0", s => ["bench", "play", "--config", s.Config, "--rounds", "0"], Name("--rounds")),
        new("bench play --repeats 0", s => ["bench", "play", "--config", s.Config, "--repeats", "0"], Name("--repeats")),
        // train
        new("train --steps abc", s => ["train", "--out", Path.Combine(s.Root, "trained"), "--steps", "abc"], Name("--steps", "abc")),
        new("train --lr 0", s => ["train", "--out", Path.Combine(s.Root, "trained"), "--steps", "2", "--lr", "0"], Name("--lr")),
        new("train --grocery-share 2", s => ["train", "--out", Path.Combine(s.Root, "trained"), "--steps", "2", "--grocery-share", "2"], Name("--grocery-share")),
        new("train --shipped-item-share -1", s => ["train", "--out", Path.Combine(s.Root, "trained"), "--steps", "2", "--shipped-item-share", "-1"], Name("--shipped-item-share")),
        new("train --rule-weight -1", s => ["train", "--out", Path.Combine(s.Root, "trained"), "--steps", "2", "--rule-weight", "-1"], Name("--rule-weight")),
        new("train --move-weight -1", s => ["train", "--out", Path.Combine(s.Root, "trained"), "--steps", "2", "--move-weight", "-1"], Name("--move-weight")),
        new("train --players abc", s => ["train", "--out", Path.Combine(s.Root, "trained"), "--steps", "2", "--players", "abc"], Name("--players", "abc", "counting, sequences")),
        new("train --policies 1", s => ["train", "--out", Path.Combine(s.Root, "trained"), "--steps", "2", "--policies", "1"], Name("--policies", "paper, wide")),
        new("train --precision fp16", s => ["train", "--out", Path.Combine(s.Root, "trained"), "--steps", "2", "--precision", "fp16"], Name("--precision", "fp16", "fp32, bf16")),
        new("train --out naming an existing file", s => ["train", "--out", s.PlainFile, "--steps", "2"], Name("--out", "notes.txt")),
        new("train --scenarios naming no folder", s => ["train", "--out", Path.Combine(s.Root, "trained"), "--steps", "2", "--scenarios", Path.Combine(s.Root, "nowhere")], Name("nowhere")),
        // arena --resume
        new("arena --resume a folder that is not an arena run", s => ["arena", "--resume", s.Output], Name("--resume", "arena-run.json")),
        new("arena --resume with --rounds", s => ["arena", "--resume", s.Output, "--rounds", "5"], Name("--resume", "--rounds")),
        new("arena --resume a missing folder", s => ["arena", "--resume", Path.Combine(s.Root, "nowhere")], Name("--resume", "nowhere")),
        // replays (the chain checks have their own tests)
        new("replay: a file that is not a replay", s => ["replay", s.PlainFile], Name("notes.txt")),
        new("replay: a header that is not a replay header", s => ["replay", Path.Combine(s.Output, "earlier.jsonl")], Name("earlier.jsonl")),
        new("replay --round abc", s => ["replay", Path.Combine(s.Output, "earlier.jsonl"), "--round", "abc"], Name("--round", "abc")),
        new("replay --round -1", s => ["replay", Path.Combine(s.Output, "earlier.jsonl"), "--round", "-1"], Name("--round")),
        new("replay: missing file", s => ["replay", Path.Combine(s.Output, "missing.jsonl")], Name("missing.jsonl")),
        new("no verb at all", _ => [], Name("sirarena")),
    ];

    public static IEnumerable<object[]> Cases => Table.Select(c => new object[] { c.Case });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_input_exits_2_with_one_line_naming_it_and_writes_nothing(string name)
    {
        var bad = Table.Single(c => c.Case == name);
        using var sandbox = new BadInputSandbox(template.Model.Path);
        bad.Arrange?.Invoke(sandbox);
        var before = FolderSnapshot.Of(sandbox.Root);
        // A safety net only: a case that is wrongly accepted must not serve for ever.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var (code, _, error) = await CliRun.Invoke(stop.Token, bad.Args(sandbox));

        var line = error.TrimEnd('\r', '\n');
        code.Should().Be(bad.ExitCode, error);
        line.Should().StartWith("sirarena: ").And.NotContain("\n").And.NotContain("   at ");
        foreach (var expected in bad.Names(sandbox)) line.Should().Contain(expected);
        FolderSnapshot.Of(sandbox.Root).Should().Equal(before);
    }

    [Fact]
    public void The_table_holds_at_least_60_distinct_cases()
    {
        Table.Select(c => c.Case).Should().OnlyHaveUniqueItems().And.HaveCountGreaterThanOrEqualTo(60);
    }

    static void Truncate(string path)
    {
        using var file = new FileStream(path, FileMode.Open);
        file.SetLength(file.Length / 2);
    }
}
