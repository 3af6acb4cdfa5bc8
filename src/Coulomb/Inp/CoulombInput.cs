namespace SourceModel.Coulomb.Inp;

/// <summary>How an .inp file gives each element's slip (its table header decides).</summary>
public enum SlipColumns
{
    /// <summary><c>rt.lat reverse</c>: right-lateral and reverse slip, m (Kode 100).</summary>
    RightLateralReverse,
    /// <summary><c>rake netslip</c>: Aki–Richards rake (degrees) and net slip, m.</summary>
    RakeNetSlip,
}

/// <summary>One principal axis of the regional stress (Coulomb 3's S1/S2/S3 lines).</summary>
/// <param name="Azimuth">Direction (trend), degrees clockwise from north (<c>SnDR</c>).</param>
/// <param name="Plunge">Plunge below horizontal, degrees (<c>SnDP</c>).</param>
/// <param name="Intensity">Magnitude at the surface, bar (<c>SnIN</c>), compression positive as in Coulomb 3.</param>
/// <param name="Gradient">Increase with depth, bar/km (<c>SnGD</c>).</param>
public readonly record struct PrincipalStress(double Azimuth, double Plunge, double Intensity, double Gradient);

/// <summary>A fault element row: top edge from start to finish (dipping to the right), slip, dip, top and bottom depth.</summary>
/// <param name="XStart">km east.</param>
/// <param name="YStart">km north.</param>
/// <param name="XFinish">km east.</param>
/// <param name="YFinish">km north.</param>
/// <param name="Kode">Coulomb's element code (100: shear slip).</param>
/// <param name="Slip1">Right-lateral slip (m) or rake (degrees), per <see cref="CoulombInput.Columns"/>.</param>
/// <param name="Slip2">Reverse slip (m) or net slip (m).</param>
/// <param name="Dip">Degrees, (0, 90].</param>
/// <param name="Top">Depth of the top edge, km.</param>
/// <param name="Bottom">Depth of the bottom edge, km.</param>
/// <param name="Comment">Text after the numbers (kept on writing).</param>
public sealed record CoulombElement(double XStart, double YStart, double XFinish, double YFinish, int Kode,
    double Slip1, double Slip2, double Dip, double Top, double Bottom, string Comment);

/// <summary>A six-number block (grid) or seven-number block (cross-section) of an .inp file, km.</summary>
/// <param name="StartX">km.</param>
/// <param name="StartY">km.</param>
/// <param name="FinishX">km.</param>
/// <param name="FinishY">km.</param>
/// <param name="XIncrement">km (cross-section: distance increment).</param>
/// <param name="YIncrement">km (cross-section: depth of the section bottom, Z-depth).</param>
/// <param name="ZIncrement">km (cross-section only; NaN for the grid).</param>
public sealed record CoulombBlock(double StartX, double StartY, double FinishX, double FinishY, double XIncrement, double YIncrement, double ZIncrement);

/// <summary>
/// The contents of a Coulomb 3 input file (<c>.inp</c>): material, friction, calculation depth, regional stress,
/// the element table, and the grid, size, cross-section and map blocks. Units as in the file: km, bar, m, degrees.
/// </summary>
public sealed record CoulombInput
{
    /// <summary>The two free-text title lines.</summary>
    public required string[] Titles { get; init; }
    /// <summary>The <c>#reg1 #reg2 #fixed sym</c> line as written.</summary>
    public required string ControlLine { get; init; }
    /// <summary>Poisson's ratio (PR1).</summary>
    public required double Poisson { get; init; }
    /// <summary>PR2 (kept for round trips).</summary>
    public double Poisson2 { get; init; }
    /// <summary>Calculation depth, km (DEPTH).</summary>
    public required double Depth { get; init; }
    /// <summary>Young's modulus, bar (E1).</summary>
    public required double Young { get; init; }
    /// <summary>E2 (kept for round trips).</summary>
    public double Young2 { get; init; }
    /// <summary>XSYM.</summary>
    public double XSym { get; init; }
    /// <summary>YSYM.</summary>
    public double YSym { get; init; }
    /// <summary>Effective friction μ' (FRIC).</summary>
    public required double Friction { get; init; }
    /// <summary>Regional principal stresses S1, S2, S3.</summary>
    public required PrincipalStress[] Regional { get; init; }
    /// <summary>How the element table gives slip.</summary>
    public SlipColumns Columns { get; init; }
    /// <summary>The elements, in file order.</summary>
    public required IReadOnlyList<CoulombElement> Elements { get; init; }
    /// <summary>Grid parameters (start/finish x, y and increments, km).</summary>
    public CoulombBlock? Grid { get; init; }
    /// <summary>Size parameters: plot size, shade increment, exaggeration.</summary>
    public double[]? Size { get; init; }
    /// <summary>Cross-section default: start/finish x, y, distance increment, Z-depth, Z-increment (km).</summary>
    public CoulombBlock? CrossSection { get; init; }
    /// <summary>Map information: min lon, max lon, zero lon, min lat, max lat, zero lat (and any further lines).</summary>
    public double[]? Map { get; init; }
}
