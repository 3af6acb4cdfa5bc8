namespace SourceModel.Okada;

/// <summary>Outcome of one kernel evaluation, with the meaning of DC3D's IRET.</summary>
public enum OkadaStatus : byte
{
    /// <summary>IRET = 0: a regular point; the values are valid.</summary>
    Normal = 0,

    /// <summary>IRET = 1: the point lies on an edge of the fault (or at the point source); values are zero.</summary>
    Singular = 1,

    /// <summary>IRET = 2: z &gt; 0 was given (a point above the free surface); values are zero.</summary>
    PositiveZ = 2,
}
