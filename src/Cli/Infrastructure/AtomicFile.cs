namespace SourceModel.Cli.Infrastructure;

/// <summary>
/// Writes a file completely or not at all: content goes to a temporary file beside the target, which is moved into
/// place only after it has been written and flushed. A failure leaves any previous file untouched.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The ending of every temporary file this class writes (".NAME.PID.sourcemodel.tmp"): distinctive, so what a
    /// killed writer leaves can be recognised and removed without touching anyone else's ".tmp" files.</summary>
    public const string TempSuffix = ".sourcemodel.tmp";

    public static void Write(string path, Action<TextWriter> write)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
            throw new UserError($"{path}: the output folder {dir} does not exist.");
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}{TempSuffix}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            if (File.Exists(temp)) File.Delete(temp);
            throw;
        }
    }
}
