using System.Globalization;
using SourceModel.Inversion.Slip;
using SourceModel.Sampling.Projection;

namespace SourceModel.Cli.Commands;

/// <summary>The step-2 summary.json (field names and units in docs/formats.md, "slip run folder").</summary>
internal static class SlipSummary
{
    public static object Of(string path, SlipConfig c, SlipOutcome o, GeoReference? reference, List<string> files, TimeSpan elapsed)
    {
        var s = o.Chosen;
        var peak = s.PeakPatch;
        var centroid = s.Centroid;
        var projection = reference is null ? null : new LocalProjection(reference);
        (double Lon, double Lat)? Geo(double e, double n) => projection?.Inverse(e, n);
        var slipping = s.Patches.Where(p => p.Magnitude > 0).ToList();
        // Moment-weighted mean rake, through the mean slip vector (rakes do not average linearly across ±180°).
        double ss = slipping.Sum(p => p.StrikeSlip * p.Geometry.Area), ds = slipping.Sum(p => p.DipSlip * p.Geometry.Area);
        return new
        {
            software = "sourcemodel",
            version = typeof(SlipSummary).Assembly.GetName().Version?.ToString(),
            config = Path.GetFullPath(path),
            created_utc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            elapsed_s = elapsed.TotalSeconds,
            reference = GeometrySummary.Reference(reference),
            medium = new { shear_modulus_pa = c.Medium.ShearModulus, poisson_ratio = c.Medium.PoissonRatio },
            fault = new
            {
                origin = c.FaultOrigin,
                patch_count = o.Fault.Patches.Count,
                area_m2 = o.Fault.Area,
                segments = o.Fault.Patches.GroupBy(p => p.Segment).Select(g =>
                {
                    var f = c.Segments[g.Key].Fault with { Dip = g.First().Geometry.Dip };
                    var seg = c.Segments[g.Key];
                    return new
                    {
                        east_m = f.East, north_m = f.North, top_depth_m = f.TopDepth, length_m = f.Length, width_m = f.Width, strike_deg = f.Strike,
                        dip_deg = f.Dip, patches_along_strike = seg.AlongStrike, patches_down_dip = seg.DownDip,
                        patch_length_m = f.Length / seg.AlongStrike, patch_width_m = f.Width / seg.DownDip,
                    };
                }),
            },
            slip_parameterisation = new
            {
                kind = c.Basis.IsWindow ? "rake_window" : "free_sign",
                rake_min_deg = c.Basis.FirstRake, rake_max_deg = c.Basis.SecondRake,
                max_slip_m = c.Basis.MaxSlip,
                smoothing = c.Target == RoughnessTarget.StressDrop ? "stress_drop" : "slip",
                boundary = c.Boundary switch { SmoothingBoundary.ZeroEdges => "zero_edges", SmoothingBoundary.Free => "free", _ => "free_surface" },
                solver = o.System.IsMatrixFree ? "gradient_projection_cg"
                    : c.Solver switch { SlipSolver.SteepestDescent => "steepest_descent", SlipSolver.Accelerated => "accelerated", _ => "active_set" },
                algebra = o.System.IsMatrixFree ? "matrix_free" : "dense",
                blind_patches = c.FixBlind ? "fix" : "smooth",
                blind_patch_indices = o.System.BlindPatches.Select(i => i + 1),
            },
            chosen_by = o.ChosenBy,
            smoothing_weight = s.Alpha,
            objective = s.Objective,
            misfit = s.Misfit,
            roughness = s.Roughness,
            converged = s.Converged,
            kkt_violation = s.KktViolation,
            solver_iterations = s.Iterations,
            data_count = o.System.Rows,
            unknowns = o.System.Columns,
            moment_nm = s.Moment,
            mw = s.MomentMagnitude,
            max_slip = new
            {
                slip_m = peak.Magnitude, rake_deg = peak.Rake, patch = peak.Index + 1,
                segment = o.Fault.Patches[peak.Index].Segment + 1, along_strike = o.Fault.Patches[peak.Index].AlongStrike + 1,
                down_dip = o.Fault.Patches[peak.Index].DownDip + 1,
                east_m = peak.Geometry.Centroid.East, north_m = peak.Geometry.Centroid.North, depth_m = peak.Geometry.Centroid.Depth,
                lon = Geo(peak.Geometry.Centroid.East, peak.Geometry.Centroid.North)?.Lon, lat = Geo(peak.Geometry.Centroid.East, peak.Geometry.Centroid.North)?.Lat,
            },
            mean_slip_m = slipping.Count == 0 ? 0 : slipping.Sum(p => p.Magnitude * p.Geometry.Area) / slipping.Sum(p => p.Geometry.Area),
            mean_rake_deg = slipping.Count == 0 ? (double?)null : Math.Atan2(ds, ss) * 180 / Math.PI,
            slipping_patches = slipping.Count,
            centroid = new
            {
                east_m = centroid.East, north_m = centroid.North, depth_m = centroid.Depth,
                lon = double.IsNaN(centroid.East) ? null : Geo(centroid.East, centroid.North)?.Lon,
                lat = double.IsNaN(centroid.East) ? null : Geo(centroid.East, centroid.North)?.Lat,
            },
            datasets = s.Datasets.Select((f, k) => new
            {
                name = f.Name, count = f.Count, weight = f.Weight,
                whitening = o.System.Data[k].Whitening.ToString().ToLowerInvariant(),
                nuisance_model = o.System.Data[k].Nuisance.ToString().ToLowerInvariant(),
                nuisance = f.NuisanceNames.Select((n, j) => (n, f.Nuisance[j])).ToDictionary(t => t.n, t => t.Item2),
                rms_m = f.Rms, whitened_rms = f.WhitenedRms, correlation = f.Correlation,
            }),
            l_curve = o.Curve is null ? null : new
            {
                choose = o.Curve.Choice.ToString().ToLowerInvariant(),
                chosen = o.Curve.ChosenIndex + 1,
                corner = o.Curve.Corner < 0 ? (int?)null : o.Curve.Corner + 1,
                abic_minimum = o.Curve.AbicMinimum + 1,
                gcv_minimum = o.Curve.GcvMinimum + 1,
                points = o.Curve.Solutions.Select((p, k) => new
                {
                    weight = p.Alpha, misfit = p.Misfit, roughness = p.Roughness, curvature = double.IsNaN(o.Curve.Curvature[k]) ? (double?)null : o.Curve.Curvature[k],
                    abic = o.Curve.Criteria?[k].Abic, gcv = o.Curve.Criteria?[k].Gcv, free_unknowns = o.Curve.Criteria?[k].FreeUnknowns,
                    mw = p.MomentMagnitude, converged = p.Converged,
                }),
            },
            dip_scan = o.Scan is null ? null : new
            {
                dips_deg = o.Scan.Dips, weights = o.Scan.Weights, best_dip_deg = o.Scan.Dips[o.Scan.Best.Dip], best_weight = o.Scan.Weights[o.Scan.Best.Weight],
            },
            files,
        };
    }
}
