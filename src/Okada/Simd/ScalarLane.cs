using System.Runtime.CompilerServices;

namespace SourceModel.Okada.Simd;

/// <summary>
/// One lane: the plain scalar reference path. Uses <see cref="Math.Log(double)"/> and <see cref="Math.Atan"/>,
/// which call the C runtime, the same functions Okada's compiled Fortran calls.
/// </summary>
internal readonly struct ScalarLane : ILanes<ScalarLane>
{
    private static readonly double TrueBits = BitConverter.Int64BitsToDouble(-1L);

    public readonly double V;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ScalarLane(double v) => V = v;

    public static int Count => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Broadcast(double value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Load(ReadOnlySpan<double> source, int offset) => new(source[offset]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarLane value, Span<double> destination, int offset) => destination[offset] = value.V;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator +(ScalarLane a, ScalarLane b) => new(a.V + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator -(ScalarLane a, ScalarLane b) => new(a.V - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator *(ScalarLane a, ScalarLane b) => new(a.V * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator /(ScalarLane a, ScalarLane b) => new(a.V / b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator -(ScalarLane a) => new(-a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator +(ScalarLane a, double b) => new(a.V + b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator -(ScalarLane a, double b) => new(a.V - b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator *(ScalarLane a, double b) => new(a.V * b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator /(ScalarLane a, double b) => new(a.V / b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator +(double a, ScalarLane b) => new(a + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator -(double a, ScalarLane b) => new(a - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator *(double a, ScalarLane b) => new(a * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane operator /(double a, ScalarLane b) => new(a / b.V);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane MultiplyAdd(ScalarLane a, ScalarLane b, ScalarLane c) => new(Math.FusedMultiplyAdd(a.V, b.V, c.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane Sqrt(ScalarLane a) => new(Math.Sqrt(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane Log(ScalarLane a) => new(Math.Log(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane Atan(ScalarLane a) => new(Math.Atan(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane AtanOfRatio(ScalarLane n, ScalarLane d) => new(Math.Atan(n.V / d.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane Abs(ScalarLane a) => new(Math.Abs(a.V));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane InversePowerOfTwo(ScalarLane a) =>
        new(BitConverter.UInt64BitsToDouble(0x7FE0000000000000UL - (BitConverter.DoubleToUInt64Bits(a.V) & 0x7FF0000000000000UL)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane LessThan(ScalarLane a, ScalarLane b) => Mask(a.V < b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane LessThanOrEqual(ScalarLane a, ScalarLane b) => Mask(a.V <= b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane Equal(ScalarLane a, ScalarLane b) => Mask(a.V == b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane And(ScalarLane a, ScalarLane b) => Mask(IsSet(a) && IsSet(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane Or(ScalarLane a, ScalarLane b) => Mask(IsSet(a) || IsSet(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ScalarLane Select(ScalarLane mask, ScalarLane ifTrue, ScalarLane ifFalse) => IsSet(mask) ? ifTrue : ifFalse;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(ScalarLane mask) => IsSet(mask);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Lane(ScalarLane value, int index) => value.V;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ScalarLane Mask(bool b) => new(b ? TrueBits : 0.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSet(ScalarLane m) => BitConverter.DoubleToInt64Bits(m.V) != 0;
}
