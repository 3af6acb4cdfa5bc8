namespace SourceModel.Okada.Simd;

/// <summary>
/// A register of <see cref="Count"/> double-precision lanes. The Okada kernels are written once against this
/// interface and instantiated for one lane (the scalar reference path, calling the C runtime's log/atan exactly as
/// Okada's Fortran does), for <see cref="System.Runtime.Intrinsics.Vector256{T}"/> and for
/// <see cref="System.Runtime.Intrinsics.Vector512{T}"/>. The JIT specialises generic code per struct type, so the
/// wrappers cost nothing.
/// </summary>
/// <remarks>
/// Masks are lanes with all bits set (true) or clear (false), as the hardware compare instructions produce them.
/// </remarks>
internal interface ILanes<TSelf> where TSelf : struct, ILanes<TSelf>
{
    /// <summary>Number of lanes.</summary>
    static abstract int Count { get; }

    /// <summary>All lanes set to <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(double value);

    /// <summary>Loads <see cref="Count"/> consecutive values.</summary>
    static abstract TSelf Load(ReadOnlySpan<double> source, int offset);

    /// <summary>Stores <see cref="Count"/> consecutive values.</summary>
    static abstract void Store(TSelf value, Span<double> destination, int offset);

    static abstract TSelf operator +(TSelf a, TSelf b);
    static abstract TSelf operator -(TSelf a, TSelf b);
    static abstract TSelf operator *(TSelf a, TSelf b);
    static abstract TSelf operator /(TSelf a, TSelf b);
    static abstract TSelf operator -(TSelf a);
    static abstract TSelf operator +(TSelf a, double b);
    static abstract TSelf operator -(TSelf a, double b);
    static abstract TSelf operator *(TSelf a, double b);
    static abstract TSelf operator /(TSelf a, double b);
    static abstract TSelf operator +(double a, TSelf b);
    static abstract TSelf operator -(double a, TSelf b);
    static abstract TSelf operator *(double a, TSelf b);
    static abstract TSelf operator /(double a, TSelf b);

    /// <summary>a·b + c with a single rounding (hardware FMA where available). For polynomial evaluation only:
    /// the Okada expressions themselves keep Okada's separate roundings.</summary>
    static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf c);

    /// <summary>IEEE square root (correctly rounded in every lane).</summary>
    static abstract TSelf Sqrt(TSelf a);

    /// <summary>Natural logarithm.</summary>
    static abstract TSelf Log(TSelf a);

    /// <summary>Arc tangent in (−π/2, π/2).</summary>
    static abstract TSelf Atan(TSelf a);

    /// <summary>
    /// atan(n/d). The scalar lane computes exactly that (as Okada's Fortran does); vector lanes use
    /// <see cref="LaneMath.AtanRatio{V}"/>, which saves a division.
    /// </summary>
    static abstract TSelf AtanOfRatio(TSelf n, TSelf d);

    /// <summary>
    /// 2^−e per lane, where 2^e ≤ |a| &lt; 2^(e+1): an exact power-of-two factor that brings a positive normal
    /// value into [1, 2) without a division (used to keep homogeneous polynomials in range).
    /// </summary>
    static abstract TSelf InversePowerOfTwo(TSelf a);

    /// <summary>Absolute value.</summary>
    static abstract TSelf Abs(TSelf a);

    /// <summary>Mask of lanes where a &lt; b.</summary>
    static abstract TSelf LessThan(TSelf a, TSelf b);

    /// <summary>Mask of lanes where a &lt;= b.</summary>
    static abstract TSelf LessThanOrEqual(TSelf a, TSelf b);

    /// <summary>Mask of lanes where a == b (IEEE: −0 equals +0).</summary>
    static abstract TSelf Equal(TSelf a, TSelf b);

    /// <summary>Lane-wise AND of two masks.</summary>
    static abstract TSelf And(TSelf a, TSelf b);

    /// <summary>Lane-wise OR of two masks.</summary>
    static abstract TSelf Or(TSelf a, TSelf b);

    /// <summary><paramref name="ifTrue"/> where the mask is set, else <paramref name="ifFalse"/>.</summary>
    static abstract TSelf Select(TSelf mask, TSelf ifTrue, TSelf ifFalse);

    /// <summary>True when any lane of the mask is set.</summary>
    static abstract bool Any(TSelf mask);

    /// <summary>The value of one lane.</summary>
    static abstract double Lane(TSelf value, int index);
}
