using SirArena.Cli;

return await SirArenaCommandLine.Create().Parse(args).InvokeAsync();
