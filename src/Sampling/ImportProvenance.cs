namespace SourceModel.Sampling;

/// <summary>Where a dataset came from and which conventions turned its file into SI values, so a report can say
/// exactly how each number was interpreted.</summary>
/// <param name="SourceFile">The file that was read (as given).</param>
/// <param name="Format">The reader's format name (e.g. <c>lltnde</c>, <c>beat-csv</c>, <c>gtdef</c>).</param>
/// <param name="Conventions">One line per declared convention applied (units, LOS sign, vector direction, coordinates).</param>
/// <param name="RowsRead">Number of data rows accepted from the file.</param>
public sealed record ImportProvenance(string SourceFile, string Format, IReadOnlyList<string> Conventions, int RowsRead)
{
    /// <summary>The conventions joined on one line.</summary>
    public string ConventionSummary => string.Join("; ", Conventions);
}
