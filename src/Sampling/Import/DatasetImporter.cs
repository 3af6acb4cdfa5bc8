using SourceModel.Sampling.Conventions;

namespace SourceModel.Sampling.Import;

/// <summary>
/// Turns a file into a <see cref="GeodeticDataset"/> under a <see cref="DatasetDeclaration"/>: reads the table, then
/// applies the declared units, LOS sign, vector direction or look-angle convention and coordinate system, checking
/// at every step that the file agrees with what was declared. Every failure is a <see cref="DataFormatException"/>
/// naming file, line and column.
/// </summary>
public static class DatasetImporter
{
    /// <summary>Displacements beyond this (after units) are taken as a wrong unit declaration, m.</summary>
    public const double MaxPlausibleDisplacement = 100.0;

    /// <summary>Reads and converts the declared file.</summary>
    public static GeodeticDataset Import(DatasetDeclaration d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (!System.IO.File.Exists(d.File)) throw new DataFormatException(d.File, 0, 0, "file not found.");
        RawTable table;
        TableLayout? layout = null;
        if (d.Format == DataFormat.Gtdef)
        {
            bool los = (d.Kind ?? DatasetKind.Los) != DatasetKind.Gnss3;
            table = GtdefReader.Read(d.File, los);
        }
        else
        {
            try { layout = FormatLayouts.For(d); }
            catch (ArgumentException e) { throw new DataFormatException(d.File, 0, 0, e.Message); }
            table = DelimitedTableReader.Read(d.File, layout, d.FirstLine, d.LastLine);
        }
        var kind = d.Kind ?? (layout is null ? DatasetKind.Los : FormatLayouts.NaturalKind(d.Format, layout));
        if (d.Format == DataFormat.SourceModelCsv)
        {
            // Our own format states its conventions; a declaration may only repeat them.
            if ((d.Sign ?? LosSign.TowardSatellite) != LosSign.TowardSatellite || (d.Vector ?? VectorDirection.GroundToSatellite) != VectorDirection.GroundToSatellite)
                throw new DataFormatException(d.File, 0, 0, "a sourcemodel CSV is always positive toward the satellite with ground-to-satellite vectors.");
            var stated = SourceModelCsv.ReadReference(d.File);
            if (d.Reference is { } declared && stated is not null && declared != stated)
                throw new DataFormatException(d.File, 1, 0, $"declared reference {declared} contradicts the file's {stated}.");
            d = d with { Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite, Reference = d.Reference ?? stated };
        }
        return Assemble(d, table, kind);
    }

    /// <summary>Applies the declaration to an already-read table (used by <see cref="Import"/> and by tests).</summary>
    public static GeodeticDataset Assemble(DatasetDeclaration d, RawTable t, DatasetKind kind)
    {
        var notes = new List<string>();
        var unit = RequireUnits(d, t, notes);
        var coordinates = CoordinateResolver.Resolve(d, t, notes);
        bool gnss = t.Get(ColumnRole.GnssEast) is not null || t.Get(ColumnRole.GnssNorth) is not null || t.Get(ColumnRole.GnssUp) is not null;
        var obs = gnss ? GnssExpansion.Expand(d, t, unit, notes) : LosRows.Build(d, t, kind, unit, notes);
        CheckPlausible(d, t, obs, unit);
        var keep = DuplicateFilter.Apply(d, t, coordinates, obs, notes);
        MathNet.Numerics.LinearAlgebra.Matrix<double>? covariance = null;
        if (d.CovarianceFile is { } covFile)
        {
            if (!System.IO.File.Exists(covFile)) throw new DataFormatException(covFile, 0, 0, "covariance file not found.");
            covariance = CovarianceFileReader.Read(covFile, keep.Count, d.CovarianceUnits ?? LengthUnit.Metre);
            notes.Add($"covariance from {Path.GetFileName(covFile)} ({(d.CovarianceUnits ?? LengthUnit.Metre).Symbol()}²)");
        }
        var dataset = obs.ToDataset(d, kind, coordinates, keep, notes, t.Rows);
        return covariance is null ? dataset : dataset.WithCovariance(covariance);
    }

    private static LengthUnit RequireUnits(DatasetDeclaration d, RawTable t, List<string> notes)
    {
        var stated = FormatLayouts.StatedUnit(d.Format);
        var unit = d.Units ?? stated ?? throw new DataFormatException(t.File, 0, 0,
            $"dataset '{d.Name}': declare 'units' (m, cm or mm) of the values; the {d.Format.Name()} format does not fix them.");
        if (stated is { } s && s != unit)
            throw new DataFormatException(t.File, 0, t.FieldOf.GetValueOrDefault(ColumnRole.Value),
                $"declared units '{unit.Symbol()}' contradict the {d.Format.Name()} format, whose values are in {s.Symbol()}.");
        if (unit == LengthUnit.Kilometre)
            throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': displacement units must be m, cm or mm, not km.");
        notes.Add($"values in {unit.Symbol()}");
        return unit;
    }

    private static void CheckPlausible(DatasetDeclaration d, RawTable t, Observations obs, LengthUnit unit)
    {
        for (int i = 0; i < obs.Count; i++)
            if (Math.Abs(obs.Value[i]) > MaxPlausibleDisplacement)
                throw t.Error(obs.SourceRow[i], obs.IsGnss ? null : ColumnRole.Value,
                    $"{obs.Value[i]:G6} m after applying the declared unit '{unit.Symbol()}' is not a plausible surface displacement (> {MaxPlausibleDisplacement} m); check 'units'.");
    }
}
