namespace SourceModel.Sampling.Import;

/// <summary>The numbers of a point table as read, before any convention is applied: one array per mapped role,
/// and the physical (1-based) line each row came from, so later checks can still name the line.</summary>
public sealed class RawTable
{
    internal RawTable(string file, int rows, Dictionary<ColumnRole, double[]> columns, Dictionary<ColumnRole, int> fieldOf,
        string[]? names, int[] lines)
    {
        File = file;
        Rows = rows;
        Columns = columns;
        FieldOf = fieldOf;
        Names = names;
        Lines = lines;
    }

    /// <summary>The file read.</summary>
    public string File { get; }

    /// <summary>Number of data rows.</summary>
    public int Rows { get; }

    /// <summary>Role → values (file units).</summary>
    public IReadOnlyDictionary<ColumnRole, double[]> Columns { get; }

    /// <summary>Role → 1-based field number in the file (for error messages).</summary>
    public IReadOnlyDictionary<ColumnRole, int> FieldOf { get; }

    /// <summary>The name column, when mapped.</summary>
    public string[]? Names { get; }

    /// <summary>Physical line number of each row.</summary>
    public int[] Lines { get; }

    /// <summary>The values of a role, or null when not mapped.</summary>
    public double[]? Get(ColumnRole role) => Columns.TryGetValue(role, out var v) ? v : null;

    /// <summary>An error about row <paramref name="row"/>, in the role's column.</summary>
    public DataFormatException Error(int row, ColumnRole? role, string problem) =>
        new(File, Lines[row], role is { } r && FieldOf.TryGetValue(r, out int f) ? f : 0, problem);
}
