namespace SirArena.Training.Corpus;

/// <summary>The memory policies that compact the corpus's long streams (see <see cref="PolicyChoice.Draw"/>).</summary>
public enum PolicyFamily
{
    /// <summary>The paper's: full, StreamingLLM with 4 sinks, SirLLM with eta 0.7-1.0, budgets 192-512.</summary>
    Paper,
    /// <summary>Also sinks or none, recent windows, any eta in [0.5, 1], random thinning, budget 128.</summary>
    Wide,
}
