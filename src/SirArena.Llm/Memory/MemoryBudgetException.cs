namespace SirArena.Llm.Memory;

/// <summary>A chunk that a memory policy cannot make room for; the message says which budget and by how much.</summary>
public sealed class MemoryBudgetException(string message) : InvalidOperationException(message);
