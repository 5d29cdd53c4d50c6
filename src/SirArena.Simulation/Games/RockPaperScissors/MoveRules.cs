using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Games.RockPaperScissors;

/// <summary>The rules of the game: which move beats which, a round's outcome, and the moves' names.</summary>
public static class MoveRules
{
    public static IReadOnlyList<Move> All { get; } = [Move.Rock, Move.Paper, Move.Scissors];

    /// <summary>The move that beats <paramref name="move"/>: paper for rock, scissors for paper, rock for scissors.</summary>
    public static Move BeaterOf(Move move) => (Move)(((int)move + 1) % 3);

    /// <summary>The move that <paramref name="move"/> beats: scissors for rock, rock for paper, paper for scissors.</summary>
    public static Move LoserTo(Move move) => (Move)(((int)move + 2) % 3);

    /// <summary>
    /// The move after <paramref name="move"/> in the order rock, paper, scissors, rock... This is the order of the
    /// paper's players' preferences (rock 50 then paper 31 then scissors 19) and of the switching player's favourite.
    /// It coincides with <see cref="BeaterOf"/>, but the two mean different things, so both names exist.
    /// </summary>
    public static Move Next(Move move) => (Move)(((int)move + 1) % 3);

    /// <summary>The round's outcome for the agent.</summary>
    public static Outcome Resolve(Move agent, Move opponent) =>
        agent == opponent ? Outcome.Tie
        : agent == BeaterOf(opponent) ? Outcome.Win
        : Outcome.Loss;

    /// <summary>The move's name as the prompts and scenario files spell it: "rock", "paper", "scissors".</summary>
    public static string Name(Move move) => move switch
    {
        Move.Rock => "rock",
        Move.Paper => "paper",
        Move.Scissors => "scissors",
        _ => throw new ArgumentOutOfRangeException(nameof(move), move, "Not a move."),
    };

    /// <summary>Parses a move name (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? text, out Move move)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(text, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                move = candidate;
                return true;
            }
        }
        move = default;
        return false;
    }
}
