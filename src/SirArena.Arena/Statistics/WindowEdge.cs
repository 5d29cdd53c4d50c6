namespace SirArena.Arena.Statistics;

/// <summary>
/// Where a reference agent's window (StreamingLLM's) ended in grocery distances: the longest distance between request
/// and recall at which it still held every token of the item, and the shortest at which it had lost one; null where
/// no recall was held (or none lost). The window is counted in tokens and questions differ in length, so the two may
/// overlap: between them the request was sometimes held, sometimes lost.
/// </summary>
public sealed record WindowEdge(int? LongestHeld, int? ShortestLost);
