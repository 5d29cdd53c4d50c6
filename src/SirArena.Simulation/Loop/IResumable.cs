namespace SirArena.Simulation.Loop;

/// <summary>
/// Something whose state a checkpoint carries so that a match continues after a restart exactly as it would have
/// without one: generators' states, counters, what a scenario or agent remembers. Saved and restored only between
/// rounds. <see cref="RestoreState"/> reads what <see cref="SaveState"/> wrote, on an instance built from the same
/// specification; a mismatch is an <see cref="InvalidDataException"/> saying what differed.
/// </summary>
public interface IResumable
{
    void SaveState(BinaryWriter writer);

    void RestoreState(BinaryReader reader);
}
