using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SourceModel.Cli.Infrastructure;

/// <summary>
/// An output folder this program owns, held for the length of one command.
/// <para>Ownership: a folder is written into only if it is absent, empty, or carries a marker
/// (<see cref="MarkerName"/>) of the same kind; the marker records the kind, the command and the config, so a user's
/// folder of other files is never mistaken for a run folder (and nothing in it deleted).</para>
/// <para>Lock: an advisory OS lock (flock, through <see cref="FileShare.None"/>) on <see cref="LockName"/> is held
/// until <see cref="Dispose"/>; a second process gets <see cref="FolderInUseException"/> naming the holder's PID and
/// start time (from <see cref="HolderName"/>). The OS releases the lock of a killed process, so a stale record is
/// recognised (its PID no longer runs) and taken over.</para>
/// </summary>
internal sealed class RunFolder : IDisposable
{
    /// <summary>The ownership marker in every run folder.</summary>
    public const string MarkerName = ".sourcemodel-run.json";

    /// <summary>The file the lock is taken on.</summary>
    public const string LockName = ".sourcemodel.lock";

    /// <summary>Who holds the lock (PID, start, command), for the message a second process prints.</summary>
    public const string HolderName = ".sourcemodel.lock.json";

    private readonly FileStream _lock;

    private RunFolder(string path, string kind, FileStream lockStream, string? staleNote)
    {
        Path = path; Kind = kind; _lock = lockStream; StaleNote = staleNote;
    }

    /// <summary>The folder (absolute).</summary>
    public string Path { get; }

    /// <summary>What writes it: "run", "uncertainty", "geometry", "slip", "coulomb", "interseismic".</summary>
    public string Kind { get; }

    /// <summary>Set when a lock record of a process that no longer runs was found and taken over.</summary>
    public string? StaleNote { get; }

    /// <summary>Claims <paramref name="folder"/> for a command of <paramref name="kind"/>: checks ownership, takes the
    /// lock, writes the marker.</summary>
    public static RunFolder Claim(string folder, string kind, IReadOnlyList<string> command, string? config = null)
    {
        string path = System.IO.Path.GetFullPath(folder);
        if (File.Exists(path)) throw new UserError($"{path}: is a file; the output must be a folder.");
        CheckOwnership(path, kind);
        Directory.CreateDirectory(path);
        var (stream, stale) = Lock(path, command);
        try
        {
            // Again under the lock: another process may have claimed the folder for another kind between the first
            // check and the lock (two commands started at once).
            CheckOwnership(path, kind);
            var marker = new Marker(kind, "sourcemodel " + string.Join(' ', command), config is null ? null : System.IO.Path.GetFullPath(config),
                DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            if (ReadMarker(path) is null) AtomicFile.Write(System.IO.Path.Combine(path, MarkerName), w => w.Write(JsonSerializer.Serialize(marker, Json)));
            return new RunFolder(path, kind, stream, stale);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Refuses a folder that holds anything but is not a run folder of this kind (called before any work, and
    /// by <c>config check</c>).</summary>
    public static void CheckOwnership(string folder, string kind)
    {
        string path = System.IO.Path.GetFullPath(folder);
        // The lock files and a marker being written are this program's own bookkeeping (a command that has just
        // claimed the folder): they do not make it someone else's.
        if (!Directory.Exists(path) || !Directory.EnumerateFileSystemEntries(path)
                .Any(e => !System.IO.Path.GetFileName(e).TrimStart('.').StartsWith("sourcemodel", StringComparison.Ordinal))) return;
        var marker = ReadMarker(path);
        if (marker is null)
            throw new UserError($"{path}: the folder is not empty and is not a sourcemodel run folder (no {MarkerName}); " +
                                "choose another output folder (--out) or an empty one: nothing in it is touched.");
        if (marker.Kind != kind)
            throw new UserError($"{path}: is a sourcemodel '{marker.Kind}' folder ({MarkerName}), not a '{kind}' one; choose another output folder.");
    }

    /// <summary>True when <paramref name="file"/> lies inside <paramref name="folder"/> (an input kept in an output folder
    /// would be overwritten or deleted by the run, so such configurations are refused).</summary>
    public static bool Contains(string folder, string file)
    {
        string f = System.IO.Path.GetFullPath(folder).TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
        return System.IO.Path.GetFullPath(file).StartsWith(f, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { File.Delete(System.IO.Path.Combine(Path, HolderName)); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _lock.Dispose();
    }

    private static (FileStream Stream, string? Stale) Lock(string path, IReadOnlyList<string> command)
    {
        string lockFile = System.IO.Path.Combine(path, LockName), holderFile = System.IO.Path.Combine(path, HolderName);
        FileStream stream;
        try { stream = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException)
        {
            var holder = ReadHolder(holderFile);
            throw new FolderInUseException(holder is null
                ? $"{path}: in use by another sourcemodel process; wait for it to finish or choose another output folder."
                : $"{path}: in use by PID {holder.Pid} since {holder.Since} ({holder.Command}); wait for it to finish or choose another output folder.");
        }
        // Holding the lock: a record left behind is from a process that died without releasing it (the OS did).
        string? stale = ReadHolder(holderFile) is { } old && !Running(old.Pid)
            ? $"{path}: a previous run (PID {old.Pid}, since {old.Since}) ended without finishing; its finished work is kept."
            : null;
        AtomicFile.Write(holderFile, w => w.Write(JsonSerializer.Serialize(new Holder(Environment.ProcessId,
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture), "sourcemodel " + string.Join(' ', command)), Json)));
        return (stream, stale);
    }

    private static bool Running(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static Marker? ReadMarker(string path) => Read<Marker>(System.IO.Path.Combine(path, MarkerName));

    private static Holder? ReadHolder(string file) => Read<Holder>(file);

    private static T? Read<T>(string file) where T : class
    {
        try { return File.Exists(file) ? JsonSerializer.Deserialize<T>(File.ReadAllText(file), Json) : null; }
        catch (JsonException) { return null; }
        catch (IOException) { return null; }
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record Marker(string Kind, string Command, string? Config, string Created);

    private sealed record Holder(int Pid, string Since, string Command);
}

/// <summary>Another process holds the output folder's lock.</summary>
internal sealed class FolderInUseException(string message) : Exception(message);
