using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Statistics;

/// <summary>
/// An agent's grocery recall split by whether the request was still in a reference agent's memory at that recall
/// (the reference is StreamingLLM: "in its window" or "beyond it"). All agents of one scenario and seed meet the same
/// requests and recalls, so the split is the same set of recalls for every agent.
/// </summary>
public sealed record RecallByWindow(string Agent, Proportion InWindow, Proportion Beyond);
