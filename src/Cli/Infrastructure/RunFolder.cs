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
/// recognised (its PID no longer runs) and taken over. The shards of one run share the folder (a shared lock on it)
/// and each holds its own shard exclusively, so shards run side by side while a whole run or a merge waits for none
/// of them and a second copy of one shard is turned away.</para>
/// </summary>
internal sealed class RunFolder : IDisposable
{
    /// <summary>The ownership marker in every run folder.</summary>
    public const string MarkerName = ".sourcemodel-run.json";

    /// <summary>The file the lock is taken on.</summary>
    public const string LockName = ".sourcemodel.lock";

    /// <summary>Who holds the lock (PID, start, command), for the message a second process prints.</summary>
    public const string HolderName = ".sourcemodel.lock.json";

    private readonly FileStream[] _locks;
    private readonly string _holder;
    private readonly bool _created;

    private RunFolder(string path, string kind, FileStream[] locks, string holder, string? staleNote, bool created)
    {
        Path = path; Kind = kind; _locks = locks; _holder = holder; StaleNote = staleNote; _created = created;
    }

    /// <summary>The folder (absolute).</summary>
    public string Path { get; }

    /// <summary>What writes it: "run", "uncertainty", "geometry", "slip", "coulomb", "interseismic".</summary>
    public string Kind { get; }

    /// <summary>Set when a lock record of a process that no longer runs was found and taken over.</summary>
    public string? StaleNote { get; }

    /// <summary>Claims <paramref name="folder"/> for a command of <paramref name="kind"/>: checks ownership, takes the
    /// lock, writes the marker.</summary>
    /// <param name="shard">For one shard of a sharded run (e.g. "0/3"): the folder is shared with the other shards.</param>
    public static RunFolder Claim(string folder, string kind, IReadOnlyList<string> command, string? config = null, string? shard = null)
    {
        string path = System.IO.Path.GetFullPath(folder);
        if (File.Exists(path)) throw new UserError($"{path}: is a file; the output must be a folder.");
        CheckOwnership(path, kind);
        bool created = !Directory.Exists(path);
        Directory.CreateDirectory(path);
        var (streams, holder, stale) = Lock(path, command, shard);
        try
        {
            // Again under the lock: another process may have claimed the folder for another kind between the first
            // check and the lock (two commands started at once).
            CheckOwnership(path, kind);
            RemoveLeftoverTemporaries(path);
            var marker = new Marker(kind, "sourcemodel " + string.Join(' ', command), config is null ? null : System.IO.Path.GetFullPath(config),
                DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            if (ReadMarker(path) is null) AtomicFile.Write(System.IO.Path.Combine(path, MarkerName), w => w.Write(JsonSerializer.Serialize(marker, Json)));
            return new RunFolder(path, kind, streams, holder, stale, created);
        }
        catch
        {
            foreach (var s in streams) s.Dispose();
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
        if (!Directory.Exists(path) || Directory.EnumerateFileSystemEntries(path).All(IsBookkeeping)) return;
        var marker = ReadMarker(path);
        if (marker is null)
            throw new UserError($"{path}: the folder is not empty and is not a sourcemodel run folder (no {MarkerName}); " +
                                "choose another output folder (--out) or an empty one: nothing in it is touched.");
        if (marker.Kind != kind)
            throw new UserError($"{path}: is a sourcemodel '{marker.Kind}' folder ({MarkerName}), not a '{kind}' one; choose another output folder.");
    }

    /// <summary>This program's own files in a run folder's top level: the marker, the lock files and lock records
    /// (".sourcemodel…"), and what <see cref="AtomicFile"/> leaves of them if killed mid-write ("..sourcemodel….PID.sourcemodel.tmp").</summary>
    private static bool IsBookkeeping(string entry)
    {
        string name = System.IO.Path.GetFileName(entry);
        return name.StartsWith(".sourcemodel", StringComparison.Ordinal)
               || name.StartsWith("..sourcemodel", StringComparison.Ordinal) && name.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="file"/> lies inside <paramref name="folder"/> (an input kept in an output folder
    /// would be overwritten or deleted by the run, so such configurations are refused).</summary>
    public static bool Contains(string folder, string file)
    {
        string f = System.IO.Path.GetFullPath(folder).TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
        return System.IO.Path.GetFullPath(file).StartsWith(f, StringComparison.Ordinal);
    }

    /// <summary>Releases the lock. A folder this claim created and the command then wrote nothing into (it failed on
    /// its input) is removed again: a failed command leaves nothing behind.</summary>
    public void Dispose()
    {
        try { File.Delete(_holder); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        bool onlyBookkeeping = _created && Directory.Exists(Path) && Directory.EnumerateFileSystemEntries(Path).All(IsBookkeeping);
        if (onlyBookkeeping)
            foreach (string own in Directory.GetFiles(Path).Where(IsBookkeeping))
                try { File.Delete(own); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        foreach (var s in _locks) s.Dispose();
        if (onlyBookkeeping)
            try { Directory.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static (FileStream[] Streams, string Holder, string? Stale) Lock(string path, IReadOnlyList<string> command, string? shard)
    {
        string lockFile = System.IO.Path.Combine(path, LockName);
        string tag = shard is null ? "" : "-shard-" + shard.Replace('/', '-');
        string holderFile = System.IO.Path.Combine(path, shard is null ? HolderName : $".sourcemodel{tag}.lock.json");
        var streams = new List<FileStream>(2);
        try
        {
            // .NET takes flock(LOCK_EX) for FileShare.None and flock(LOCK_SH) otherwise.
            streams.Add(Open(lockFile, shard is null ? FileShare.None : FileShare.ReadWrite, path, shard is null ? HolderName : null));
            if (shard is not null) streams.Add(Open(System.IO.Path.Combine(path, $".sourcemodel{tag}.lock"), FileShare.None, path, System.IO.Path.GetFileName(holderFile)));
        }
        catch
        {
            foreach (var s in streams) s.Dispose();
            throw;
        }
        // Holding the lock: a record left behind is from a process that died without releasing it (the OS did).
        string? stale = ReadHolder(holderFile) is { } old && !Running(old.Pid)
            ? $"{path}: a previous run (PID {old.Pid}, since {old.Since}) ended without finishing; its finished work is kept."
            : null;
        AtomicFile.Write(holderFile, w => w.Write(JsonSerializer.Serialize(new Holder(Environment.ProcessId,
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture), "sourcemodel " + string.Join(' ', command)), Json)));
        return (streams.ToArray(), holderFile, stale);
    }

    /// <summary>Opens a lock file with <paramref name="share"/>, or throws <see cref="FolderInUseException"/> naming the
    /// holder recorded in <paramref name="holderName"/> (when there is one to name).</summary>
    private static FileStream Open(string lockFile, FileShare share, string path, string? holderName)
    {
        try { return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, share); }
        catch (IOException)
        {
            var holder = holderName is null ? null : ReadHolder(System.IO.Path.Combine(path, holderName));
            throw new FolderInUseException(holder is null
                ? $"{path}: in use by another sourcemodel process (a whole run, or shards of one); wait for it to finish or choose another output folder."
                : $"{path}: in use by PID {holder.Pid} since {holder.Since} ({holder.Command}); wait for it to finish or choose another output folder.");
        }
    }

    /// <summary>
    /// Deletes what <see cref="AtomicFile"/> left of files a killed process was writing: its temporaries are named
    /// ".NAME.PID.sourcemodel.tmp", and one whose PID no longer runs can never be completed. Only files of that exact
    /// form are touched (a running writer's, e.g. another shard's, are kept), anywhere in the folder this command holds.
    /// </summary>
    private static void RemoveLeftoverTemporaries(string path)
    {
        foreach (string file in Directory.EnumerateFiles(path, ".*" + AtomicFile.TempSuffix, SearchOption.AllDirectories))
        {
            string name = System.IO.Path.GetFileName(file)[..^AtomicFile.TempSuffix.Length];   // ".NAME.PID"
            string pid = System.IO.Path.GetExtension(name).TrimStart('.');
            if (pid.Length == 0 || !pid.All(char.IsAsciiDigit) || !int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out int id)) continue;
            if (id == Environment.ProcessId || Running(id)) continue;
            try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
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
