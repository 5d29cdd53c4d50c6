using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Cli.Views;
using Spectre.Console;

namespace SirArena.Cli.Commands;

/// <summary>
/// The body of `play`: build the match, stream its rounds to a replay and the view, summarise on exit. The replay is a
/// new chain whose lock (<see cref="ChainLock"/>) the run holds until its last file is closed.
/// </summary>
public sealed class PlayRun(MatchFactory factory, TextWriter output)
{
    const int ReportEvery = 100;

    public int Run(MatchSpec spec, long? rounds, string replayFolder, CancellationToken cancellation, long? rollEvery = null)
    {
        using var match = factory.Create(spec);
        using var chainLock = ReplayFiles.NewChain(replayFolder, "play", spec);
        var replay = chainLock.Guarded;
        var view = new PlayView(output, match);
        using (IMatchRecorder recorder = rollEvery is { } n
                   ? new RollingReplayRecorder(replay, spec, match, factory, n)
                   : ReplayRecorder.Open(replay, spec, match, factory))
        {
            void Play(Action afterRound)
            {
                foreach (var result in match.Play(rounds, cancellation))
                {
                    recorder.Record(result);
                    view.Add(result);
                    afterRound();
                }
            }

            if (Console.IsOutputRedirected || output != Console.Out)
            {
                Play(() => { if (view.Rounds % ReportEvery == 0) output.WriteLine(view.Line()); });
            }
            else
            {
                AnsiConsole.Live(view.Table()).Start(live =>
                {
                    long shown = Environment.TickCount64;
                    Play(() =>
                    {
                        if (Environment.TickCount64 - shown < 250) return;
                        live.UpdateTarget(view.Table());
                        shown = Environment.TickCount64;
                    });
                    live.UpdateTarget(view.Table());
                });
            }
        }
        view.WriteSummary(spec.Scenario, spec.Agent.Name, replay);
        return 0;
    }
}
