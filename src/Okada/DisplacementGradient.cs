namespace SourceModel.Okada;

/// <summary>
/// Displacement and its nine spatial derivatives at one point, in the frame of the call (Okada's frame for the raw
/// kernels: x along strike, y perpendicular, z up). Displacements are in the unit of the dislocation (or of potency
/// divided by length² for a point source); derivatives in that unit per unit length. Names follow DC3D: <c>Uxy</c>
/// is ∂ux/∂y.
/// </summary>
/// <param name="Ux">Displacement along x.</param>
/// <param name="Uy">Displacement along y.</param>
/// <param name="Uz">Displacement along z (up).</param>
/// <param name="Uxx">∂ux/∂x.</param>
/// <param name="Uyx">∂uy/∂x.</param>
/// <param name="Uzx">∂uz/∂x.</param>
/// <param name="Uxy">∂ux/∂y.</param>
/// <param name="Uyy">∂uy/∂y.</param>
/// <param name="Uzy">∂uz/∂y.</param>
/// <param name="Uxz">∂ux/∂z.</param>
/// <param name="Uyz">∂uy/∂z.</param>
/// <param name="Uzz">∂uz/∂z.</param>
/// <param name="Status">DC3D's return code; all values are zero unless <see cref="OkadaStatus.Normal"/>.</param>
public readonly record struct DisplacementGradient(
    double Ux, double Uy, double Uz,
    double Uxx, double Uyx, double Uzx,
    double Uxy, double Uyy, double Uzy,
    double Uxz, double Uyz, double Uzz,
    OkadaStatus Status)
{
    /// <summary>The twelve values in DC3D's output order (UX UY UZ UXX UYX UZX UXY UYY UZY UXZ UYZ UZZ).</summary>
    public double[] ToArray() => [Ux, Uy, Uz, Uxx, Uyx, Uzx, Uxy, Uyy, Uzy, Uxz, Uyz, Uzz];

    /// <summary>The displacement gradient as a 3×3 tensor, G[i, j] = ∂u_i/∂x_j.</summary>
    public double[,] GradientTensor() => new[,]
    {
        { Uxx, Uxy, Uxz },
        { Uyx, Uyy, Uyz },
        { Uzx, Uzy, Uzz },
    };
}
