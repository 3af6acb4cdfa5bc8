namespace SourceModel.Sampling.Conventions;

/// <summary>A declared length unit of a file's column (displacements, sigmas or coordinates).</summary>
public enum LengthUnit
{
    /// <summary>Metres.</summary>
    Metre,

    /// <summary>Centimetres.</summary>
    Centimetre,

    /// <summary>Millimetres.</summary>
    Millimetre,

    /// <summary>Kilometres.</summary>
    Kilometre,
}

/// <summary>Parsing and conversion of <see cref="LengthUnit"/>.</summary>
public static class LengthUnits
{
    /// <summary>Metres per unit.</summary>
    public static double ToMetres(this LengthUnit unit) => unit switch
    {
        LengthUnit.Metre => 1.0,
        LengthUnit.Centimetre => 0.01,
        LengthUnit.Millimetre => 0.001,
        LengthUnit.Kilometre => 1000.0,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    /// <summary>The symbol used in configs and reports (m, cm, mm, km).</summary>
    public static string Symbol(this LengthUnit unit) => unit switch
    {
        LengthUnit.Metre => "m",
        LengthUnit.Centimetre => "cm",
        LengthUnit.Millimetre => "mm",
        LengthUnit.Kilometre => "km",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    /// <summary>Parses m, cm, mm or km (also the long names).</summary>
    public static bool TryParse(string text, out LengthUnit unit)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "m": case "metre": case "metres": case "meter": case "meters": unit = LengthUnit.Metre; return true;
            case "cm": case "centimetre": case "centimetres": case "centimeter": case "centimeters": unit = LengthUnit.Centimetre; return true;
            case "mm": case "millimetre": case "millimetres": case "millimeter": case "millimeters": unit = LengthUnit.Millimetre; return true;
            case "km": case "kilometre": case "kilometres": case "kilometer": case "kilometers": unit = LengthUnit.Kilometre; return true;
            default: unit = default; return false;
        }
    }
}
