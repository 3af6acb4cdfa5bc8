namespace SourceModel.Tests.Shared;

/// <summary>A temporary folder for files a test writes itself; deleted on dispose.</summary>
public sealed class TempFiles : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("sourcemodel-test-").FullName;

    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }
}
