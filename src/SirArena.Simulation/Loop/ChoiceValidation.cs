namespace SirArena.Simulation.Loop;

/// <summary>
/// Checks an agent's answer against the turn before the scenario sees it, so a faulty agent fails with its name and
/// what was wrong instead of an index error deep in a game.
/// </summary>
internal static class ChoiceValidation
{
    public static void ThrowIfInvalid(string agentName, Turn turn, AgentChoice? choice)
    {
        var where = $"Agent '{agentName}' in round {turn.Round} of '{turn.Scenario}'";
        if (choice is null)
            throw new InvalidOperationException($"{where} returned no choice.");
        if (choice.Index < 0 || choice.Index >= turn.Candidates.Count)
            throw new InvalidOperationException(
                $"{where} chose candidate {choice.Index}, but the turn offers {turn.Candidates.Count} (0..{turn.Candidates.Count - 1}).");
        if (choice.Scores is null || choice.Scores.Count != turn.Candidates.Count)
            throw new InvalidOperationException(
                $"{where} returned {choice.Scores?.Count ?? 0} scores; expected one per candidate ({turn.Candidates.Count}).");
        if (choice.Scores.Any(double.IsNaN))
            throw new InvalidOperationException($"{where} returned a NaN score; replays need real numbers (-infinity is allowed).");
    }
}
