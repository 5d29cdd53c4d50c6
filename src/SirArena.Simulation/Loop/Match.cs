using SirArena.Simulation.Statistics;

namespace SirArena.Simulation.Loop;

/// <summary>
/// One agent against one scenario: the round loop. Each round the scenario poses a turn, the agent chooses, the
/// scenario resolves, the agent observes. The stream of rounds is endless; it stops after a number of rounds or when
/// a cancellation token fires, always between rounds, so a stopped match never holds a half-played round.
/// Disposing a match disposes its agent when the agent holds resources (a language model's cache).
/// </summary>
public sealed class Match : IDisposable
{
    public Match(IScenario scenario, IAgent agent)
    {
        Scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        Agent = agent ?? throw new ArgumentNullException(nameof(agent));
    }

    public IScenario Scenario { get; }
    public IAgent Agent { get; }

    /// <summary>Rounds resolved so far.</summary>
    public long RoundsPlayed { get; private set; }

    /// <summary>Win/tie/loss counts of the rounds played so far.</summary>
    public MatchTally Tally { get; } = new();

    /// <summary>Plays exactly one round.</summary>
    public RoundResult PlayRound()
    {
        var turn = Scenario.NextTurn();
        var choice = Agent.Choose(turn);
        ChoiceValidation.ThrowIfInvalid(Agent.Name, turn, choice);
        var result = Scenario.Resolve(choice);
        Agent.Observe(result);
        Tally.Add(result.Outcome);
        RoundsPlayed++;
        return result;
    }

    /// <summary>
    /// The rounds as a lazy stream: endless when <paramref name="maxRounds"/> is null, otherwise that many more
    /// rounds. Cancellation ends the stream quietly before the next round (no exception): the caller still gets a
    /// clean summary of what was played.
    /// </summary>
    public IEnumerable<RoundResult> Play(long? maxRounds = null, CancellationToken cancellationToken = default)
    {
        // Checked here, not in the iterator, so a bad count fails when Play is called rather than when first read.
        if (maxRounds < 0) throw new ArgumentOutOfRangeException(nameof(maxRounds), maxRounds, "The number of rounds cannot be negative.");
        return Rounds(maxRounds, cancellationToken);
    }

    IEnumerable<RoundResult> Rounds(long? maxRounds, CancellationToken cancellationToken)
    {
        for (long played = 0; maxRounds is null || played < maxRounds; played++)
        {
            if (cancellationToken.IsCancellationRequested) yield break;
            yield return PlayRound();
        }
    }

    /// <summary>Plays like <see cref="Play"/>, handing every round to <paramref name="onRound"/>, and returns the tally.</summary>
    public MatchTally Run(long? maxRounds = null, CancellationToken cancellationToken = default, Action<RoundResult>? onRound = null)
    {
        foreach (var result in Play(maxRounds, cancellationToken)) onRound?.Invoke(result);
        return Tally;
    }

    /// <summary>
    /// Writes everything that decides the rounds still to come: the counters, the scenario's state and the agent's.
    /// A match built again from the same specification and given <see cref="RestoreState"/> plays on exactly as this
    /// one would.
    /// </summary>
    public void SaveState(BinaryWriter writer)
    {
        writer.Write(RoundsPlayed);
        Tally.SaveState(writer);
        Resumable(Scenario, "scenario").SaveState(writer);
        Resumable(Agent, "agent").SaveState(writer);
    }

    public void RestoreState(BinaryReader reader)
    {
        RoundsPlayed = reader.ReadInt64();
        Tally.RestoreState(reader);
        Resumable(Scenario, "scenario").RestoreState(reader);
        Resumable(Agent, "agent").RestoreState(reader);
    }

    static IResumable Resumable(object part, string what) => part as IResumable
        ?? throw new NotSupportedException($"the {what} {part.GetType().Name} cannot be checkpointed (it does not implement {nameof(IResumable)})");

    public void Dispose() => (Agent as IDisposable)?.Dispose();
}
