namespace SourceModel.Sampling.Import;

/// <summary>How a delimited text table is laid out: separator, header, and which field holds what.</summary>
/// <param name="Delimiter">Field separator; <c>null</c> means runs of spaces and tabs.</param>
/// <param name="HasHeader">The first non-comment line names the columns (then <see cref="ByHeader"/> may be used).</param>
/// <param name="ByIndex">Role → 1-based field number.</param>
/// <param name="ByHeader">Role → header name (needs <see cref="HasHeader"/>).</param>
/// <param name="ExactColumns">When set, every data line must have exactly this many fields.</param>
/// <param name="CommentPrefix">Lines starting (after blanks) with this are skipped.</param>
public sealed record TableLayout(char? Delimiter, bool HasHeader, IReadOnlyDictionary<ColumnRole, int> ByIndex,
    IReadOnlyDictionary<ColumnRole, string>? ByHeader = null, int? ExactColumns = null, string CommentPrefix = "#")
{
    /// <summary>Whitespace-separated columns by position.</summary>
    public static TableLayout Whitespace(int? exactColumns, params (ColumnRole Role, int Column)[] columns) =>
        new(null, false, columns.ToDictionary(c => c.Role, c => c.Column), null, exactColumns);

    /// <summary>True when the layout maps <paramref name="role"/> to a column.</summary>
    public bool Has(ColumnRole role) => ByIndex.ContainsKey(role) || (ByHeader?.ContainsKey(role) ?? false);
}
