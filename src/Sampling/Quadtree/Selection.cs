namespace SourceModel.Sampling.Quadtree;

/// <summary>Order statistics in linear expected time (Hoare's quickselect with a median-of-three pivot), so the median
/// of a 512×512 leaf costs a few passes over its pixels instead of a full sort.</summary>
internal static class Selection
{
    /// <summary>The median (mean of the two middle values for an even count). Reorders <paramref name="a"/>.</summary>
    public static double Median(Span<double> a)
    {
        int n = a.Length;
        if (n == 0) throw new ArgumentException("median of no values.");
        int k = n / 2;
        double upper = Select(a, k);
        if (n % 2 == 1) return upper;
        // After selection every value left of k is <= a[k]: the lower middle is their maximum.
        double lower = double.NegativeInfinity;
        foreach (double v in a[..k]) lower = Math.Max(lower, v);
        return 0.5 * (lower + upper);
    }

    /// <summary>The k-th smallest value (0-based); on return a[..k] ≤ a[k] ≤ a[(k+1)..].</summary>
    public static double Select(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi > lo)
        {
            int mid = lo + (hi - lo) / 2;
            // Median of three to the middle, then Hoare partition around it.
            if (a[mid] < a[lo]) (a[mid], a[lo]) = (a[lo], a[mid]);
            if (a[hi] < a[lo]) (a[hi], a[lo]) = (a[lo], a[hi]);
            if (a[hi] < a[mid]) (a[hi], a[mid]) = (a[mid], a[hi]);
            double pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) { (a[i], a[j]) = (a[j], a[i]); i++; j--; }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }
}
