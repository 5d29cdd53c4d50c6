using SirArena.Arena.Matches;

namespace SirArena.Arena.Checkpoints;

/// <summary>
/// What a match was built from: its spec, the content hash of its model (null for a baseline) and the fingerprint of
/// its scenario (<see cref="MatchFingerprint"/>). A checkpoint is only resumed by a match of the same identity.
/// </summary>
public sealed record MatchIdentity(MatchSpec Spec, string? ModelHash, string ScenarioHash)
{
    public static MatchIdentity Of(MatchSpec spec, MatchFactory factory) =>
        new(spec, factory.ModelHash(spec.Agent), MatchFingerprint.Scenario(factory.Catalog.Get(spec.Scenario)));

    /// <summary>Throws a <see cref="CheckpointRefusedException"/> naming the first difference between the checkpoint and this match.</summary>
    public void Check(string path, CheckpointHeader header)
    {
        if (header.Match != Spec)
            throw new CheckpointRefusedException(path, $"it was written for the match {Describe(header.Match)}, not {Describe(Spec)} (the configuration changed)");
        if (header.ModelHash != ModelHash)
            throw new CheckpointRefusedException(path, $"it was written with the model {header.ModelHash ?? "(none)"}, and the model now is {ModelHash ?? "(none)"}");
        if (header.ScenarioHash != ScenarioHash)
            throw new CheckpointRefusedException(path, $"the scenario \"{Spec.Scenario}\" changed since it was written (fingerprint {header.ScenarioHash[..12]}, now {ScenarioHash[..12]})");
    }

    static string Describe(MatchSpec spec) => $"{spec.Scenario} / {spec.Agent} / seed {spec.Seed}";
}
