using Microsoft.Extensions.Options;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tournament;

/// <summary>
/// Checks an <see cref="ArenaOptions"/> before anything loads, naming each bad key by its configuration path
/// (Arena:Agents:1:Budget) and what was expected, so a malformed arena.json stops with all its problems at once.
/// </summary>
public sealed class ArenaOptionsValidator : IValidateOptions<ArenaOptions>
{
    public ValidateOptionsResult Validate(string? name, ArenaOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IEnumerable<string> Problems(ArenaOptions options, ScenarioCatalog? catalog = null)
    {
        const string at = ArenaOptions.Section;
        if (options.Rounds <= 0) yield return $"{at}:Rounds: expected a positive number of rounds, got {options.Rounds}";
        if (options.Seeds.Length == 0) yield return $"{at}:Seeds: expected at least one seed";
        if (options.Parallelism <= 0) yield return $"{at}:Parallelism: expected a positive number, got {options.Parallelism}";
        if (options.Opponents.Length == 0) yield return $"{at}:Opponents: expected at least one scenario name";
        if (options.Agents.Length == 0) yield return $"{at}:Agents: expected at least one agent";
        if (catalog is not null)
            for (int i = 0; i < options.Opponents.Length; i++)
                if (!catalog.Contains(options.Opponents[i]))
                    yield return $"{at}:Opponents:{i}: unknown scenario \"{options.Opponents[i]}\"; known: {string.Join(", ", catalog.Names)}";
        foreach (var problem in PoolProblems(options)) yield return problem;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < options.Agents.Length; i++)
        {
            var agent = options.Agents[i];
            string? problem = null;
            try { agent.Validate(); }
            catch (ArgumentException e) { problem = e.Message; }
            if (problem is not null) yield return $"{at}:Agents:{i}: {problem}";
            if (!names.Add(agent.Name)) yield return $"{at}:Agents:{i}:Name: \"{agent.Name}\" is used by two agents; names must be unique";
        }
    }

    /// <summary>Every pooled name must be one of the arena's opponents, spelt as there, since the report pools the matches by it.</summary>
    static IEnumerable<string> PoolProblems(ArenaOptions options)
    {
        const string at = ArenaOptions.Section + ":Pools";
        foreach (var (pool, scenarios) in options.Pools)
        {
            if (scenarios is null || scenarios.Length < 2)
            {
                yield return $"{at}:{pool}: expected two or more opponents to pool";
                continue;
            }
            for (int i = 0; i < scenarios.Length; i++)
            {
                if (!options.Opponents.Contains(scenarios[i], StringComparer.Ordinal))
                    yield return $"{at}:{pool}:{i}: \"{scenarios[i]}\" is not an opponent of this arena; its opponents: {string.Join(", ", options.Opponents)}";
                else if (Array.IndexOf(scenarios, scenarios[i]) < i)
                    yield return $"{at}:{pool}:{i}: \"{scenarios[i]}\" is pooled twice";
            }
        }
    }
}
