namespace SirArena.Arena.Replays;

/// <summary>
/// The verdict of <see cref="ReplayVerifier"/>: reproduced round for round, or the first round that differs (null
/// when the match could not be re-run at all, e.g. another model), with a message a user can act on.
/// </summary>
public sealed record ReplayVerification(bool Reproduced, long RoundsChecked, long? FirstDifferentRound, string Message)
{
    public static ReplayVerification Success(long rounds, bool cutOff) => new(true, rounds, null,
        $"reproduced {rounds} rounds" + (cutOff ? " (the replay's cut-off last line was not checked)" : ""));

    public static ReplayVerification Differs(long checkedRounds, long round, string how) =>
        new(false, checkedRounds, round, $"round {round} differs: {how}");

    public static ReplayVerification NotRun(string why) => new(false, 0, null, why);

    public override string ToString() => Message;
}
