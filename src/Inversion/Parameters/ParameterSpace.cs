namespace SourceModel.Inversion.Parameters;

/// <summary>
/// The ordered parameters of a problem and the map between the optimisers' unit cube (one coordinate in [0, 1] per
/// free parameter) and the full physical vector. Optimisers work in the cube so that one step size suits depths in
/// metres and angles in degrees alike.
/// </summary>
public sealed class ParameterSpace
{
    private readonly ParameterSpec[] _specs;
    private readonly int[] _free;

    /// <summary>Validates every parameter, the uniqueness of names and that at least one parameter is free.</summary>
    public ParameterSpace(IEnumerable<ParameterSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        _specs = specs.Select(s => s.Validated()).ToArray();
        var dup = _specs.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"parameter '{dup.Key}' is given twice.");
        _free = Enumerable.Range(0, _specs.Length).Where(i => _specs[i].IsFree).ToArray();
        if (_free.Length == 0)
            throw new ArgumentException("no free parameter: every parameter is fixed, so there is nothing to search; give bounds [min, max] to at least one.");
    }

    /// <summary>All parameters in order.</summary>
    public IReadOnlyList<ParameterSpec> Specs => _specs;

    /// <summary>Number of parameters (free and fixed).</summary>
    public int Count => _specs.Length;

    /// <summary>Number of free parameters: the dimension of the search.</summary>
    public int FreeCount => _free.Length;

    /// <summary>Index into <see cref="Specs"/> of each free parameter.</summary>
    public IReadOnlyList<int> FreeIndices => _free;

    /// <summary>Index of a parameter by name, or −1.</summary>
    public int IndexOf(string name) => Array.FindIndex(_specs, s => s.Name == name);

    /// <summary>Full physical vector from unit-cube coordinates (clamped into the cube).</summary>
    public void ToFull(ReadOnlySpan<double> unit, Span<double> full)
    {
        for (int i = 0; i < _specs.Length; i++) full[i] = _specs[i].Fixed ?? _specs[i].Min;
        for (int k = 0; k < _free.Length; k++)
        {
            var s = _specs[_free[k]];
            full[_free[k]] = s.Min + Math.Clamp(unit[k], 0, 1) * s.Range;
        }
    }

    /// <summary>Full physical vector from unit-cube coordinates, as a new array.</summary>
    public double[] ToFull(ReadOnlySpan<double> unit)
    {
        var full = new double[_specs.Length];
        ToFull(unit, full);
        return full;
    }

    /// <summary>Unit-cube coordinates of a full vector (values outside the bounds map outside [0, 1]).</summary>
    public double[] ToUnit(ReadOnlySpan<double> full)
    {
        var u = new double[_free.Length];
        for (int k = 0; k < _free.Length; k++)
        {
            var s = _specs[_free[k]];
            u[k] = (full[_free[k]] - s.Min) / s.Range;
        }
        return u;
    }

    /// <summary>The same space with parameter <paramref name="name"/> held at <paramref name="value"/> (grid scans).</summary>
    public ParameterSpace WithFixed(string name, double value)
    {
        int i = IndexOf(name);
        if (i < 0) throw new ArgumentException($"unknown parameter '{name}'; known: {string.Join(", ", _specs.Select(s => s.Name))}.");
        var s = _specs[i];
        if (value < s.Min || value > s.Max)
            throw new ArgumentException($"parameter '{name}': {value} lies outside its bounds [{s.Min}, {s.Max}].");
        var copy = (ParameterSpec[])_specs.Clone();
        copy[i] = s with { Fixed = value };
        return new ParameterSpace(copy);
    }
}
