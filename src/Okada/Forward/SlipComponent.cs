namespace SourceModel.Okada.Forward;

/// <summary>A unit dislocation component of a patch (one column of a Green's matrix per patch and component).</summary>
public enum SlipComponent
{
    /// <summary>1 m of left-lateral strike slip (rake 0).</summary>
    StrikeSlip = 0,

    /// <summary>1 m of reverse dip slip (rake 90).</summary>
    DipSlip = 1,

    /// <summary>1 m of opening.</summary>
    Opening = 2,
}
