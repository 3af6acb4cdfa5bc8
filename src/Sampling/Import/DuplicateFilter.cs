using System.Runtime.CompilerServices;

namespace SourceModel.Sampling.Import;

/// <summary>Finds rows with the same position and unit vector and applies the declared <see cref="DuplicatePolicy"/>.
/// Each observation gets a 64-bit hash of its five numbers; the hashes are sorted (fast for primitives, cache
/// friendly for a million rows) and only rows whose hashes collide are compared number by number.</summary>
internal static class DuplicateFilter
{
    /// <summary>Indices (into <paramref name="obs"/>) of the observations to keep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<int> Apply(DatasetDeclaration d, RawTable t, ResolvedCoordinates c, Observations obs, List<string> notes)
    {
        int n = obs.Count;
        var all = new List<int>(n);
        for (int i = 0; i < n; i++) all.Add(i);
        if (d.Duplicates == DuplicatePolicy.Keep)
        {
            notes.Add("duplicates kept as declared");
            return all;
        }
        var hash = new ulong[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            int row = obs.SourceRow[i];
            hash[i] = Hash(c.East[row], c.North[row], obs.UnitEast[i], obs.UnitNorth[i], obs.UnitUp[i]);
            order[i] = i;
        }
        Array.Sort(hash, order);
        // (duplicate, first occurrence) pairs, found among equal hashes only.
        var duplicates = new List<(int Dup, int First)>();
        for (int s = 0; s < n;)
        {
            int e = s + 1;
            while (e < n && hash[e] == hash[s]) e++;
            if (e - s > 1)
            {
                var members = order[s..e];
                Array.Sort(members);
                for (int a = 1; a < members.Length; a++)
                    for (int b = 0; b < a; b++)
                        if (SamePoint(c, obs, members[a], members[b])) { duplicates.Add((members[a], members[b])); break; }
            }
            s = e;
        }
        if (duplicates.Count == 0) return all;
        duplicates.Sort();
        var drop = new HashSet<int>();
        foreach (var (dup, first) in duplicates)
        {
            bool identical = obs.Value[dup].Equals(obs.Value[first]) && obs.Sigma[dup].Equals(obs.Sigma[first]);
            if (d.Duplicates == DuplicatePolicy.DropIdentical && identical) { drop.Add(dup); continue; }
            throw t.Error(obs.SourceRow[dup], null, $"duplicated point: same position and direction as line {t.Lines[obs.SourceRow[first]]}"
                + (identical ? "; declare duplicates: drop_identical to drop exact repeats." : " with a different value; remove one or declare duplicates: keep."));
        }
        notes.Add($"{drop.Count} exactly repeated observations dropped (declared drop_identical)");
        return all.Where(i => !drop.Contains(i)).ToList();
    }

    private static bool SamePoint(ResolvedCoordinates c, Observations obs, int i, int j) =>
        c.East[obs.SourceRow[i]].Equals(c.East[obs.SourceRow[j]]) && c.North[obs.SourceRow[i]].Equals(c.North[obs.SourceRow[j]]) &&
        obs.UnitEast[i].Equals(obs.UnitEast[j]) && obs.UnitNorth[i].Equals(obs.UnitNorth[j]) && obs.UnitUp[i].Equals(obs.UnitUp[j]);

    private static ulong Hash(double e, double n, double ue, double un, double uu)
    {
        ulong h = 0x9E3779B97F4A7C15UL;
        foreach (double v in (ReadOnlySpan<double>)[e, n, ue, un, uu])
        {
            // Equal doubles (including +0 and −0) must hash equally, as Equals treats them.
            h ^= (ulong)BitConverter.DoubleToInt64Bits(v == 0 ? 0.0 : v);
            h *= 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
        }
        return h;
    }
}
