namespace SirArena.Simulation.Loop;

/// <summary>
/// A player of any scenario. The loop calls <see cref="Choose"/> once per round, then <see cref="Observe"/> with
/// that round's result, strictly alternating. An instance belongs to one match: it may keep state (a counting bot's
/// tallies, a language model's cache) and is not shared between matches or threads.
/// A language-model agent appends <see cref="Turn.Prompt"/>, scores <see cref="Turn.Candidates"/> and, after
/// choosing, appends the chosen candidate; a scripted agent reads <see cref="Turn.Facts"/>.
/// Neither may read <see cref="Turn.Truth"/> unless it is an oracle by name.
/// </summary>
public interface IAgent
{
    /// <summary>Short name for reports and replays ("oracle", "frequency", "sir-1024").</summary>
    string Name { get; }

    /// <summary>Chooses a candidate; <see cref="AgentChoice.Scores"/> must hold one score per candidate.</summary>
    AgentChoice Choose(Turn turn);

    /// <summary>Learns the result of the round it just chose in. The next turn's facts repeat what the user says.</summary>
    void Observe(RoundResult result);
}
