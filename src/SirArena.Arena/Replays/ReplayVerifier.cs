using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Llm.Checkpoints;
using SirArena.Simulation.Scenarios;
using TorchSharp;

namespace SirArena.Arena.Replays;

/// <summary>
/// `sirarena replay FILE --verify`: builds the match again from the header's spec, checks that the model is the one
/// recorded (by content hash), plays as many rounds as the replay holds and compares them one by one
/// (<see cref="RoundComparison"/>). Problems with the re-run (another model, an unknown scenario, a missing model
/// folder) come back as a verdict, not an exception; an unreadable replay, or a chain with any break
/// (<see cref="ReplayChain"/>), throws <see cref="ReplayFormatException"/>: a chain is verified whole or not at all,
/// never up to a break.
/// </summary>
public sealed class ReplayVerifier(MatchFactory factory)
{
    public ReplayVerification Verify(string path, CancellationToken cancellationToken = default)
    {
        var chain = ReplayChain.Open(path);
        var header = chain.Header;
        if (header.FirstRound != 0)
            return ReplayVerification.NotRun(
                $"{path} continues {header.Previous ?? "an earlier file"} from round {header.FirstRound}; verify the chain from its first file");
        if (header.Version < ReplayHeader.LeadGatedDecayVersion && header.Match.Agent.AdaptsDecay)
            return ReplayVerification.NotRun(
                $"{path} (version {header.Version}) was recorded with an earlier adaptive decay, whose etas this build does not choose; " +
                "`replay --round` still rebuilds its memory from the etas it recorded");

        Simulation.Loop.Match match;
        try
        {
            if (ModelMismatch(header) is { } mismatch) return ReplayVerification.NotRun(mismatch);
            match = factory.Create(header.Match, header.Version);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or CheckpointException or UnknownScenarioException)
        {
            return ReplayVerification.NotRun($"the match of {path} cannot be built again: {e.Message}");
        }

        // Summation order, and so the last bits of every score, depends on how many threads a matrix product is split
        // over: the match is played again with the thread count it was recorded with.
        int threads = torch.get_num_threads();
        if (header.Threads is { } recorded && recorded != threads) torch.set_num_threads(recorded);
        try
        {
            // The rebuild of the retained set decays by the header's eta; a header that disagrees with its own spec
            // would rebuild other scores even when every round reproduces.
            var eta = match.Agent is IMemoryAgent memory ? memory.Eta : 1f;
            if (eta != header.Eta)
                return ReplayVerification.NotRun($"the header of {path} records eta {header.Eta:R}, but its agent spec gives eta {eta:R}; the header was altered");
            long checkedRounds = 0;
            foreach (var round in chain.ReadRounds())
            {
                if (cancellationToken.IsCancellationRequested)
                    return ReplayVerification.NotRun($"cancelled after {checkedRounds} rounds reproduced");
                var live = match.PlayRound();
                var trace = (match.Agent as IMemoryAgent)?.LastTrace;
                if (RoundComparison.FirstDifference(round, live, trace) is { } how)
                    return ReplayVerification.Differs(checkedRounds, round.Round, how);
                checkedRounds++;
            }
            return ReplayVerification.Success(checkedRounds, chain.WasCutOff);
        }
        finally
        {
            (match.Agent as IDisposable)?.Dispose();
            torch.set_num_threads(threads);
        }
    }

    string? ModelMismatch(ReplayHeader header)
    {
        var agent = header.Match.Agent;
        if (!agent.IsLlm) return null;
        var now = factory.ModelHash(agent);
        if (header.ModelHash is null) return $"the replay does not record which model it used; the model now is {now}";
        return now == header.ModelHash
            ? null
            : $"the model differs: the replay was recorded with model hash {header.ModelHash}, but {agent.Model ?? "the default model"} now has hash {now}; " +
              "verify with the model the replay was recorded with";
    }
}
