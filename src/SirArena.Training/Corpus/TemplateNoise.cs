using SirArena.Simulation.Randomness;

namespace SirArena.Training.Corpus;

/// <summary>
/// How unsure the scoring model is of the template text in one stream. A trained model is sure of the template in a
/// clean context, but in the compacted context its own scores leave, template fragments raise its surprisal on later
/// template tokens; SirLLM then keeps those fragments beside the moves, and a model that never saw such contexts
/// misreads them (and grows more unsure, so its memory fills with template). So half the streams keep a quiet template,
/// and the other half draw a level up to <see cref="MaxLevel"/> nats: each template token id gets a weight fixed for
/// the stream (cubed, so a few ids such as an opening bracket stand out, as they do in play) and scores up to twice
/// level times weight, so the policy keeps template tokens to the extent a real model's surprisal would.
/// </summary>
public sealed class TemplateNoise
{
    public const double CleanShare = 0.5;
    public const double MaxLevel = 1.5;

    public static TemplateNoise Quiet { get; } = new(0, 0);

    readonly ulong salt;

    TemplateNoise(double level, ulong salt) => (Level, this.salt) = (level, salt);

    /// <summary>The stream's level in nats; 0 for a quiet template.</summary>
    public double Level { get; }

    public static TemplateNoise Draw(StableRandom random) =>
        random.NextDouble() < CleanShare ? Quiet : new TemplateNoise(MaxLevel * random.NextDouble(), random.NextUInt64());

    /// <summary>The surprisal a template token <paramref name="id"/> adds over a quiet template's.</summary>
    public double Extra(int id, StableRandom random) => Level == 0 ? 0 : Level * Weight(id) * 2 * random.NextDouble();

    /// <summary>A weight in [0, 1) fixed for the stream and the token id.</summary>
    public double Weight(int id)
    {
        double u = new StableRandom(salt ^ (ulong)id * 0x9E3779B97F4A7C15UL).NextDouble();
        return u * u * u;
    }
}
