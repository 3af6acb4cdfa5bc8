using SourceModel.Okada.Mechanics;

namespace SourceModel.Okada.Tests;

public class MechanicsTests
{
    [Fact]
    public void Poisson_solid_has_lambda_equal_mu_and_alpha_two_thirds()
    {
        var m = ElasticMedium.Default;
        Assert.Equal(30e9, m.Lambda, 1e-3);
        Assert.Equal(2.0 / 3.0, m.Alpha, 15);
        Assert.Equal(75e9, m.YoungModulus, 1e-3);
    }

    [Fact]
    public void Young_and_Lame_constructors_agree()
    {
        // Coulomb 3 default: E = 8e5 bar = 80 GPa, ν = 0.25 → μ = 32 GPa.
        var a = ElasticMedium.FromYoung(80e9, 0.25);
        Assert.Equal(32e9, a.ShearModulus, 1e-3);
        var b = ElasticMedium.FromLame(a.Lambda, a.ShearModulus);
        Assert.Equal(0.25, b.PoissonRatio, 14);
    }

    [Fact]
    public void Hooke_law_for_uniaxial_strain()
    {
        // ε = diag(1e-6, 0, 0): σxx = (λ + 2μ)ε, σyy = σzz = λε, no shear.
        var m = new ElasticMedium(30e9, 0.3);
        var g = new DisplacementGradient(0, 0, 0, 1e-6, 0, 0, 0, 0, 0, 0, 0, 0, OkadaStatus.Normal);
        var s = SymmetricTensor.StressFrom(g, m);
        Assert.Equal((m.Lambda + 2 * m.ShearModulus) * 1e-6, s.Xx, 1e-6);
        Assert.Equal(m.Lambda * 1e-6, s.Yy, 1e-6);
        Assert.Equal(m.Lambda * 1e-6, s.Zz, 1e-6);
        Assert.Equal(0, s.Xy);
    }

    [Fact]
    public void Strain_is_the_symmetric_part_of_the_gradient_and_rotation_carries_no_stress()
    {
        // A rigid rotation: ∂ux/∂y = −∂uy/∂x. No strain, no stress.
        var g = new DisplacementGradient(0, 0, 0, 0, 2e-6, 0, -2e-6, 0, 0, 0, 0, 0, OkadaStatus.Normal);
        var e = SymmetricTensor.StrainFrom(g);
        Assert.Equal(0, e.Xy);
        var s = SymmetricTensor.StressFromStrain(e, ElasticMedium.Default);
        Assert.Equal(0, s.Trace);
        var t = s.Traction(0, 0, 1);
        Assert.Equal((0.0, 0.0, 0.0), t);
    }

    [Fact]
    public void Medium_rejects_impossible_moduli()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ElasticMedium(30e9, 0.7).Validated());
        Assert.Contains("PoissonRatio = 0.7", ex.Message);
        Assert.Throws<ArgumentException>(() => new ElasticMedium(-1, 0.25).Validated());
    }
}
