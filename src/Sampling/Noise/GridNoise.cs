using System.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.IntegralTransforms;

namespace SourceModel.Sampling.Noise;

/// <summary>
/// Stationary correlated noise on a regular pixel grid (an interferogram's atmosphere) by circulant embedding
/// (Dietrich &amp; Newsam 1997; Wood &amp; Chan 1994): the covariance is laid out on a periodic grid at least twice the
/// size of the scene, its 2-D FFT gives the eigenvalues of the circulant matrix, and the FFT of complex white noise
/// scaled by their square roots gives two independent exact realisations (real and imaginary parts). Cost
/// O(M log M) for M embedding cells, where a Cholesky factor of the pixel covariance would need O(N³) for N pixels.
/// </summary>
public sealed class GridNoise
{
    private readonly int _nx, _ny, _mx, _my;
    private readonly double[] _sqrtEigen;

    /// <summary>Noise with covariance <paramref name="model"/> on an <paramref name="nx"/> × <paramref name="ny"/> grid
    /// with pixel spacings <paramref name="dx"/>, <paramref name="dy"/> (m).</summary>
    public GridNoise(CovarianceModel model, int nx, int ny, double dx, double dy)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (nx < 1 || ny < 1) throw new ArgumentException($"grid needs at least one pixel, got {nx}x{ny}.");
        if (!(dx > 0 && dy > 0)) throw new ArgumentException($"pixel spacings must be positive, got {dx}, {dy}.");
        (_nx, _ny) = (nx, ny);
        // A power of two at least twice the grid keeps the FFTs fast and the embedding (nearly) non-negative definite.
        _mx = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, 2 * nx));
        _my = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, 2 * ny));
        var c = new Complex[_mx * _my];
        for (int j = 0; j < _my; j++)
        {
            double y = Math.Min(j, _my - j) * dy;
            for (int i = 0; i < _mx; i++)
            {
                double x = Math.Min(i, _mx - i) * dx;
                c[j * _mx + i] = model.At(Math.Sqrt(x * x + y * y));
            }
        }
        Transform2D(c);
        _sqrtEigen = new double[c.Length];
        double negative = 0, total = 0;
        for (int k = 0; k < c.Length; k++)
        {
            double lambda = c[k].Real;
            total += Math.Abs(lambda);
            if (lambda < 0) negative += -lambda;
            // Small negative eigenvalues of the embedding are round-off or truncation; clipping them changes the
            // variance by the fraction reported in NegativeEigenFraction.
            _sqrtEigen[k] = Math.Sqrt(Math.Max(0, lambda) / c.Length);
        }
        NegativeEigenFraction = total > 0 ? negative / total : 0;
    }

    /// <summary>Share of the embedding's eigenvalue mass that was negative and clipped (0 for an exact embedding).</summary>
    public double NegativeEigenFraction { get; }

    /// <summary>Two independent realisations (row-major, <c>j·nx + i</c>, m) from <paramref name="random"/>.</summary>
    public (double[] First, double[] Second) Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var z = new Complex[_sqrtEigen.Length];
        for (int k = 0; k < z.Length; k++)
            z[k] = new Complex(Normal.Sample(random, 0, 1), Normal.Sample(random, 0, 1)) * _sqrtEigen[k];
        Transform2D(z);
        var a = new double[_nx * _ny];
        var b = new double[_nx * _ny];
        for (int j = 0; j < _ny; j++)
            for (int i = 0; i < _nx; i++)
            {
                var v = z[j * _mx + i];
                a[j * _nx + i] = v.Real;
                b[j * _nx + i] = v.Imaginary;
            }
        return (a, b);
    }

    /// <summary>Unscaled forward 2-D DFT in place (rows, then columns).</summary>
    private void Transform2D(Complex[] data)
    {
        var line = new Complex[_mx];
        for (int j = 0; j < _my; j++)
        {
            Array.Copy(data, j * _mx, line, 0, _mx);
            Fourier.Forward(line, FourierOptions.NoScaling);
            Array.Copy(line, 0, data, j * _mx, _mx);
        }
        var column = new Complex[_my];
        for (int i = 0; i < _mx; i++)
        {
            for (int j = 0; j < _my; j++) column[j] = data[j * _mx + i];
            Fourier.Forward(column, FourierOptions.NoScaling);
            for (int j = 0; j < _my; j++) data[j * _mx + i] = column[j];
        }
    }
}
