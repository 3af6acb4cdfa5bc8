using System.CommandLine;
using SourceModel.Cli.Commands;
using SourceModel.Cli.Infrastructure;
using SourceModel.Okada.Forward;
using SourceModel.Sampling.Import;

namespace SourceModel.Cli;

/// <summary>The `sourcemodel` command: argument parsing and the one place where errors become exit codes.</summary>
internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line; every user error becomes one line on <paramref name="err"/> and a non-zero code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter err)
    {
        var root = BuildCommands(stdout, args);
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var e in parse.Errors) err.WriteLine($"error: {e.Message}");
                err.WriteLine("Run 'sourcemodel --help' for usage.");
                return ExitCodes.Usage;
            }
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = err, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is UserError or DataFormatException or SourceModel.Coulomb.Inp.InpFormatException)
        {
            // Input errors from the CLI and from the libraries' readers already name file, line and what was expected.
            err.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (ArgumentException e)
        {
            err.WriteLine($"error: {UserError.Reason(e)}");
            return ExitCodes.BadInput;
        }
        catch (FolderInUseException e)
        {
            err.WriteLine($"error: {e.Message}");
            return ExitCodes.InUse;
        }
        catch (Exception e) when (DamagedState(e) is { } damaged)
        {
            // A state file (MCMC checkpoint) that fails its checks: the message names it and says what to do.
            err.WriteLine($"error: {damaged.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            err.WriteLine($"error: {e.Message}");
            return ExitCodes.Io;
        }
    }

    /// <summary>The <see cref="InvalidDataException"/> behind <paramref name="e"/> (chains run in parallel, so it may
    /// arrive wrapped in an <see cref="AggregateException"/>), or null.</summary>
    private static InvalidDataException? DamagedState(Exception e) => e switch
    {
        InvalidDataException d => d,
        AggregateException a => a.Flatten().InnerExceptions.OfType<InvalidDataException>().FirstOrDefault(),
        _ => null,
    };

    private static RootCommand BuildCommands(TextWriter stdout, string[] args)
    {
        var root = new RootCommand("SourceModel: geodetic earthquake source modelling (Okada dislocations, inversion, Coulomb stress).");
        root.Subcommands.Add(OkadaCommand(stdout));
        root.Subcommands.Add(ForwardCommand(stdout, args));
        root.Subcommands.Add(DataCommands.Build(stdout, args));
        root.Subcommands.Add(CoulombCommand(stdout));
        root.Subcommands.Add(GeometryCommand(stdout, args));
        root.Subcommands.Add(SlipCommand(stdout, args));
        root.Subcommands.Add(UncertaintyCommand(stdout, args));
        root.Subcommands.Add(MergeCommand(stdout, args));
        root.Subcommands.Add(SlurmCommand(stdout));
        root.Subcommands.Add(InterseismicCommand(stdout, args));
        root.Subcommands.Add(RunCommand(stdout, args));
        root.Subcommands.Add(ConfigCommand(stdout));
        return root;
    }

    private static Command OkadaCommand(TextWriter stdout)
    {
        var okada = new Command("okada", "Raw Okada (1992) kernel calls with Okada's own arguments, for cross-checking against other codes.");
        foreach (var (name, point) in new[] { ("dc3d", false), ("dc3d0", true) })
        {
            var input = new Option<string>("--in") { Description = "CSV with columns " + string.Join(", ", point ? RawOkadaCalls.Dc3d0Inputs : RawOkadaCalls.Dc3dInputs) + " (extra columns are carried through).", Required = true };
            var output = new Option<string>("--out") { Description = "CSV to write: the input columns plus UX UY UZ UXX UYX UZX UXY UYY UZY UXZ UYZ UZZ IRET.", Required = true };
            var cmd = new Command(name, point ? "DC3D0: point source (potencies POT1..POT4)." : "DC3D: finite rectangular source.") { input, output };
            cmd.SetAction(r =>
            {
                RawOkadaCalls.Run(r.GetValue(input)!, r.GetValue(output)!, point, stdout);
                return ExitCodes.Ok;
            });
            okada.Subcommands.Add(cmd);
        }
        return okada;
    }

    private static Command ForwardCommand(TextWriter stdout, string[] args)
    {
        var faults = new Option<string?>("--faults") { Description = "YAML or JSON file with the sources (docs/formats.md)." };
        var example = new Option<bool>("--example") { Description = "Use the built-in example thrust (and, unless --grid or --points is given, its 100 km grid and an ascending LOS)." };
        var grid = new Option<string?>("--grid") { Description = "Regular grid EMIN,EMAX,NMIN,NMAX,SPACING in metres." };
        var points = new Option<string?>("--points") { Description = "CSV of points: east, north (metres), optional los_east/los_north/los_up or incidence/heading, other columns carried through." };
        var los = new Option<string?>("--los") { Description = "LOS unit vector E,N,U from ground to satellite, for all points." };
        var incidence = new Option<double?>("--incidence") { Description = "Incidence angle at the ground, degrees from vertical (with --heading)." };
        var heading = new Option<double?>("--heading") { Description = "Flight direction, degrees clockwise from north, right-looking SAR (with --incidence)." };
        var output = new Option<string?>("--out") { Description = "CSV to write (metres): east_m, north_m, ue_m, un_m, uu_m[, los_m], status. Needed unless --html is given." };
        var html = new Option<string?>("--html") { Description = "Write a self-contained HTML report: east, north, up (with horizontal arrows) and LOS maps with the fault outlines." };
        var png = new Option<string?>("--png") { Description = "With --html: also a static PNG of the report through headless Chromium." };
        var cmd = new Command("forward", "Surface displacement (east, north, up, LOS) of rectangular faults and point sources.")
            { faults, example, grid, points, los, incidence, heading, output, html, png };
        cmd.SetAction(r =>
        {
            bool useExample = r.GetValue(example);
            string? faultFile = r.GetValue(faults);
            if (useExample == (faultFile is not null))
                throw new UserError("give exactly one of --faults FILE or --example.");
            var model = useExample ? ForwardCalculation.Example : ForwardModel.Load(faultFile!);
            string? gridSpec = r.GetValue(grid), pointFile = r.GetValue(points);
            if (gridSpec is not null && pointFile is not null) throw new UserError("give either --grid or --points, not both.");
            if (gridSpec is null && pointFile is null && !useExample) throw new UserError("give the observation points: --grid EMIN,EMAX,NMIN,NMAX,SPACING or --points FILE.csv.");
            var obs = pointFile is not null ? ObservationPoints.FromCsv(pointFile) : ObservationPoints.Grid(gridSpec ?? ForwardCalculation.ExampleGrid);
            var globalLos = GlobalLos(r.GetValue(los), r.GetValue(incidence), r.GetValue(heading));
            if (useExample && globalLos is null && pointFile is null) globalLos = LosVector.FromIncidenceAndHeading(39, -10);
            if (r.GetValue(png) is not null && r.GetValue(html) is null) throw new UserError("--png goes with --html.");
            if (r.GetValue(output) is null && r.GetValue(html) is null) throw new UserError("give --out FILE.csv, --html FILE.html, or both.");
            ForwardCalculation.Run(model, obs, globalLos, r.GetValue(output), stdout, r.GetValue(html), r.GetValue(png), args);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command CoulombCommand(TextWriter stdout)
    {
        var config = new Argument<string?>("CONFIG") { Description = "YAML run configuration (docs/formats.md).", Arity = ArgumentArity.ZeroOrOne };
        var inp = new Option<string?>("--inp") { Description = "Coulomb 3 input file: write its element output (with --out and --rake)." };
        var output = new Option<string?>("--out") { Description = "Element CSV to write (Coulomb 3.4's columns and units)." };
        var rake = new Option<double?>("--rake") { Description = "Specified rake, degrees (Coulomb 3.4's 'spec-rake'), for --inp." };
        var noReport = new Option<bool>("--no-report") { Description = "With CONFIG: skip report.html in the output folder." };
        var cmd = new Command("coulomb", "Coulomb failure stress change (ΔCFS) on receivers, grids, cross-sections; Coulomb 3 .inp files.") { config, inp, output, rake, noReport };
        cmd.SetAction(r =>
        {
            string? cfg = r.GetValue(config), inpFile = r.GetValue(inp);
            if ((cfg is null) == (inpFile is null)) throw new UserError("give either CONFIG.yaml or --inp FILE.inp --out ELEMENTS.csv --rake DEGREES.");
            if (inpFile is not null)
            {
                string outFile = r.GetValue(output) ?? throw new UserError("--inp needs --out ELEMENTS.csv.");
                double spec = r.GetValue(rake) ?? throw new UserError("--inp needs --rake DEGREES (the specified receiver rake, e.g. 135).");
                CoulombRun.Elements(inpFile, outFile, spec, stdout);
            }
            else
            {
                if (r.GetValue(output) is not null || r.GetValue(rake) is not null) throw new UserError("--out and --rake go with --inp; a CONFIG names its own outputs.");
                CoulombRun.Config(cfg!, stdout, report: !r.GetValue(noReport));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command GeometryCommand(TextWriter stdout, string[] args)
    {
        var config = new Argument<string>("CONFIG") { Description = "YAML configuration: datasets, sources with bounds, optimiser (docs/formats.md)." };
        var output = new Option<string?>("--out") { Description = "Run folder (default: the config's 'output', else CONFIG-geometry beside it)." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted search from the run folder's checkpoint.json." };
        var noReport = new Option<bool>("--no-report") { Description = "Skip report.html." };
        var seed = SeedOption("the search's seed (optimiser.seed)");
        var cmd = new Command("geometry", "Step 1: the uniform-slip fault geometry that best fits the data (multi-start swarms with every competing minimum polished, PSO, multi-peak PSO, simulated annealing).")
            { config, output, resume, noReport, seed };
        cmd.SetAction(r =>
        {
            GeometryRun.Run(r.GetValue(config)!, r.GetValue(output), r.GetValue(resume), !r.GetValue(noReport), stdout, args, r.GetValue(seed));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command SlipCommand(TextWriter stdout, string[] args)
    {
        var resolution = new Option<bool>("--resolution") { Description = "Also write resolution.csv: model resolution per patch, a checkerboard and a spike test (and data resolution when there are fewer data than unknowns)." };
        var checker = new Option<int>("--checker") { Description = "Checker size of the checkerboard test, patches (default 3).", DefaultValueFactory = _ => 3 };
        var threshold = new Option<double>("--resolution-threshold") { Description = "Patch resolution below which a patch is marked poorly resolved (default 0.1).", DefaultValueFactory = _ => 0.1 };
        return RunFolderCommand("slip", "Step 2: distributed slip on the discretised fault (rake window, bounds, smoothing, L-curve or dip-smoothing scan).",
            "YAML configuration: datasets, fault (step-1 run, segment file or segments), slip and smoothing (docs/formats.md).", "slip", [resolution, checker, threshold],
            (config, output, html, r) =>
            {
                ResolutionRequest? request = null;
                if (r.GetValue(resolution))
                {
                    int size = r.GetValue(checker);
                    double limit = r.GetValue(threshold);
                    if (size < 1) throw new UserError($"--checker {size}: expected a checker size of at least 1 patch.");
                    if (!(limit >= 0 && limit <= 1)) throw new UserError($"--resolution-threshold {limit}: expected a number in [0, 1].");
                    request = new ResolutionRequest(size, limit);
                }
                else if (r.GetResult(checker) is { Implicit: false } || r.GetResult(threshold) is { Implicit: false })
                    throw new UserError("--checker and --resolution-threshold go with --resolution.");
                SlipRun.Run(config, output, html, stdout, args, request);
            });
    }

    /// <summary>A command that reads CONFIG and writes a run folder (--out, --no-report).</summary>
    private static Command RunFolderCommand(string name, string description, string configHelp, string folderSuffix, Action<string, string?, bool> run) =>
        RunFolderCommand(name, description, configHelp, folderSuffix, [], (config, output, html, _) => run(config, output, html));

    /// <summary>As above with further options of the command's own, read by <paramref name="run"/> from the parse result.</summary>
    private static Command RunFolderCommand(string name, string description, string configHelp, string folderSuffix, Option[] extra,
        Action<string, string?, bool, ParseResult> run)
    {
        var config = new Argument<string>("CONFIG") { Description = configHelp };
        var output = new Option<string?>("--out") { Description = $"Run folder (default: the config's 'output', else CONFIG-{folderSuffix} beside it)." };
        var noReport = new Option<bool>("--no-report") { Description = "Skip report.html." };
        var cmd = new Command(name, description) { config, output, noReport };
        foreach (var option in extra) cmd.Options.Add(option);
        cmd.SetAction(r =>
        {
            run(r.GetValue(config)!, r.GetValue(output), !r.GetValue(noReport), r);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>--seed N: replaces the configuration's run seed(s), so a study can be repeated with other random numbers.</summary>
    private static Option<long?> SeedOption(string what) => new("--seed") { Description = $"Run seed, replacing {what}." };

    private static Option<string> MethodOption() => new("--method")
    {
        Description = "montecarlo (re-invert perturbed data) or mcmc (sample the posterior).", Required = true,
    };

    private static UncertaintyMethod ParseMethod(string text) => text switch
    {
        "montecarlo" => UncertaintyMethod.MonteCarlo,
        "mcmc" => UncertaintyMethod.Mcmc,
        _ => throw new UserError($"--method '{text}': expected montecarlo or mcmc."),
    };

    private static Command UncertaintyCommand(TextWriter stdout, string[] args)
    {
        var config = new Argument<string>("CONFIG") { Description = "A geometry configuration with an optional 'uncertainty' section (docs/formats.md)." };
        var method = MethodOption();
        var output = new Option<string?>("--out") { Description = "Run folder (default: uncertainty.output, else CONFIG-uncertainty beside it)." };
        var resume = new Option<bool>("--resume") { Description = "Continue from the run folder's state (finished realisations, chain checkpoints)." };
        var shard = new Option<string?>("--shard") { Description = "Run only slice i of N (i/N, 0 <= i < N) and leave the results to 'sourcemodel merge'." };
        var noReport = new Option<bool>("--no-report") { Description = "Skip report.html." };
        var seed = SeedOption("uncertainty.seed and optimiser.seed");
        var cmd = new Command("uncertainty", "Uncertainty of the step-1 geometry: Monte Carlo re-inversion of perturbed data, or MCMC (DRAM) posterior sampling.")
            { config, method, output, resume, shard, noReport, seed };
        cmd.SetAction(r =>
        {
            var m = ParseMethod(r.GetValue(method)!);
            var s = r.GetValue(shard) is { } text ? Shard.Parse(text) : null;
            UncertaintyRun.Run(r.GetValue(config)!, m, r.GetValue(output), r.GetValue(resume), s, !r.GetValue(noReport), stdout, args, seed: r.GetValue(seed));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command MergeCommand(TextWriter stdout, string[] args)
    {
        var folder = new Argument<string>("RUN") { Description = "The run folder the shards wrote to." };
        var noReport = new Option<bool>("--no-report") { Description = "Skip report.html." };
        var cmd = new Command("merge", "Combine the shards of an uncertainty run into its results (the same as one process would write).") { folder, noReport };
        cmd.SetAction(r =>
        {
            UncertaintyRun.Merge(r.GetValue(folder)!, !r.GetValue(noReport), stdout, args);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command SlurmCommand(TextWriter stdout)
    {
        var config = new Argument<string>("CONFIG") { Description = "The uncertainty run's configuration." };
        var method = MethodOption();
        var shards = new Option<int>("--shards") { Description = "Number of array tasks (each runs a slice of the realisations or chains).", Required = true };
        var output = new Option<string?>("--out") { Description = "Run folder (default: uncertainty.output)." };
        var cpus = new Option<int>("--cpus-per-task") { Description = "Cores per task.", DefaultValueFactory = _ => 2 };
        var time = new Option<string?>("--time") { Description = "Wall-time limit per task (e.g. 02:00:00)." };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition." };
        var memory = new Option<string?>("--mem-per-cpu") { Description = "Memory per core (e.g. 2G)." };
        var command = new Option<string?>("--command") { Description = "How the batch scripts start sourcemodel (default: this program)." };
        var noReport = new Option<bool>("--no-report") { Description = "The merge job skips report.html." };
        var cmd = new Command("slurm", "Write Slurm batch scripts for an uncertainty run: a job array of shards and a dependent merge.")
            { config, method, shards, output, cpus, time, partition, memory, command, noReport };
        cmd.SetAction(r =>
        {
            SlurmScript.Write(r.GetValue(config)!, ParseMethod(r.GetValue(method)!), r.GetValue(shards), r.GetValue(output),
                new SlurmResources(r.GetValue(cpus), r.GetValue(time), r.GetValue(partition), r.GetValue(memory), !r.GetValue(noReport)), r.GetValue(command), stdout);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command InterseismicCommand(TextWriter stdout, string[] args) => RunFolderCommand("interseismic",
        "Interseismic velocity profiles across strike-slip faults: screw-dislocation fits by grid search and MCMC, GNSS reference-frame tie.",
        "YAML configuration: the LOS velocity map, the fault trace, profiles, faults and bounds (docs/formats.md).", "interseismic",
        (config, output, html) => InterseismicRun.Run(config, output, html, stdout, args));

    private static Command RunCommand(TextWriter stdout, string[] args)
    {
        var config = new Argument<string?>("CONFIG") { Description = "Pipeline configuration (docs/formats.md, \"pipeline configuration\"; 'sourcemodel config example' prints one).", Arity = ArgumentArity.ZeroOrOne };
        var example = new Option<string?>("--example") { Description = "Run a built-in scenario instead: jiashi (the 2020 Mw 6.0 Jiashi thrust, synthetic Sentinel-1 data)." };
        var output = new Option<string?>("--out") { Description = "Run folder (default: the config's 'output'); with --example, the folder for the scenario's data, config and run (default: jiashi-example)." };
        var force = new Option<bool>("--force") { Description = "Run every step again, even those whose inputs have not changed." };
        var from = new Option<string?>("--from") { Description = "Run again from this step on: data, geometry, uncertainty, slip or coulomb." };
        var noReport = new Option<bool>("--no-report") { Description = "Skip the HTML reports." };
        var seed = SeedOption("geometry.optimiser.seed and uncertainty.seed (steps whose seed changes run again)");
        var cmd = new Command("run", "The whole study from one configuration: data, step 1 geometry, uncertainty, step 2 slip, Coulomb stress, one report. Unchanged steps are skipped.")
            { config, example, output, force, from, noReport, seed };
        cmd.SetAction(r =>
        {
            string? cfg = r.GetValue(config), name = r.GetValue(example);
            if ((cfg is null) == (name is null)) throw new UserError("give a CONFIG.yaml or --example jiashi.");
            var start = r.GetValue(from) is { } f ? PipelineRun.ParseStep(f) : (PipelineStep?)null;
            string? outFolder = r.GetValue(output);
            if (name is not null)
            {
                cfg = JiashiExample.Prepare(name, outFolder ?? $"{name}-example", stdout);
                outFolder = null;
            }
            PipelineRun.Run(cfg!, outFolder, r.GetValue(force), start, !r.GetValue(noReport), stdout, args, r.GetValue(seed));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command ConfigCommand(TextWriter stdout)
    {
        var file = new Argument<string>("CONFIG") { Description = "Pipeline configuration to check." };
        var check = new Command("check", "Check a pipeline configuration without running it: keys, types, files, conventions, the data themselves.") { file };
        check.SetAction(r =>
        {
            var (c, data, estimate) = PipelineRun.Check(r.GetValue(file)!);
            stdout.WriteLine($"{c.Path}: ok — steps {string.Join(" → ", c.Steps.Select(PipelineRun.Name))}; " +
                             $"{data.Count} dataset(s) with {data.Sum(d => d.Count)} observations; run folder {c.Output}");
            if (estimate.Length > 0) stdout.WriteLine(estimate);
            return ExitCodes.Ok;
        });
        var example = new Command("example", "Print a commented pipeline configuration (the built-in Jiashi scenario's) to start from.");
        example.SetAction(_ =>
        {
            stdout.Write(JiashiExample.Config);
            stdout.WriteLine();
            return ExitCodes.Ok;
        });
        return new Command("config", "Pipeline configurations: check one, or print a commented example.") { check, example };
    }

    private static LosVector? GlobalLos(string? vector, double? incidence, double? heading)
    {
        if (vector is not null && (incidence is not null || heading is not null))
            throw new UserError("give the LOS either as --los E,N,U or as --incidence and --heading, not both.");
        if ((incidence is null) != (heading is null))
            throw new UserError("--incidence and --heading go together.");
        if (incidence is not null) return LosVector.FromIncidenceAndHeading(incidence.Value, heading!.Value);
        if (vector is null) return null;
        var v = NumberFormat.TryParseList(vector, 3)
            ?? throw new UserError($"--los '{vector}': expected three numbers E,N,U.");
        return new LosVector(v[0], v[1], v[2]).Validated();
    }
}
