using SirArena.Arena.Replays;

namespace SirArena.Arena.Tests.Support;

/// <summary>A fact that runs only where .NET takes file locks (not under DOTNET_SYSTEM_IO_DISABLEFILELOCKING).</summary>
public sealed class LockingFactAttribute : FactAttribute
{
    public LockingFactAttribute()
    {
        if (!ChainLock.Enforced) Skip = "file locking is turned off in this process";
    }
}
