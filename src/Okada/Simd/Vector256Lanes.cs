using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SourceModel.Okada.Simd;

/// <summary>Lanes of a <see cref="Vector256{T}"/> of doubles.</summary>
internal readonly struct Vector256Lanes : ILanes<Vector256Lanes>
{
    public readonly Vector256<double> V;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256Lanes(Vector256<double> v) => V = v;

    public static int Count => Vector256<double>.Count;

    /// <summary>True when the hardware executes this width natively (otherwise the runtime emulates it).</summary>
    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes Broadcast(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes Load(ReadOnlySpan<double> source, int offset) =>
        new(Vector256.Create(source.Slice(offset, Vector256<double>.Count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256Lanes value, Span<double> destination, int offset) =>
        value.V.CopyTo(destination.Slice(offset, Vector256<double>.Count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator +(Vector256Lanes a, Vector256Lanes b) => new(a.V + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator -(Vector256Lanes a, Vector256Lanes b) => new(a.V - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator *(Vector256Lanes a, Vector256Lanes b) => new(a.V * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator /(Vector256Lanes a, Vector256Lanes b) => new(a.V / b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator -(Vector256Lanes a) => new(-a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator +(Vector256Lanes a, double b) => new(a.V + Vector256.Create(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator -(Vector256Lanes a, double b) => new(a.V - Vector256.Create(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator *(Vector256Lanes a, double b) => new(a.V * b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator /(Vector256Lanes a, double b) => new(a.V / b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator +(double a, Vector256Lanes b) => new(Vector256.Create(a) + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator -(double a, Vector256Lanes b) => new(Vector256.Create(a) - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator *(double a, Vector256Lanes b) => new(a * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes operator /(double a, Vector256Lanes b) => new(Vector256.Create(a) / b.V);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes MultiplyAdd(Vector256Lanes a, Vector256Lanes b, Vector256Lanes c) => new(Vector256.FusedMultiplyAdd(a.V, b.V, c.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes Sqrt(Vector256Lanes a) => new(Vector256.Sqrt(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes Log(Vector256Lanes a) => new(Vector256.Log(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes Atan(Vector256Lanes a) => LaneMath.Atan(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes AtanOfRatio(Vector256Lanes n, Vector256Lanes d) => LaneMath.AtanRatio(n, d);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes Abs(Vector256Lanes a) => new(Vector256.Abs(a.V));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes InversePowerOfTwo(Vector256Lanes a) =>
        new((Vector256.Create(0x7FE0000000000000UL) - (a.V.AsUInt64() & Vector256.Create(0x7FF0000000000000UL))).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes LessThan(Vector256Lanes a, Vector256Lanes b) => new(Vector256.LessThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes LessThanOrEqual(Vector256Lanes a, Vector256Lanes b) => new(Vector256.LessThanOrEqual(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes Equal(Vector256Lanes a, Vector256Lanes b) => new(Vector256.Equals(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes And(Vector256Lanes a, Vector256Lanes b) => new(a.V & b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes Or(Vector256Lanes a, Vector256Lanes b) => new(a.V | b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256Lanes Select(Vector256Lanes mask, Vector256Lanes ifTrue, Vector256Lanes ifFalse) => new(Vector256.ConditionalSelect(mask.V, ifTrue.V, ifFalse.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(Vector256Lanes mask) => mask.V.AsUInt64() != Vector256<ulong>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Lane(Vector256Lanes value, int index) => value.V.GetElement(index);
}
