using SirArena.Llm.Tokenizers;
using SirArena.Simulation.Scenarios;
using SirArena.Training.Corpus;
using SirArena.Training.Tokenization;

namespace SirArena.Training.Tests.Support;

/// <summary>The repository's scenarios and a tokenizer trained on them once for all tests (a second or so).</summary>
internal static class Shipped
{
    static readonly Lazy<ScenarioCatalog> LazyCatalog = new(ScenarioCatalog.LoadDefault);
    static readonly Lazy<TextTokenizer> LazyTokenizer = new(TrainTokenizer);

    public static ScenarioCatalog Catalog => LazyCatalog.Value;

    public static GroceryScenarioDefinition Grocery => (GroceryScenarioDefinition)Catalog.Get("grocery");

    public static TextTokenizer Tokenizer => LazyTokenizer.Value;

    public static BpeVocabulary TrainVocabulary(int size = 1024, ulong seed = 1)
    {
        var trainer = new ByteLevelBpeTrainer(size);
        foreach (var chunk in CorpusGenerator.TokenizerChunks(Grocery, seed, streams: 12)) trainer.Add(chunk);
        return trainer.Train();
    }

    static TextTokenizer TrainTokenizer()
    {
        using var folder = new TempFolder();
        TrainVocabulary().Save(folder.Path);
        return TextTokenizer.Load(folder.Path);
    }
}
