namespace SourceModel.Sampling.Import;

/// <summary>What to do with rows that share a position and a unit vector.</summary>
public enum DuplicatePolicy
{
    /// <summary>Any duplicate is an error naming both lines (the default: a duplicate doubles that point's weight).</summary>
    Error,
    /// <summary>Rows identical in every number are dropped (the first is kept); duplicates that differ are still an error.</summary>
    DropIdentical,
    /// <summary>Keep every row (e.g. two occupations of one GNSS benchmark).</summary>
    Keep,
}
