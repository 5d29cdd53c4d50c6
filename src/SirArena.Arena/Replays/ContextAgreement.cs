using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Replays;

/// <summary>
/// Does the model read the context its memory left it? From a replay, the share of Rock-Paper-Scissors rounds in
/// which the agent played what beats the opponent move that appears most often among the tokens its cache held when
/// it answered (the retained set rebuilt round by round). Rounds where no move is visible, or the most frequent is
/// tied, are not counted. A visible move is a token whose text is exactly a move's name with no leading space: the
/// user's report "[rock]" tokenizes so in the shipped tokenizer, unlike the " rock" of the offered choices.
/// </summary>
public static class ContextAgreement
{
    public static Proportion Of(string replayPath)
    {
        using var reader = ReplayReader.Open(replayPath);
        var memory = new RetainedSet(reader.Header.Eta);
        var names = MoveRules.All.ToDictionary(MoveRules.Name, m => m);
        long agreed = 0, counted = 0;
        foreach (var round in reader.ReadRounds())
        {
            if (round.Trace is null) return new Proportion(0, 0);
            memory.Apply(round.Trace);
            if (round.Result is not RpsRoundResult rps) continue;
            var counts = new int[3];
            foreach (var token in memory.Tokens)
                if (names.TryGetValue(token.Text, out var move)) counts[(int)move]++;
            int most = counts.Max();
            if (most == 0 || counts.Count(c => c == most) > 1) continue;
            counted++;
            if (rps.AgentMove == MoveRules.BeaterOf((Move)Array.IndexOf(counts, most))) agreed++;
        }
        return new Proportion(agreed, counted);
    }
}
