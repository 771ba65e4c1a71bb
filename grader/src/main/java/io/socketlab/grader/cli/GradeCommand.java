package io.socketlab.grader.cli;

import io.socketlab.grader.coverage.CoverageRecorder;
import io.socketlab.grader.coverage.CoverageSummary;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.report.Reports;
import io.socketlab.grader.model.Exercises;
import io.socketlab.grader.session.GradingSession;
import io.socketlab.grader.session.SessionConfig;
import io.socketlab.grader.session.Suites;
import io.socketlab.grader.process.BuiltinTarget;
import io.socketlab.grader.process.DockerSandbox;
import io.socketlab.grader.process.Limits;
import io.socketlab.grader.process.NamespaceSandbox;
import io.socketlab.grader.process.PrivateNetwork;
import io.socketlab.grader.process.Sandbox;
import io.socketlab.grader.process.Target;
import io.socketlab.grader.process.Targets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code grade}: runs the selected exercises' suites against a target and writes every report. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grades an implementation: the reference, the student template, or a manifest.")
final class GradeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "TARGET",
            description = "reference, student, or the path of a manifest (.properties): <exercise>.<program> = command")
    String target;

    @Option(names = "--exercises", split = ",", paramLabel = "IDS",
            description = "Exercises to grade, comma-separated, or all (default: all, every exercise that has a suite).")
    List<String> exercises;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for results.json, junit.xml, summary.md and report.html (default: none, console only).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice (default: random, printed).")
    Long seed;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|es", converter = LangConverter.class,
            description = "Language of the feedback: en or es (default: ${DEFAULT-VALUE}).")
    Lang lang;

    @Option(names = "--show-hidden",
            description = "Instructor view: include the details of hidden tests in every report.")
    boolean showHidden;

    @Option(names = "--coverage",
            description = "Java targets: record which lines the suites ran; writes coverage/ (index.html, jacoco.xml).")
    boolean coverage;

    @Option(names = "--timeout-scale", defaultValue = "1.0", paramLabel = "X",
            description = "Multiplies every timeout, for slow machines (default: ${DEFAULT-VALUE}).")
    double timeoutScale;

    @Option(names = "--sandbox", defaultValue = "none", paramLabel = "none|ns|docker",
            description = "Where the programs run: none (plain processes), ns (Linux namespaces through bubblewrap:"
                    + " loopback-only network shared with the grader, own PID namespace, an allow-list view of the"
                    + " files, resource limits) or docker (a container each, same isolation; needs a running engine)"
                    + " (default: ${DEFAULT-VALUE}). See docs/sandbox.md.")
    String sandbox;

    @Option(names = "--sandbox-image", defaultValue = DockerSandbox.DEFAULT_IMAGE, paramLabel = "IMAGE",
            description = "With --sandbox docker: the image the programs run in, present locally (never pulled), with"
                    + " java, python3 and whatever else the manifests call (default: ${DEFAULT-VALUE}).")
    String sandboxImage;

    @Option(names = "--limit", paramLabel = "NAME=VALUE,...",
            description = "With --sandbox ns or docker: what each program may use, e.g. memory=1g,pids=128,cpu=60s"
                    + " (names: memory, pids, cpu, fsize, nofile, cpus; default: "
                    + "memory=512m,pids=256,cpu=120s,fsize=256m,nofile=1024,cpus=1).")
    String limit;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        boolean all = exercises == null || exercises.isEmpty() || exercises.equals(List.of("all"));
        List<String> selected = all ? Suites.available() : exercises;
        for (String exercise : selected) {
            if (!Exercises.ALL.contains(exercise)) {
                return usage("unknown exercise '" + exercise + "'; known: " + String.join(", ", Exercises.ALL));
            }
            if (!Suites.available().contains(exercise)) {
                return usage("exercise '" + exercise + "' has no conformance suite yet; graded today: "
                        + String.join(", ", Suites.available()));
            }
        }
        Target resolved;
        Timeouts timeouts;
        try {
            resolved = Targets.resolve(target);
            timeouts = new Timeouts(timeoutScale);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        Limits limits;
        try {
            limits = limit == null ? Limits.DEFAULT : Limits.DEFAULT.with(limit);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (!List.of("none", "ns", "docker").contains(sandbox)) {
            return usage("--sandbox must be none, ns or docker, got '" + sandbox + "'");
        }
        if (!sandbox.equals("none") && !PrivateNetwork.isLoopbackOnly()) {
            // The programs must share one private loopback with the grader: run again inside one.
            return relaunchInPrivateNetwork();
        }
        Sandbox programs;
        try {
            programs = sandbox(limits);
        } catch (IllegalStateException e) {
            return usage(e.getMessage());
        }
        programs.limitations().forEach(line ->
                spec.commandLine().getErr().println("socketlab-grader: --sandbox " + sandbox + ": " + line));
        long actualSeed = seed != null ? seed : new java.security.SecureRandom().nextLong() & Long.MAX_VALUE;
        Reports reports = Reports.standard(console, out, lang, showHidden);
        GradeReport report;
        try (programs) {
            if (coverage && resolved instanceof BuiltinTarget builtin) {
                try (CoverageRecorder recorder = CoverageRecorder.start()) {
                    report = new GradingSession(config(recorder.instrument(builtin), selected, actualSeed, timeouts)
                            .withSandbox(programs), reports).run();
                    CoverageSummary summary = recorder.report(builtin, selected,
                            out == null ? null : out.resolve("coverage"));
                    summary.consoleLines().forEach(console::println);
                }
            } else {
                report = new GradingSession(config(resolved, selected, actualSeed, timeouts).withSandbox(programs),
                        reports).run();
                if (coverage) {
                    console.println(lang == Lang.ES
                            ? "--coverage: la cobertura solo se mide en implementaciones Java (reference, student); "
                                    + target + " no lo es, así que no hay informe de cobertura."
                            : "--coverage: coverage is measured only for Java targets (reference, student); "
                                    + target + " is not one, so there is no coverage report.");
                }
            }
        }
        console.flush();
        if (report.hasHarnessErrors()) {
            return ExitCodes.HARNESS_ERROR;
        }
        return report.fullMarks() ? ExitCodes.FULL_MARKS : ExitCodes.POINTS_LOST;
    }

    /** The sandbox of {@code --sandbox}, in this JVM's private network. */
    private Sandbox sandbox(Limits limits) {
        List<java.nio.file.Path> hidden = new java.util.ArrayList<>(Sandbox.graderFiles());
        if (out != null) {
            hidden.add(out.toAbsolutePath().normalize());
        }
        return switch (sandbox) {
            case "ns" -> {
                var problem = NamespaceSandbox.unavailableBecause();
                if (problem.isPresent()) {
                    throw new IllegalStateException("--sandbox ns cannot isolate programs here: " + problem.get());
                }
                yield NamespaceSandbox.create(limits, hidden);
            }
            case "docker" -> {
                String network = PrivateNetwork.relaunchedAs().filter(v -> v.startsWith("container:"))
                        .orElseThrow(() -> new IllegalStateException("--sandbox docker runs its programs in the"
                                + " network of a holder container that `grade` starts itself; this network is not one"));
                yield new DockerSandbox(sandboxImage, limits, network, hidden);
            }
            default -> Sandbox.NONE;
        };
    }

    /**
     * Runs this same command again in a private network with loopback only, shared with every program: a new
     * namespace ({@code ns}) or a holder container's ({@code docker}). Checks first what would make that fail.
     */
    private int relaunchInPrivateNetwork() {
        if (PrivateNetwork.relaunchedAs().isPresent()) {
            return usage("--sandbox " + sandbox + ": the relaunched grader still sees network interfaces other than"
                    + " loopback, so its programs would not be isolated");
        }
        List<String> arguments = new java.util.ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (arguments.isEmpty() || !arguments.get(0).equals("grade")) {
            arguments.add(0, "grade");
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        java.io.PrintWriter console = spec.commandLine().getOut();
        if (sandbox.equals("ns")) {
            var problem = NamespaceSandbox.unavailableBecause();
            if (problem.isPresent()) {
                return usage("--sandbox ns cannot isolate programs here: " + problem.get());
            }
            return PrivateNetwork.relaunchIsolated(arguments, console, err);
        }
        var problem = DockerSandbox.unusableBecause(sandboxImage);
        if (problem.isPresent()) {
            return usage("--sandbox docker " + problem.get());
        }
        DockerSandbox.reapLeftovers();
        DockerSandbox.NetworkHolder holder;
        try {
            holder = DockerSandbox.startNetworkHolder(sandboxImage);
        } catch (IllegalStateException e) {
            return usage("--sandbox docker: " + e.getMessage());
        }
        try {
            return PrivateNetwork.relaunchInto(holder.pid(), holder.network(), arguments, console, err);
        } finally {
            DockerSandbox.remove(holder.name());
        }
    }

    private SessionConfig config(Target graded, List<String> selected, long actualSeed, Timeouts timeouts) {
        return new SessionConfig(graded, selected, actualSeed, lang, timeouts, Path.of(System.getProperty("java.io.tmpdir")));
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("socketlab-grader: " + message);
        spec.commandLine().getErr().flush();
        return ExitCodes.USAGE;
    }

    /** Accepts {@code en} and {@code es} in any case. */
    static final class LangConverter implements CommandLine.ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            try {
                return Lang.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected en or es, got '" + value + "'");
            }
        }
    }
}
