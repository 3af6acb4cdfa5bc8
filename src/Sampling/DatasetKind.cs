namespace SourceModel.Sampling;

/// <summary>What a dataset's observations measure. Every observation is a scalar: the displacement projected on its
/// unit vector, so an inversion treats all kinds alike; the kind tells reports how to present them.</summary>
public enum DatasetKind
{
    /// <summary>InSAR line-of-sight displacement (unit vector from ground to satellite, value positive toward it).</summary>
    Los,

    /// <summary>One GNSS component per observation (east, north or up; the unit vector names which).</summary>
    GnssComponent,

    /// <summary>Three-component GNSS: each station gives three observations (east, north, up), in that order.</summary>
    Gnss3,

    /// <summary>Pixel-offset / multiple-aperture azimuth displacement (unit vector horizontal, along the flight direction).</summary>
    AzimuthOffset,
}
