using System.Runtime.CompilerServices;
namespace SourceModel.Sampling.Import;

/// <summary>Finds rows with the same position and unit vector and applies the declared <see cref="DuplicatePolicy"/>.</summary>
internal static class DuplicateFilter
{
    /// <summary>Indices (into <paramref name="obs"/>) of the observations to keep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<int> Apply(DatasetDeclaration d, RawTable t, ResolvedCoordinates c, Observations obs, List<string> notes)
    {
        var keep = new List<int>(obs.Count);
        if (d.Duplicates == DuplicatePolicy.Keep)
        {
            for (int i = 0; i < obs.Count; i++) keep.Add(i);
            notes.Add("duplicates kept as declared");
            return keep;
        }
        var seen = new Dictionary<PointKey, int>(obs.Count);
        int dropped = 0;
        for (int i = 0; i < obs.Count; i++)
        {
            int row = obs.SourceRow[i];
            var key = new PointKey(c.East[row], c.North[row], obs.UnitEast[i], obs.UnitNorth[i], obs.UnitUp[i]);
            if (seen.TryGetValue(key, out int j))
            {
                bool identical = obs.Value[i].Equals(obs.Value[j]) && obs.Sigma[i].Equals(obs.Sigma[j]);
                if (d.Duplicates == DuplicatePolicy.DropIdentical && identical) { dropped++; continue; }
                throw t.Error(row, null, $"duplicated point: same position and direction as line {t.Lines[obs.SourceRow[j]]}"
                    + (identical ? "; declare duplicates: drop_identical to drop exact repeats." : " with a different value; remove one or declare duplicates: keep."));
            }
            seen.Add(key, i);
            keep.Add(i);
        }
        if (dropped > 0) notes.Add($"{dropped} exactly repeated observations dropped (declared drop_identical)");
        return keep;
    }

    /// <summary>Position and direction compared bit for bit (a duplicate is the same numbers, not nearly the same).</summary>
    private readonly record struct PointKey(double E, double N, double Ue, double Un, double Uu)
    {
        public bool Equals(PointKey o) => E.Equals(o.E) && N.Equals(o.N) && Ue.Equals(o.Ue) && Un.Equals(o.Un) && Uu.Equals(o.Uu);

        public override int GetHashCode()
        {
            ulong h = (ulong)BitConverter.DoubleToInt64Bits(E) * 0x9E3779B97F4A7C15UL;
            h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(N)) * 0xBF58476D1CE4E5B9UL;
            h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(Ue)) * 0x94D049BB133111EBUL;
            h ^= (ulong)BitConverter.DoubleToInt64Bits(Un) + ((ulong)BitConverter.DoubleToInt64Bits(Uu) << 7);
            return (int)(h ^ (h >> 32));
        }
    }
}
