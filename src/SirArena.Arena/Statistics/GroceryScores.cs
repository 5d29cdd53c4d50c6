using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Statistics;

/// <summary>An agent's grocery scores: recall of the requested item, and accuracy on the unrelated questions
/// asked in between (a memory that keeps only the request would lose these).</summary>
public sealed record GroceryScores(string Agent, Proportion Recall, Proportion Unrelated);
