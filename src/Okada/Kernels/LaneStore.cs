using SourceModel.Okada.Simd;

namespace SourceModel.Okada.Kernels;

/// <summary>Writes one register of kernel results into the structure-of-arrays output.</summary>
internal static class LaneStore
{
    public static void Store<V>(in Gradient12<V> u, V singular, V positiveZ, GradientField o, int i)
        where V : struct, ILanes<V>
    {
        V.Store(u.Ux, o.Ux, i); V.Store(u.Uy, o.Uy, i); V.Store(u.Uz, o.Uz, i);
        V.Store(u.Uxx, o.Uxx, i); V.Store(u.Uyx, o.Uyx, i); V.Store(u.Uzx, o.Uzx, i);
        V.Store(u.Uxy, o.Uxy, i); V.Store(u.Uyy, o.Uyy, i); V.Store(u.Uzy, o.Uzy, i);
        V.Store(u.Uxz, o.Uxz, i); V.Store(u.Uyz, o.Uyz, i); V.Store(u.Uzz, o.Uzz, i);
        StoreStatus(singular, positiveZ, o.Status, i);
    }

    public static void StoreStatus<V>(V singular, V positiveZ, Span<OkadaStatus> status, int i)
        where V : struct, ILanes<V>
    {
        bool anySingular = V.Any(singular), anyAbove = V.Any(positiveZ);
        for (int lane = 0; lane < V.Count; lane++)
        {
            OkadaStatus s = OkadaStatus.Normal;
            if (anyAbove && IsSet(V.Lane(positiveZ, lane))) s = OkadaStatus.PositiveZ;
            else if (anySingular && IsSet(V.Lane(singular, lane))) s = OkadaStatus.Singular;
            status[i + lane] = s;
        }
    }

    private static bool IsSet(double maskLane) => BitConverter.DoubleToInt64Bits(maskLane) != 0;
}
