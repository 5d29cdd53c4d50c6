using System.CommandLine;
using SirArena.Cli.Commands;

var root = new RootCommand("sirarena: language-model agents with bounded memory against scripted opponents, round after round")
{
    BenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
