using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SourceModel.Okada.Simd;

/// <summary>Lanes of a <see cref="Vector512{T}"/> of doubles.</summary>
internal readonly struct Vector512Lanes : ILanes<Vector512Lanes>
{
    public readonly Vector512<double> V;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512Lanes(Vector512<double> v) => V = v;

    public static int Count => Vector512<double>.Count;

    /// <summary>True when the hardware executes this width natively (otherwise the runtime emulates it).</summary>
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Broadcast(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Load(ReadOnlySpan<double> source, int offset) =>
        new(Vector512.Create(source.Slice(offset, Vector512<double>.Count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512Lanes value, Span<double> destination, int offset) =>
        value.V.CopyTo(destination.Slice(offset, Vector512<double>.Count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator +(Vector512Lanes a, Vector512Lanes b) => new(a.V + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator -(Vector512Lanes a, Vector512Lanes b) => new(a.V - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator *(Vector512Lanes a, Vector512Lanes b) => new(a.V * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator /(Vector512Lanes a, Vector512Lanes b) => new(a.V / b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator -(Vector512Lanes a) => new(-a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator +(Vector512Lanes a, double b) => new(a.V + Vector512.Create(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator -(Vector512Lanes a, double b) => new(a.V - Vector512.Create(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator *(Vector512Lanes a, double b) => new(a.V * b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator /(Vector512Lanes a, double b) => new(a.V / b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator +(double a, Vector512Lanes b) => new(Vector512.Create(a) + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator -(double a, Vector512Lanes b) => new(Vector512.Create(a) - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator *(double a, Vector512Lanes b) => new(a * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes operator /(double a, Vector512Lanes b) => new(Vector512.Create(a) / b.V);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes MultiplyAdd(Vector512Lanes a, Vector512Lanes b, Vector512Lanes c) => new(Vector512.FusedMultiplyAdd(a.V, b.V, c.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes Sqrt(Vector512Lanes a) => new(Vector512.Sqrt(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes Log(Vector512Lanes a) => new(Vector512.Log(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes Atan(Vector512Lanes a) => LaneMath.Atan(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes AtanOfRatio(Vector512Lanes n, Vector512Lanes d) => LaneMath.AtanRatio(n, d);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes Abs(Vector512Lanes a) => new(Vector512.Abs(a.V));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes InversePowerOfTwo(Vector512Lanes a) =>
        new((Vector512.Create(0x7FE0000000000000UL) - (a.V.AsUInt64() & Vector512.Create(0x7FF0000000000000UL))).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes LessThan(Vector512Lanes a, Vector512Lanes b) => new(Vector512.LessThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes LessThanOrEqual(Vector512Lanes a, Vector512Lanes b) => new(Vector512.LessThanOrEqual(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes Equal(Vector512Lanes a, Vector512Lanes b) => new(Vector512.Equals(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes And(Vector512Lanes a, Vector512Lanes b) => new(a.V & b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes Or(Vector512Lanes a, Vector512Lanes b) => new(a.V | b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512Lanes Select(Vector512Lanes mask, Vector512Lanes ifTrue, Vector512Lanes ifFalse) => new(Vector512.ConditionalSelect(mask.V, ifTrue.V, ifFalse.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(Vector512Lanes mask) => mask.V.AsUInt64() != Vector512<ulong>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Lane(Vector512Lanes value, int index) => value.V.GetElement(index);
}
