using System.Text.RegularExpressions;

namespace SirArena.Training.Tokenization;

/// <summary>
/// GPT-2's pre-tokenization split (Radford et al. 2019): contractions, letter runs, digit runs and symbol runs, each
/// taking one leading space, then whitespace. It must be the very pattern the engine's byte-level BPE loader gives
/// Microsoft.ML.Tokenizers (SirArena.Llm's ByteLevelBpeLoader, internal there): merges are learnt inside these pieces,
/// so a different split would learn merges the tokenizer never gets to apply. The round-trip tests compare the
/// trainer's own segmentation with the loaded tokenizer's ids and would catch a drift.
/// </summary>
public static partial class Gpt2PreTokenizer
{
    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+")]
    private static partial Regex Split();

    /// <summary>The pieces of <paramref name="text"/>, in order; they concatenate back to the text.</summary>
    public static IEnumerable<string> Pieces(string text)
    {
        foreach (Match match in Split().Matches(text)) yield return match.Value;
    }
}
