using System.Globalization;
using System.Text;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Scenarios;
using SourceModel.Sampling.Grids;

namespace SourceModel.Cli.Commands;

/// <summary>
/// The built-in scenario of `sourcemodel run --example jiashi`: a folder with the synthetic full-resolution
/// interferograms of the 2020 Jiashi thrust (<see cref="JiashiInterferograms"/>: ascending track 129 and descending
/// track 34, 5 mm correlated atmosphere, patchy coherence) as x y z grids, and the pipeline configuration that runs
/// the whole chain on them (<see cref="Config"/>, also what `sourcemodel config example` prints). Files already in the
/// folder are kept, so the configuration can be edited and run again.
/// </summary>
internal static class JiashiExample
{
    /// <summary>The example's names.</summary>
    public static readonly string[] Names = ["jiashi"];

    /// <summary>Writes whatever of the example is missing into <paramref name="folder"/> and returns its config path.</summary>
    public static string Prepare(string name, string folder, TextWriter log)
    {
        if (!Names.Contains(name)) throw new UserError($"--example '{name}': the built-in examples are: {string.Join(", ", Names)}.");
        folder = Path.GetFullPath(folder);
        string data = Path.Combine(folder, "data");
        string config = Path.Combine(folder, "jiashi.yaml");
        Directory.CreateDirectory(data);
        var tracks = JiashiInterferograms.Build();
        string[] files = tracks.SelectMany(t => new[] { LosFile(t.Name), CoherenceFile(t.Name) }).ToArray();
        if (files.Any(f => !File.Exists(Path.Combine(data, f))))
        {
            log.WriteLine($"synthesising the 2020 Jiashi interferograms (tracks 129 and 34, {tracks[0].Los.Nx} × {tracks[0].Los.Ny} pixels each) in {data}");
            foreach (var t in tracks)
            {
                AtomicFile.Write(Path.Combine(data, LosFile(t.Name)), w => WriteXyz(w, t.Los, $"LOS displacement (m, positive toward the satellite), Sentinel-1 track {t.Track}, incidence {t.Incidence}°, heading {t.Heading}°"));
                AtomicFile.Write(Path.Combine(data, CoherenceFile(t.Name)), w => WriteXyz(w, t.Coherence, $"coherence, Sentinel-1 track {t.Track}"));
            }
        }
        if (!File.Exists(config)) AtomicFile.Write(config, w => w.Write(Config));
        return config;
    }

    private static string LosFile(string name) => $"{name}_los.xyz";

    private static string CoherenceFile(string name) => $"{name}_coherence.xyz";

    private static void WriteXyz(TextWriter w, RasterGrid g, string what)
    {
        w.WriteLine($"# synthetic 2020 Jiashi scenario (sourcemodel): longitude, latitude (degrees), {what}");
        var sb = new StringBuilder();
        for (int j = 0; j < g.Ny; j++)
        {
            sb.Clear();
            for (int i = 0; i < g.Nx; i++)
                sb.Append(CultureInfo.InvariantCulture, $"{g.X0 + i * g.Dx:0.######} {g.Y0 + j * g.Dy:0.######} {g.Values[j * g.Nx + i]:R}\n");
            w.Write(sb);
        }
    }

    /// <summary>The scenario's pipeline configuration, commented as a template for real studies.</summary>
    public const string Config = """
        # SourceModel pipeline configuration: the built-in 2020 Mw 6.0 Jiashi (Xinjiang) thrust scenario.
        # `sourcemodel run --example jiashi` writes this file and the synthetic data beside it, then runs it; edit and run
        # it again with `sourcemodel run jiashi.yaml` (only the steps whose settings changed, and those after them, re-run).
        # Every optional key shows its default; `sourcemodel config check FILE` checks a file without running it.
        # Units: metres, degrees, Pa. Paths are relative to this file.

        output: run                           # the run folder (default: CONFIG-run beside the config)

        # ---- data: the same keys as `sourcemodel data inspect` (docs/formats.md, "dataset declarations") -------------
        reference: {lon: 77.3, lat: 39.9}     # origin of the local east/north frame (transverse Mercator)
        grids:                                # full-resolution LOS grids, quadtree-downsampled on import
          - name: asc_t129
            file: data/asc_t129_los.xyz       # x y z text or GMT netCDF
            coordinates: {system: lonlat}
            units: m
            sign: toward_satellite            # positive LOS = motion toward the satellite (declare it: files differ)
            angles: incidence-heading         # constant look geometry: incidence from vertical, heading clockwise from north
            constant_angles: [39.0, -12.5]
            coherence: data/asc_t129_coherence.xyz
            coherence_min: 0.3                # pixels below are masked before the quadtree
            quadtree: {threshold: 0.004, min_size: 4, max_size: 64}   # threshold: RMS within a leaf, in 'units'
            noise: {model: exponential, sigma_m: 0.005, range_m: 5000}   # data covariance C(h) = σ² exp(−h/range)
          - name: dsc_t034
            file: data/dsc_t034_los.xyz
            coordinates: {system: lonlat}
            units: m
            sign: toward_satellite
            angles: incidence-heading
            constant_angles: [34.0, -167.5]
            coherence: data/dsc_t034_coherence.xyz
            coherence_min: 0.3
            quadtree: {threshold: 0.004, min_size: 4, max_size: 64}
            noise: {model: exponential, sigma_m: 0.005, range_m: 5000}
        fit:                                  # per dataset: nuisance none|offset|linear|quadratic, whitening auto|covariance|sigma|none
          asc_t129: {nuisance: offset, whitening: covariance}
          dsc_t034: {nuisance: offset, whitening: covariance}
        medium: {shear_modulus: 30e9, poisson_ratio: 0.25}

        # ---- step 1: uniform-slip rectangle (docs/formats.md, "geometry configuration") --------------------------------
        geometry:
          sources:
            - name: fault
              type: rectangle
              slip: rake                      # rake + slip, or components (strike_slip, dip_slip)
              depth_reference: top            # east/north/depth locate the top-edge centre
              parameters:                     # [min, max] is searched; a single number is held fixed
                east: [-15000, 15000]
                north: [-15000, 15000]
                depth: [500, 12000]
                length: [5000, 50000]
                width: [2000, 20000]
                strike: [240, 310]
                dip: [2, 40]
                rake: [45, 150]
                slip: [0.05, 3]
          optimiser: {method: pso, seed: 1, iterations: 300, swarm_size: 40, polish: true}

        # ---- uncertainty of step 1 (docs/formats.md, "uncertainty configuration") --------------------------------------
        uncertainty:
          method: montecarlo                  # montecarlo (re-invert perturbed data) or mcmc
          seed: 1
          montecarlo:
            realisations: 100                 # each adds noise drawn from the data covariance and searches again
            optimiser: {method: pso, seed: 1, iterations: 120, swarm_size: 24, polish: true, polish_evaluations: 2000}

        # ---- step 2: distributed slip (docs/formats.md, "slip configuration") ------------------------------------------
        slip:
          fault:                              # step 1's rectangle, resized about its centre and cut into patches
            size_m: [50000, 20000]            # or extend: {along_strike_m, up_dip_m, down_dip_m}
            patch_size_m: 2000                # 25 × 10 patches
          rake: [45, 135]                     # rake window: slip is a non-negative mix of the two rakes
          max_slip_m: 5
          l_curve: {count: 15}                # the series of smoothing weights
          choose: abic                        # the weight at ABIC's minimum | corner (max curvature) | gcv

        # ---- Coulomb stress change from the slip model (docs/formats.md, "coulomb configuration") ----------------------
        coulomb:
          friction: 0.4                       # effective friction μ'
          receiver: {strike: 274.8, dip: 8.8, rake: 105.6}   # receivers parallel to the source
          grids:                              # a map at 10 km depth, km in the local frame
            - {east_km: [-40, 40], north_km: [-30, 30], spacing_km: 1, depths_km: [10]}
          cross_sections:                     # across strike through the fault's centre, km in the local frame
            - {start_km: [-1.7, -20], end_km: [1.7, 20], depth_km: [0, 20], spacing_km: 0.5, depth_spacing_km: 0.5}
          fault_plane: true                   # also ΔCFS on every patch of the step-2 fault

        # ---- published values the report compares with ------------------------------------------------------------------
        published:
          label: 2020 Jiashi InSAR model (strike 274.8°, dip 8.8°, rake 105.6°, 22.7 × 4.7 km, 0.37 m, top 4.58 km)
          parameters:
            fault.east: 0
            fault.north: 0
            fault.depth: 4580
            fault.length: 22700
            fault.width: 4700
            fault.strike: 274.8
            fault.dip: 8.8
            fault.rake: 105.6
            fault.slip: 0.37
        """;
}
