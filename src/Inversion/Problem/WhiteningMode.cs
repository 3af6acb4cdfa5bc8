namespace SourceModel.Inversion.Problem;

/// <summary>How a dataset's residuals are weighted before they enter the misfit.</summary>
public enum WhiteningMode
{
    /// <summary>The full covariance when the dataset has one, else its sigmas; an error when it has neither.</summary>
    Auto,

    /// <summary>W = L⁻¹ with C = L·Lᵀ the full data covariance (correlated noise).</summary>
    Covariance,

    /// <summary>W = diag(1/σ) (independent noise).</summary>
    Sigma,

    /// <summary>No whitening: residuals in metres. Only for datasets without a noise model, and then for all of them.</summary>
    None,
}
