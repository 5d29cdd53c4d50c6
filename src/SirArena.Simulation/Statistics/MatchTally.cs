using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Statistics;

/// <summary>
/// Wins, ties and losses of one match (unscored turns counted apart), with rates over the scored rounds.
/// Not thread-safe: it belongs to the match that fills it.
/// </summary>
public sealed class MatchTally
{
    public long Wins { get; private set; }
    public long Ties { get; private set; }
    public long Losses { get; private set; }
    public long Unscored { get; private set; }

    /// <summary>Rounds that count towards the rates (wins + ties + losses).</summary>
    public long Scored => Wins + Ties + Losses;

    public Proportion WinRate => new(Wins, Scored);
    public Proportion TieRate => new(Ties, Scored);
    public Proportion LossRate => new(Losses, Scored);

    public void Add(Outcome outcome)
    {
        switch (outcome)
        {
            case Outcome.Win: Wins++; break;
            case Outcome.Tie: Ties++; break;
            case Outcome.Loss: Losses++; break;
            case Outcome.Unscored: Unscored++; break;
            default: throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome.");
        }
    }

    public void SaveState(BinaryWriter writer)
    {
        writer.Write(Wins);
        writer.Write(Ties);
        writer.Write(Losses);
        writer.Write(Unscored);
    }

    public void RestoreState(BinaryReader reader)
    {
        Wins = reader.ReadInt64();
        Ties = reader.ReadInt64();
        Losses = reader.ReadInt64();
        Unscored = reader.ReadInt64();
    }

    public override string ToString() =>
        $"{Wins}W {Ties}T {Losses}L over {Scored} scored rounds; win rate {WinRate}";
}
