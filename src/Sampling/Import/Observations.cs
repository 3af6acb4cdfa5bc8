using System.Runtime.CompilerServices;
using SourceModel.Sampling.Projection;

namespace SourceModel.Sampling.Import;

/// <summary>Converted observations (SI units, internal conventions) before duplicates are removed; each remembers its
/// source row so errors can still name the line.</summary>
internal sealed class Observations(int capacity, bool isGnss)
{
    public readonly List<int> SourceRow = new(capacity);
    public readonly List<double> Value = new(capacity), UnitEast = new(capacity), UnitNorth = new(capacity), UnitUp = new(capacity);
    public readonly List<double> Sigma = new(capacity), Weight = new(capacity);
    public readonly List<string> Label = new(capacity);
    public bool HasSigma, HasWeight, HasLabel;
    public bool IsGnss => isGnss;
    public int Count => Value.Count;

    public void Add(int row, double value, double e, double n, double u, double sigma = double.NaN, double weight = double.NaN, string? label = null)
    {
        SourceRow.Add(row);
        Value.Add(value);
        UnitEast.Add(e);
        UnitNorth.Add(n);
        UnitUp.Add(u);
        Sigma.Add(sigma);
        Weight.Add(weight);
        Label.Add(label ?? "");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public GeodeticDataset ToDataset(DatasetDeclaration d, DatasetKind kind, ResolvedCoordinates c, IReadOnlyList<int> keep,
        List<string> notes, int rowsRead)
    {
        // Plain loops: these run over a million rows for big files.
        double[] Pick(List<double> src)
        {
            var a = new double[keep.Count];
            for (int k = 0; k < a.Length; k++) a[k] = src[keep[k]];
            return a;
        }
        double[] PickRow(double[] src)
        {
            var a = new double[keep.Count];
            for (int k = 0; k < a.Length; k++) a[k] = src[SourceRow[keep[k]]];
            return a;
        }
        var provenance = new ImportProvenance(d.File, d.Format.Name(), notes.Distinct().ToArray(), rowsRead);
        var unitEast = Pick(UnitEast);
        var unitNorth = Pick(UnitNorth);
        if (c.Convergence is not null)
            for (int k = 0; k < unitEast.Length; k++)
                (unitEast[k], unitNorth[k]) = LocalProjection.TrueToGrid(unitEast[k], unitNorth[k], c.Convergence[SourceRow[keep[k]]]);
        return new GeodeticDataset(d.Name, kind, PickRow(c.East), PickRow(c.North), Pick(Value), unitEast, unitNorth, Pick(UnitUp),
            provenance, c.Reference, d.Weight,
            elevation: c.Elevation is null ? null : PickRow(c.Elevation),
            longitude: c.Longitude is null ? null : PickRow(c.Longitude),
            latitude: c.Latitude is null ? null : PickRow(c.Latitude),
            sigma: HasSigma ? Pick(Sigma) : null,
            pointWeight: HasWeight ? Pick(Weight) : null,
            leafSize: c.LeafSize is null ? null : PickRow(c.LeafSize),
            pixelCount: c.PixelCount is null ? null : keep.Select(i => c.PixelCount[SourceRow[i]]).ToArray(),
            labels: HasLabel ? keep.Select(i => Label[i]).ToArray() : null);
    }
}

/// <summary>Per-row positions in the local frame (and geographic when known).</summary>
/// <param name="Convergence">Per source row, the angle (radians, clockwise) from grid north to true north when the
/// points were projected from geographic coordinates: the observations' east/north vector components, given relative to
/// true north, are rotated by it into the local frame. Null for local coordinates (vectors already in that frame).</param>
internal sealed record ResolvedCoordinates(double[] East, double[] North, double[]? Longitude, double[]? Latitude,
    double[]? Elevation, GeoReference? Reference, double[]? LeafSize, int[]? PixelCount, double[]? Convergence = null);
