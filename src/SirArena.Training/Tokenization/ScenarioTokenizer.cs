using SirArena.Llm.Tokenizers;
using SirArena.Simulation.Scenarios;
using SirArena.Training.Corpus;

namespace SirArena.Training.Tokenization;

/// <summary>
/// The default model's tokenizer: a byte-level BPE learnt from the scenarios' own text and saved in a model folder
/// as vocab.json + merges.txt. The vocabulary stops growing once every piece of that text is one token (about 950
/// tokens with the shipped scenarios, under the default cap of 1024), which makes a Rock-Paper-Scissors round 46
/// tokens, close to the paper's 44, and each move, letter and grocery item a single token. With an
/// <see cref="ItemPool"/> the made-up items take the rest of the cap as syllables, so that any new item splits into
/// pieces the model has trained.
/// </summary>
public static class ScenarioTokenizer
{
    public static BpeVocabulary Train(GroceryScenarioDefinition grocery, ulong seed, int vocabularySize, ItemPool? items = null)
    {
        var trainer = new ByteLevelBpeTrainer(vocabularySize);
        foreach (var chunk in CorpusGenerator.TokenizerChunks(grocery, seed, items: items)) trainer.Add(chunk);
        return trainer.Train();
    }

    /// <summary>Trains, writes into <paramref name="folder"/> and loads the result back as the agent will.</summary>
    public static TextTokenizer Build(string folder, GroceryScenarioDefinition grocery, ulong seed, int vocabularySize, ItemPool? items = null)
    {
        Train(grocery, seed, vocabularySize, items).Save(folder);
        return TextTokenizer.Load(folder);
    }
}
