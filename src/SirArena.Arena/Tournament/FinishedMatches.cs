using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Tournament;

/// <summary>
/// The matches an interrupted arena already finished, read back from their replays in its folder so that a resumed
/// run plays only the rest. A replay counts as finished when it is the very match asked for (same spec, same model
/// hash) and holds every round of it, uncut; a missing one is played, and a cut, short or damaged one is removed and
/// played again from round 0 (a match cannot continue mid-way without its checkpoint, and replaying it gives the same
/// rounds).
/// </summary>
public sealed class FinishedMatches(string folder, MatchFactory factory)
{
    /// <summary>The outcome recorded for <paramref name="spec"/>, or null when it has to be played (again).</summary>
    public MatchOutcome? TryRead(MatchSpec spec, long rounds)
    {
        var path = Path.Combine(folder, ReplayFiles.Name(spec));
        if (!File.Exists(path)) return null;
        var results = new List<Simulation.Loop.RoundResult>();
        bool complete;
        try
        {
            using var reader = ReplayReader.Open(path);
            if (reader.Header.Match != spec)
                throw new InvalidDataException($"{path}: records another match ({Describe(reader.Header.Match)}) than this arena's {Describe(spec)}; resume the folder with the arena that made it");
            if (reader.Header.ModelHash != factory.ModelHash(spec.Agent))
                throw new InvalidDataException($"{path}: was played with model hash {reader.Header.ModelHash}, but the model now has hash {factory.ModelHash(spec.Agent)}; a resumed arena must use the same model");
            foreach (var round in reader.ReadRounds())
            {
                if (results.Count == rounds) break;
                results.Add(round.Result);
            }
            complete = results.Count == rounds && !reader.WasCutOff;
        }
        catch (ReplayFormatException)
        {
            complete = false; // damaged beyond a cut-off last line: playing the match again rewrites it whole
        }
        if (complete) return new MatchOutcome(spec.Agent.Name, spec.Scenario, spec.Seed, results);
        File.Delete(path);
        return null;
    }

    static string Describe(MatchSpec spec) => $"{spec.Scenario} / {spec.Agent.Name} / seed {spec.Seed}";
}
