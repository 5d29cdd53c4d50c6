using System.CommandLine;
using SirArena.Arena.Cluster;

namespace SirArena.Cli.Hosting;

/// <summary>
/// <c>--cluster redis://HOST:PORT</c>, the Redis server of an Orleans cluster, for `silo` and `arena`. Anything else
/// is refused at parse time (exit 2, nothing written) in one sentence naming the flag and what it expects.
/// </summary>
public static class ClusterOption
{
    public static Option<ClusterAddress?> Create(string description, bool required = false) => new(ClusterAddress.Flag)
    {
        Description = description,
        Required = required,
        CustomParser = result =>
        {
            var address = ClusterAddress.TryParse(result.Tokens.Count == 1 ? result.Tokens[0].Value : null, out var problem);
            if (address is null) result.AddError(problem!);
            return address;
        },
    };
}
