using System.Text.RegularExpressions;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// GPT-2's pre-tokenization split (Radford et al. 2019): contractions, letter runs, digit runs and symbol runs, each
/// taking one leading space, then whitespace. One pattern serves both the byte-level BPE loader (which hands it to
/// Microsoft.ML.Tokenizers) and the tokenizer trainer: merges are learnt inside these pieces, so a different split
/// would learn merges the tokenizer never gets to apply.
/// </summary>
public static partial class Gpt2PreTokenizer
{
    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+")]
    public static partial Regex Split();

    /// <summary>The pieces of <paramref name="text"/>, in order; they concatenate back to the text.</summary>
    public static IEnumerable<string> Pieces(string text)
    {
        foreach (Match match in Split().Matches(text)) yield return match.Value;
    }
}
