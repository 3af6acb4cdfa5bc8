namespace SourceModel.Okada.Kernels;

/// <summary>
/// The three dislocation (or potency) components divided by 2π, as DC3D applies them, with flags for the
/// non-zero ones: DC3D skips a component whose dislocation is exactly zero, and so do we.
/// </summary>
internal readonly struct DislocationWeights
{
    public readonly double W1, W2, W3, W4;
    public readonly bool Has1, Has2, Has3, Has4;

    public DislocationWeights(double d1, double d2, double d3, double d4 = 0.0)
    {
        W1 = d1 / KernelConstants.TwoPi; Has1 = d1 != 0.0;
        W2 = d2 / KernelConstants.TwoPi; Has2 = d2 != 0.0;
        W3 = d3 / KernelConstants.TwoPi; Has3 = d3 != 0.0;
        W4 = d4 / KernelConstants.TwoPi; Has4 = d4 != 0.0;
    }
}
