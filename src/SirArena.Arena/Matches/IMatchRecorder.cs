using SirArena.Simulation.Loop;

namespace SirArena.Arena.Matches;

/// <summary>Where a match's rounds go as they are played (its replay file); disposed when the match stops.</summary>
public interface IMatchRecorder : IDisposable
{
    void Record(RoundResult result);
}

/// <summary>Opens the recorder of each match.</summary>
public interface IMatchRecorderFactory
{
    IMatchRecorder Open(MatchSpec spec, Match match);
}
