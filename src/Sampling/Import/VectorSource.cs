using SourceModel.Sampling.Conventions;

namespace SourceModel.Sampling.Import;

/// <summary>Where each row's unit vector comes from (vector columns, angle columns, or one declared vector or angle
/// pair) and the checks on it: declared direction applied, norm near 1 then renormalised, incidence within 0-90,
/// LOS vectors pointing up, and vector and angle columns agreeing when a file has both.</summary>
internal static class VectorSource
{
    public static Func<int, (double E, double N, double U)> Resolve(DatasetDeclaration d, RawTable t, bool los, List<string> notes)
    {
        var ve = t.Get(ColumnRole.VectorEast);
        var vn = t.Get(ColumnRole.VectorNorth);
        var vu = t.Get(ColumnRole.VectorUp);
        var aa = t.Get(ColumnRole.AngleA);
        var ab = t.Get(ColumnRole.AngleB);
        if (FormatLayouts.AnglesInRadians(d.Format) && aa is not null && ab is not null)
        {
            aa = aa.Select(v => v * 180 / Math.PI).ToArray();
            ab = ab.Select(v => v * 180 / Math.PI).ToArray();
            notes.Add("look angles in radians (converted)");
        }
        bool hasVectors = ve is not null || vn is not null || vu is not null;
        bool hasAngles = aa is not null || ab is not null;
        if (hasVectors && (ve is null || vn is null || vu is null))
            throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': map all three of vector_e, vector_n, vector_u.");
        if (hasAngles && (aa is null || ab is null))
            throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': map both angle_a and angle_b.");
        if ((hasVectors || hasAngles) && (d.ConstantVector is not null || d.ConstantAngles is not null))
            throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': the file has its own look geometry; do not also declare a constant vector or angles.");
        if (d.ConstantVector is not null && d.ConstantAngles is not null)
            throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': declare either a constant vector or constant angles, not both.");

        var angleConvention = FormatLayouts.FixedAngles(d.Format) ?? d.Angles;
        if (FormatLayouts.FixedAngles(d.Format) is { } fixedA && d.Angles is { } declaredA && declaredA != fixedA)
            throw new DataFormatException(t.File, 0, 0, $"declared angles '{declaredA.Name()}' contradict the {d.Format.Name()} format ({fixedA.Name()}).");
        double flip = 1;
        if ((hasVectors || d.ConstantVector is not null) && !los && d.Vector is null)
        {
            // A GNSS component or azimuth offset: the vector is the direction in which the observation is positive.
            notes.Add("observation direction as given");
        }
        else if (hasVectors || d.ConstantVector is not null)
        {
            var dir = d.Vector ?? throw new DataFormatException(t.File, 0, hasVectors ? t.FieldOf[ColumnRole.VectorEast] : 0,
                $"dataset '{d.Name}': declare 'vector' (ground_to_satellite or satellite_to_ground) for the unit vectors.");
            flip = dir == VectorDirection.SatelliteToGround ? -1 : 1;
            notes.Add(dir == VectorDirection.SatelliteToGround ? "file vectors satellite-to-ground (negated)" : "file vectors ground-to-satellite");
        }
        if ((hasAngles || d.ConstantAngles is not null) && angleConvention is null)
            throw new DataFormatException(t.File, 0, hasAngles ? t.FieldOf[ColumnRole.AngleA] : 0,
                $"dataset '{d.Name}': declare 'angles' (incidence-heading, kite-theta-phi, isce or sdm) for the look angles.");
        if (hasAngles || d.ConstantAngles is not null) notes.Add($"look angles: {angleConvention!.Value.Name()}");
        if (!hasVectors && !hasAngles && d.ConstantVector is null && d.ConstantAngles is null)
            throw new DataFormatException(t.File, 0, 0,
                $"dataset '{d.Name}': the file has no unit vectors or look angles; declare a constant 'vector' or 'angles' for it.");

        (double, double, double) FromAngles(int row, double a, double b)
        {
            if (a < 0 || a > 90)
            {
                string what = $"{LookAngles.FirstAngleName(angleConvention!.Value)} {a:G6} degrees is outside 0-90.";
                if (row >= 0) throw t.Error(row, ColumnRole.AngleA, what);
                throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': constant angles: {what}");
            }
            return LookAngles.ToUnitVector(angleConvention!.Value, a, b);
        }

        (double E, double N, double U) Checked(int row, double e, double n, double u, bool fromFile)
        {
            double norm = Math.Sqrt(e * e + n * n + u * u);
            if (Math.Abs(norm - 1) > LosRows.NormTolerance)
            {
                string what = $"unit vector ({e:G6}, {n:G6}, {u:G6}) has norm {norm:G6}; expected 1 within {LosRows.NormTolerance}.";
                if (row >= 0 && fromFile) throw t.Error(row, ColumnRole.VectorEast, what);
                throw new DataFormatException(t.File, row >= 0 ? t.Lines[row] : 0, 0, $"dataset '{d.Name}': {what}");
            }
            e /= norm; n /= norm; u /= norm;
            if (los && u <= 0)
            {
                string what = $"after the declared vector direction the LOS vector points down (up = {u:G4}); the file's vectors point the other way: check 'vector' (ground_to_satellite / satellite_to_ground).";
                if (row >= 0 && fromFile) throw t.Error(row, ColumnRole.VectorUp, what);
                throw new DataFormatException(t.File, 0, 0, $"dataset '{d.Name}': {what}");
            }
            return (e, n, u);
        }

        if (hasVectors)
        {
            return row =>
            {
                var v = Checked(row, ve![row] * flip, vn![row] * flip, vu![row] * flip, true);
                if (hasAngles)
                {
                    var (ae, an, au) = FromAngles(row, aa![row], ab![row]);
                    double dev = Math.Sqrt((ae - v.E) * (ae - v.E) + (an - v.N) * (an - v.N) + (au - v.U) * (au - v.U));
                    if (dev > 0.01)
                        throw t.Error(row, ColumnRole.AngleA,
                            $"the look angles give the vector ({ae:F4}, {an:F4}, {au:F4}) under '{angleConvention!.Value.Name()}', but the vector columns (after the declared direction) give ({v.E:F4}, {v.N:F4}, {v.U:F4}).");
                }
                return v;
            };
        }
        if (hasAngles)
            return row => { var (e, n, u) = FromAngles(row, aa![row], ab![row]); return Checked(row, e, n, u, true); };
        if (d.ConstantVector is { } cv)
        {
            var v = Checked(-1, cv.East * flip, cv.North * flip, cv.Up * flip, false);
            notes.Add($"constant vector ({v.E:F4}, {v.N:F4}, {v.U:F4})");
            return _ => v;
        }
        var ca = d.ConstantAngles!.Value;
        var (ce, cn, cu) = FromAngles(-1, ca.A, ca.B);
        var cvec = Checked(-1, ce, cn, cu, false);
        notes.Add($"constant angles ({ca.A}, {ca.B}) → vector ({cvec.E:F4}, {cvec.N:F4}, {cvec.U:F4})");
        return _ => cvec;
    }
}
