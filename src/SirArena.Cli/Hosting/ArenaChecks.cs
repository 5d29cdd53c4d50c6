using SirArena.Arena.Matches;
using SirArena.Arena.Tournament;
using SirArena.Simulation.Scenarios;

namespace SirArena.Cli.Hosting;

/// <summary>
/// What `arena` checks before its run folder exists: the options, the output folder, each agent's budget against
/// its model's config.json, and the first round of every agent against every opponent on a throw-away match. A
/// problem with one agent would otherwise surface only after the other agents' replays were written.
/// </summary>
public static class ArenaChecks
{
    public static void BeforeAnyMatch(ArenaOptions options, ScenarioCatalog catalog, MatchFactory factory, ConfigFile configFile,
        string outFolder, string outName)
    {
        var problems = ArenaOptionsValidator.Problems(options, catalog).ToList();
        problems.AddRange(BudgetProblems(options, configFile));
        if (problems.Count > 0) throw new ArgumentException($"{configFile.Path}: invalid configuration: " + string.Join("; ", problems));
        OutputFolder.Check(outFolder, outName);
        for (int i = 0; i < options.Agents.Length; i++)
            AgentPreflight.FirstRounds(factory, options.Agents[i], options.Opponents, options.Seeds[0], $"{configFile.Path}: {AgentKey(options, i)}: Budget");
    }

    /// <summary>Each language-model agent's budget against its model's max_position_embeddings, by key path.</summary>
    public static IEnumerable<string> BudgetProblems(ArenaOptions options, ConfigFile configFile)
    {
        for (int i = 0; i < options.Agents.Length; i++)
        {
            var agent = options.Agents[i];
            var model = configFile.PathOf(agent.Model ?? options.Model);
            if (AgentPreflight.BudgetProblem(agent, model, $"{AgentKey(options, i)}: Budget") is { } problem) yield return problem;
        }
    }

    static string AgentKey(ArenaOptions options, int index) =>
        $"{ArenaOptions.Section}:Agents:{index} (\"{options.Agents[index].Name}\")";
}
