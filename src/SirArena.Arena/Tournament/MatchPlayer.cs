using SirArena.Arena.Matches;
using SirArena.Arena.Statistics;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Tournament;

/// <summary>
/// Plays one match of an arena to its end: builds it from its spec, records every round to its replay as it is played,
/// and keeps the rounds for the report. A match that throws is a failure of that match alone, said in one sentence.
/// A silo's match grain and the plain runner (<see cref="InProcessVenue"/>) both play matches here.
/// </summary>
public sealed class MatchPlayer(MatchFactory factory, IMatchRecorderFactory recorders)
{
    /// <summary>The match played to <paramref name="rounds"/> (fewer when stopped), or null when
    /// <paramref name="cancellationToken"/> fired before it began, so that no empty replay is left behind.</summary>
    /// <param name="onProgress">called with the rounds played so far, every few rounds and at the end</param>
    public PlayedMatch? Play(MatchSpec spec, long rounds, Action<long> onProgress, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return null;
        IntraOpThreads.OnThisThread(); // before the replay header records the threads
        var results = new List<RoundResult>();
        try
        {
            using (var match = factory.Create(spec))
            using (var recorder = recorders.Open(spec, match))
            {
                foreach (var result in match.Play(rounds, cancellationToken))
                {
                    recorder.Record(result);
                    results.Add(result);
                    if (results.Count % 10 == 0) onProgress(results.Count);
                }
            }
            onProgress(results.Count);
            return new PlayedMatch(new MatchOutcome(spec.Agent.Name, spec.Scenario, spec.Seed, results), null);
        }
        catch (Exception e)
        {
            return new PlayedMatch(null, MatchFailure.Of(spec, results.Count, e));
        }
    }
}
