using System.CommandLine;
using SirArena.Cli.Commands;

namespace SirArena.Cli;

/// <summary>The `sirarena` verbs; Program.cs only parses and invokes.</summary>
public static class SirArenaCommandLine
{
    public static RootCommand Create() => new("sirarena: language-model agents with bounded memory against scripted opponents, round after round")
    {
        PlayCommand.Create(),
        ArenaCommand.Create(),
        ReplayCommand.Create(),
        TrainCommand.Create(),
        BenchCommand.Create(),
        ServeCommand.Create(),
        SoakCommand.Create(),
    };
}
