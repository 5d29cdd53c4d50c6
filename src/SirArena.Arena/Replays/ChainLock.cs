namespace SirArena.Arena.Replays;

/// <summary>
/// One writer per replay chain, across processes: an exclusive lock on a lock file, taken before anything is written
/// or cut and held until <see cref="Dispose"/>. The lock is the operating system's (a file opened with
/// <see cref="FileShare.None"/>: flock(LOCK_EX|LOCK_NB) on Unix, a sharing mode on Windows), so it goes with its
/// holder, even one killed with kill -9, and a lock file a dead process left behind blocks no one.
/// <para>
/// `serve` and `soak` lock their whole folder (serve.lock): any of the folder's chains may be resumed, its replay cut
/// back to a checkpoint, by whichever process serves the folder, and the folder's status file has one writer too; one
/// lock covers all of it, and a second process is refused at its start, before it opens a single match, instead of
/// match by match once it runs. `play` writes a new chain, whose lock file ({chain}.lock) is created with
/// <see cref="FileMode.CreateNew"/> and so also reserves the chain's name until the chain's first file exists.
/// </para>
/// <para>
/// Who holds a lock is written to a file beside it ({lock}.holder), because .NET on Unix takes a shared flock to open
/// any file, even for reading, and the holder's exclusive lock refuses it: the refused process cannot read the lock
/// file itself. A folder's lock file is never deleted: deleting one that a waiting process has already opened would
/// let two processes each lock a different file of the same name. A new chain's lock file is deleted as it is
/// released (nobody waits for it, and the chain's first file holds the name from then on), so a finished run leaves
/// nothing beside its replay.
/// </para>
/// <para>
/// With DOTNET_SYSTEM_IO_DISABLEFILELOCKING=1 (or the System.IO.DisableFileLocking switch) .NET takes no lock on
/// Unix and nothing is excluded; <see cref="Enforced"/> says so, for the caller to warn.
/// </para>
/// </summary>
public sealed class ChainLock : IDisposable
{
    public const string Extension = ".lock";
    const string HolderExtension = ".holder";
    const string ServeFolderFile = "serve" + Extension;

    readonly FileStream file;
    bool disposed;

    ChainLock(FileStream file, string lockPath, string guarded)
    {
        this.file = file;
        LockPath = lockPath;
        Guarded = guarded;
        WriteHolder();
    }

    /// <summary>The lock file.</summary>
    public string LockPath { get; }
    /// <summary>What the lock guards: a serve folder, or the first file of a chain.</summary>
    public string Guarded { get; }

    /// <summary>False where .NET has been told to take no file locks, so that a lock excludes no one.</summary>
    public static bool Enforced =>
        OperatingSystem.IsWindows()
        || !((AppContext.TryGetSwitch("System.IO.DisableFileLocking", out bool off) && off)
             || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is { } v
                && (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The lock of a serve folder ({folder}/serve.lock), created if need be; refused while another holds it.</summary>
    /// <exception cref="ChainLockedException">another process, or another writer in this one, holds it</exception>
    public static ChainLock ForServeFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        return Acquire(Path.Combine(folder, ServeFolderFile), folder);
    }

    /// <summary>Takes the lock at <paramref name="lockPath"/>, creating the file if need be.</summary>
    /// <exception cref="ChainLockedException">another process, or another writer in this one, holds it</exception>
    public static ChainLock Acquire(string lockPath, string guarded)
    {
        try
        {
            return new ChainLock(Open(lockPath, FileMode.OpenOrCreate), lockPath, guarded);
        }
        catch (IOException e) when (e is not ChainLockedException && File.Exists(lockPath))
        {
            throw new ChainLockedException(guarded, lockPath, ReadHolder(lockPath), e);
        }
    }

    /// <summary>
    /// Creates and takes the lock of a new chain at <paramref name="chainPath"/> ({chain}.lock), or returns null when
    /// that lock file already exists: the name is another chain's.
    /// </summary>
    public static ChainLock? TryCreateForChain(string chainPath)
    {
        var lockPath = chainPath + Extension;
        try
        {
            return new ChainLock(Open(lockPath, FileMode.CreateNew, FileOptions.DeleteOnClose), lockPath, chainPath);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            return null;
        }
    }

    static FileStream Open(string lockPath, FileMode mode, FileOptions options = FileOptions.None) =>
        new(lockPath, mode, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, options);

    static string HolderPath(string lockPath) => lockPath + HolderExtension;

    void WriteHolder()
    {
        var text = $"process {Environment.ProcessId} on host {Environment.MachineName} since {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC";
        try
        {
            File.WriteAllText(HolderPath(LockPath), text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The lock holds without it; a refused process then says only that another process holds the lock.
        }
    }

    static string? ReadHolder(string lockPath)
    {
        try
        {
            var text = File.ReadAllText(HolderPath(lockPath)).Trim();
            return text.Length > 0 ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        try
        {
            // Removed while the lock is still held, so it can never remove the next holder's.
            File.Delete(HolderPath(LockPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stale holder file is harmless: the next holder overwrites it as it takes the lock.
        }
        file.Dispose();
    }
}
