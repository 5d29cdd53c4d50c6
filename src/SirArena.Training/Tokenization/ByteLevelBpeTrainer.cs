using SirArena.Llm.Tokenizers;

namespace SirArena.Training.Tokenization;

/// <summary>
/// Learns a GPT-2-style byte-level BPE (Sennrich et al. 2016; Radford et al. 2019) from text chunks. Each chunk is
/// split by <see cref="Gpt2PreTokenizer"/> exactly as the agent's tokenizer will split it (chunk by chunk: a prompt,
/// then an answer), pieces are counted, and the most frequent adjacent pair of symbols is merged, again and again,
/// until the vocabulary reaches the target size or no pair occurs <see cref="MinFrequency"/> times. Ties go to the
/// ordinally smallest pair, so one corpus always gives one tokenizer.
/// </summary>
/// <remarks>
/// Pair counts are recomputed over the distinct pieces after every merge. That is quadratic in principle, but the
/// corpus is templated (a few hundred distinct pieces), so it takes well under a second and stays obviously correct.
/// </remarks>
public sealed class ByteLevelBpeTrainer
{
    public ByteLevelBpeTrainer(int vocabularySize, int minFrequency = 2)
    {
        if (vocabularySize < ByteLevelAlphabet.ByteSymbols.Count)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize,
                $"a byte-level vocabulary holds at least the {ByteLevelAlphabet.ByteSymbols.Count} byte symbols");
        ArgumentOutOfRangeException.ThrowIfLessThan(minFrequency, 1);
        VocabularySize = vocabularySize;
        MinFrequency = minFrequency;
    }

    public int VocabularySize { get; }
    public int MinFrequency { get; }

    /// <summary>Counts the pieces of every chunk; call as often as needed before <see cref="Train"/>.</summary>
    public void Add(string chunk)
    {
        foreach (var piece in Gpt2PreTokenizer.Pieces(chunk))
        {
            var symbols = ByteLevelAlphabet.FromText(piece);
            counts[symbols] = counts.GetValueOrDefault(symbols) + 1;
        }
    }

    readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

    public BpeVocabulary Train()
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var symbol in ByteLevelAlphabet.ByteSymbols) vocabulary.Add(symbol, vocabulary.Count);
        // Distinct pieces in ordinal order, so that nothing depends on dictionary enumeration order.
        var words = counts.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (Symbols: p.Key.Select(c => c.ToString()).ToList(), Count: p.Value))
            .ToList();
        var merges = new List<(string, string)>();

        while (vocabulary.Count < VocabularySize)
        {
            var best = MostFrequentPair(words);
            if (best is null) break;
            var (left, right) = best.Value;
            var merged = left + right;
            merges.Add((left, right));
            vocabulary.TryAdd(merged, vocabulary.Count);
            foreach (var (symbols, _) in words) Apply(symbols, left, right, merged);
        }
        return new BpeVocabulary(vocabulary, merges);
    }

    (string, string)? MostFrequentPair(List<(List<string> Symbols, long Count)> words)
    {
        var pairs = new Dictionary<(string, string), long>();
        foreach (var (symbols, count) in words)
            for (int i = 0; i + 1 < symbols.Count; i++)
                pairs[(symbols[i], symbols[i + 1])] = pairs.GetValueOrDefault((symbols[i], symbols[i + 1])) + count;

        (string, string)? best = null;
        long bestCount = 0;
        foreach (var (pair, count) in pairs)
        {
            if (count < MinFrequency) continue;
            if (count > bestCount || (count == bestCount && Compare(pair, best!.Value) < 0))
            {
                best = pair;
                bestCount = count;
            }
        }
        return best;
    }

    static int Compare((string, string) a, (string, string) b)
    {
        int first = string.CompareOrdinal(a.Item1, b.Item1);
        return first != 0 ? first : string.CompareOrdinal(a.Item2, b.Item2);
    }

    /// <summary>Replaces every non-overlapping (left, right), scanning left to right, as the tokenizer applies a merge.</summary>
    static void Apply(List<string> symbols, string left, string right, string merged)
    {
        for (int i = 0; i + 1 < symbols.Count; i++)
        {
            if (symbols[i] != left || symbols[i + 1] != right) continue;
            symbols[i] = merged;
            symbols.RemoveAt(i + 1);
        }
    }
}
