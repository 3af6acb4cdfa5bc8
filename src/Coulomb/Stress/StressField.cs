using SourceModel.Okada;
using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb.Stress;

/// <summary>Stress-change tensors at many points, structure of arrays, in east/north/up (Pa, tension positive), with
/// DC3D's status per point (a point on a source edge is <see cref="OkadaStatus.Singular"/> and its tensor is NaN).</summary>
public sealed class StressField
{
    /// <summary>Zeroed arrays for <paramref name="count"/> points.</summary>
    public StressField(int count)
    {
        Count = count;
        Ee = new double[count]; Nn = new double[count]; Uu = new double[count];
        En = new double[count]; Eu = new double[count]; Nu = new double[count];
        Status = new OkadaStatus[count];
    }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>σ_ee, Pa.</summary>
    public double[] Ee { get; }
    /// <summary>σ_nn, Pa.</summary>
    public double[] Nn { get; }
    /// <summary>σ_uu, Pa.</summary>
    public double[] Uu { get; }
    /// <summary>σ_en, Pa.</summary>
    public double[] En { get; }
    /// <summary>σ_eu, Pa.</summary>
    public double[] Eu { get; }
    /// <summary>σ_nu, Pa.</summary>
    public double[] Nu { get; }

    /// <summary>Status per point (normal, or singular on a source edge).</summary>
    public OkadaStatus[] Status { get; }

    /// <summary>The tensor at one point (x = east, y = north, z = up).</summary>
    public SymmetricTensor this[int i] => new(Ee[i], Nn[i], Uu[i], En[i], Eu[i], Nu[i]);
}
