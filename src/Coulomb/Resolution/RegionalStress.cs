using SourceModel.Okada.Mechanics;

namespace SourceModel.Coulomb.Resolution;

/// <summary>One principal axis of a regional stress.</summary>
/// <param name="Azimuth">Trend, degrees clockwise from north.</param>
/// <param name="Plunge">Plunge below horizontal, degrees.</param>
/// <param name="Magnitude">Compressive magnitude at the surface, Pa (compression positive, as Coulomb 3 gives it).</param>
/// <param name="Gradient">Increase of the magnitude with depth, Pa/m.</param>
public readonly record struct PrincipalAxis(double Azimuth, double Plunge, double Magnitude, double Gradient);

/// <summary>
/// The regional (background) stress of Coulomb 3: three principal axes with magnitudes growing linearly with depth.
/// Only its orientation and relative size matter for optimally oriented planes; ΔCFS itself is from the change.
/// </summary>
/// <param name="Axes">S1, S2, S3.</param>
public sealed record RegionalStress(PrincipalAxis[] Axes)
{
    /// <summary>The tensor at <paramref name="depth"/> (m) in east/north/up, tension positive, Pa.</summary>
    public SymmetricTensor At(double depth)
    {
        if (Axes.Length != 3) throw new ArgumentException("a regional stress has three principal axes.");
        double xx = 0, yy = 0, zz = 0, xy = 0, xz = 0, yz = 0;
        foreach (var a in Axes)
        {
            if (!double.IsFinite(a.Azimuth) || !double.IsFinite(a.Plunge) || !double.IsFinite(a.Magnitude) || !double.IsFinite(a.Gradient))
                throw new ArgumentException("regional stress axes must be finite.");
            var (sa, ca) = Math.SinCos(a.Azimuth * Math.PI / 180);
            var (sp, cp) = Math.SinCos(a.Plunge * Math.PI / 180);
            double e = sa * cp, n = ca * cp, u = -sp;
            double m = -(a.Magnitude + a.Gradient * depth);   // compression positive → tension-positive tensor
            xx += m * e * e; yy += m * n * n; zz += m * u * u;
            xy += m * e * n; xz += m * e * u; yz += m * n * u;
        }
        return new SymmetricTensor(xx, yy, zz, xy, xz, yz);
    }
}
