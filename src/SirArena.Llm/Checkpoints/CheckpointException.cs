namespace SirArena.Llm.Checkpoints;

/// <summary>
/// A checkpoint that cannot be read or does not fit the model. The message names the file, the tensor
/// where there is one, and what was expected, so that it can be shown to a user as it is.
/// </summary>
public sealed class CheckpointException(string message, Exception? inner = null) : Exception(message, inner);
