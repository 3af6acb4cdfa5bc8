namespace SourceModel.Sampling.Conventions;

/// <summary>What a positive LOS value in a file means.</summary>
public enum LosSign
{
    /// <summary>Positive = motion toward the satellite (range decrease). Our internal convention.</summary>
    TowardSatellite,

    /// <summary>Positive = motion away from the satellite (range increase, "range change"). Negated on import.</summary>
    AwayFromSatellite,
}

/// <summary>Which way a unit vector stored in a file points.</summary>
public enum VectorDirection
{
    /// <summary>From the ground point to the satellite (up component positive). Our internal convention.</summary>
    GroundToSatellite,

    /// <summary>From the satellite to the ground (up component negative). Negated on import.</summary>
    SatelliteToGround,
}
