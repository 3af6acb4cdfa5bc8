namespace SourceModel.Tests.Shared;

/// <summary>Locates ../shared/datasets (beside the repository) and the test data copied next to the test binaries.
/// One source file compiled into every test project (linked from tests/Shared).</summary>
public static class SharedData
{
    /// <summary>The datasets folder, found by walking up from the test binaries to the folder that holds shared/.</summary>
    public static string? DatasetsRoot { get; } = Find();

    public static string? Dataset(string name) =>
        DatasetsRoot is null ? null : Path.Combine(DatasetsRoot, name);

    public static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    /// <summary>The repository root (the folder holding SourceModel.sln), found by walking up from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepository();

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SourceModel.sln"))) return dir.FullName;
        throw new InvalidOperationException("SourceModel.sln not found above the test binaries.");
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("SOURCEMODEL_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "datasets")))
            return Path.Combine(env, "datasets");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>
/// A fact that needs a dataset from ../shared/datasets; it is skipped, with the reason shown, when the folder is
/// absent (never passes silently).
/// </summary>
public sealed class SharedDatasetFactAttribute : FactAttribute
{
    public SharedDatasetFactAttribute(string dataset)
    {
        var path = SharedData.Dataset(dataset);
        if (path is null || !Directory.Exists(path))
            Skip = $"Needs ../shared/datasets/{dataset}, which was not found beside the repository (set SOURCEMODEL_SHARED to the shared folder).";
    }
}

/// <summary>
/// A fact that runs an example configuration from examples/, whose paths point at ../shared/datasets beside the
/// repository; skipped, with the reason shown, when that folder is absent.
/// </summary>
public sealed class ExampleDatasetFactAttribute : FactAttribute
{
    public ExampleDatasetFactAttribute(string dataset)
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "..", "shared", "datasets", dataset);
        if (!Directory.Exists(path))
            Skip = $"Needs ../shared/datasets/{dataset} beside the repository (the examples/ configs refer to it by that relative path).";
    }
}
