namespace SirArena.Llm.Inference;

/// <summary>
/// The model scored a candidate answer NaN or +infinity (activations that overflowed or weights that are not finite), so no choice it makes means anything. A model problem,
/// not a bug: the message names the model folder and says what went wrong, to be shown to a user as it is.
/// </summary>
public sealed class NonFiniteScoreException(string message) : Exception(message);
