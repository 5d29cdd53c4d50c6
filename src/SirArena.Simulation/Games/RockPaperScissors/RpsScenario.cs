using SirArena.Simulation.Loop;
using SirArena.Simulation.Opponents;

namespace SirArena.Simulation.Games.RockPaperScissors;

/// <summary>
/// Rock-Paper-Scissors against a scripted opponent, rendered as the SirLLM paper does (<see cref="RpsText"/>).
/// The opponent's move is drawn when the turn is posed, before the agent chooses, and revealed in the next turn's
/// text ("I chose [rock]").
/// </summary>
public sealed class RpsScenario : IScenario, IResumable
{
    private readonly ScriptedOpponent _opponent;
    private long _round;
    private Move? _opponentPrevious, _agentPrevious;
    private (Turn Turn, Move OpponentMove)? _pending;

    public RpsScenario(ScriptedOpponent opponent)
    {
        _opponent = opponent ?? throw new ArgumentNullException(nameof(opponent));
    }

    public string Name => _opponent.Name;

    /// <summary>The opponent this match faces (read-only use: its strategy and true distributions).</summary>
    public ScriptedOpponent Opponent => _opponent;

    public Turn NextTurn()
    {
        if (_pending is not null) throw new InvalidOperationException("The previous turn has not been resolved yet.");
        var userText = RpsText.UserText(_opponentPrevious);
        var distribution = _opponent.Distribution(_round, _agentPrevious);
        var turn = new Turn(
            Name,
            _round,
            DialogueFormat.Prompt(_round, userText),
            DialogueFormat.UserTurn(userText),
            RpsText.Candidates,
            RpsText.Options,
            new RpsFacts(_opponentPrevious, _agentPrevious),
            RpsTruth.From(distribution));
        _pending = (turn, _opponent.Play(_round, _agentPrevious));
        return turn;
    }

    public RoundResult Resolve(AgentChoice choice)
    {
        var (turn, opponentMove) = _pending ?? throw new InvalidOperationException("There is no turn to resolve; call NextTurn first.");
        var agentMove = (Move)choice.Index;
        _pending = null;
        _opponentPrevious = opponentMove;
        _agentPrevious = agentMove;
        _round++;
        return new RpsRoundResult(turn, choice, MoveRules.Resolve(agentMove, opponentMove), agentMove, opponentMove);
    }

    public void SaveState(BinaryWriter writer)
    {
        if (_pending is not null) throw new InvalidOperationException("a scenario is saved between rounds, not with a turn pending");
        writer.Write(_round);
        writer.Write(MoveCode(_opponentPrevious));
        writer.Write(MoveCode(_agentPrevious));
        _opponent.WriteState(writer);
    }

    public void RestoreState(BinaryReader reader)
    {
        _pending = null;
        _round = reader.ReadInt64();
        _opponentPrevious = MoveOf(reader.ReadSByte());
        _agentPrevious = MoveOf(reader.ReadSByte());
        _opponent.ReadState(reader);
    }

    static sbyte MoveCode(Move? move) => move is { } m ? (sbyte)m : (sbyte)-1;

    static Move? MoveOf(sbyte code) => code switch
    {
        -1 => null,
        >= 0 and <= 2 => (Move)code,
        _ => throw new InvalidDataException($"a saved move must be -1 (none) or 0-2, not {code}"),
    };
}
