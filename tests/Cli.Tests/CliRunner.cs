namespace SourceModel.Cli.Tests;

/// <summary>Runs the sourcemodel command in-process and captures its output, exit code and a scratch folder.</summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Folder = Directory.CreateTempSubdirectory("sourcemodel-cli-").FullName;
    }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, string content)
    {
        var p = PathOf(name);
        File.WriteAllText(p, content);
        return p;
    }

    public (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>Deletes the scratch folder, unless SOURCEMODEL_KEEP_TEST_FILES is set (to look at a run's outputs).</summary>
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("SOURCEMODEL_KEEP_TEST_FILES") is null) Directory.Delete(Folder, recursive: true);
    }
}
