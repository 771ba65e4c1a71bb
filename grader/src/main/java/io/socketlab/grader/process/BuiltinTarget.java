package io.socketlab.grader.process;

import io.socketlab.grader.model.Program;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One of this repository's modules ({@code reference} or {@code student-template}), each program launched in its
 * own JVM with the module's classpath and the main class its {@code META-INF/socketlab/programs.properties} names.
 */
public final class BuiltinTarget implements Target {

    static final String PROGRAMS = "META-INF/socketlab/programs.properties";

    /** JVM flags that favour a fast start on a small machine over peak throughput. */
    private static final List<String> JVM_FLAGS = List.of(
            "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8");

    private final String name;
    private final String classpath;
    /** The module's jar and libraries with their class-data archive, when the build made one; else null. */
    private final Archived archived;
    private final Properties mainClasses;
    private final List<String> extraJvmFlags;
    private final Path moduleDir;
    private final Consumer<RunningProgram> beforeStop;

    /** A classpath whose classes a class-data archive holds (see {@link ClassDataArchive}). */
    private record Archived(String classpath, Path archive) {
    }

    public BuiltinTarget(String name, String classpath, Properties mainClasses, List<String> extraJvmFlags) {
        this(name, classpath, null, mainClasses, extraJvmFlags, null, null);
    }

    private BuiltinTarget(String name, String classpath, Archived archived, Properties mainClasses,
                          List<String> extraJvmFlags, Path moduleDir, Consumer<RunningProgram> beforeStop) {
        this.name = name;
        this.classpath = classpath;
        this.archived = archived;
        this.mainClasses = mainClasses;
        this.extraJvmFlags = List.copyOf(extraJvmFlags);
        this.moduleDir = moduleDir;
        this.beforeStop = beforeStop;
    }

    /**
     * The module at {@code moduleDir}, as Maven built it: {@code target/classes} plus the runtime classpath the
     * module's build wrote to {@code target/runtime-classpath.txt}.
     */
    public static BuiltinTarget ofModule(String name, Path moduleDir) {
        Path classes = moduleDir.resolve("target/classes");
        Path programs = classes.resolve(PROGRAMS);
        if (!Files.isRegularFile(programs)) {
            throw new IllegalArgumentException("the " + name + " module is not built (" + programs
                    + " is missing): run `mvn -B package -DskipTests` first");
        }
        try {
            List<String> libraries = libraries(moduleDir);
            List<String> classpath = new ArrayList<>(List.of(classes.toString()));
            classpath.addAll(libraries);
            return new BuiltinTarget(name, String.join(File.pathSeparator, classpath), archived(moduleDir, libraries),
                    readProgramList(programs), List.of(), moduleDir, null);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the " + name + " module's build output: " + e.getMessage(), e);
        }
    }

    /** The module's runtime libraries, as its build wrote them to {@code target/runtime-classpath.txt}. */
    static List<String> libraries(Path moduleDir) throws IOException {
        Path dependencies = moduleDir.resolve("target/runtime-classpath.txt");
        if (!Files.isRegularFile(dependencies)) {
            return List.of();
        }
        String line = Files.readString(dependencies, StandardCharsets.UTF_8).strip();
        return line.isEmpty() ? List.of() : List.of(line.split(File.pathSeparator));
    }

    /** The jar-based classpath and its archive, when both exist and the jar holds the classes last compiled. */
    private static Archived archived(Path moduleDir, List<String> libraries) throws IOException {
        Optional<Path> jar = ClassDataArchive.moduleJar(moduleDir);
        Optional<Path> archive = ClassDataArchive.forModule(moduleDir);
        if (jar.isEmpty() || archive.isEmpty() || compiledAfter(moduleDir.resolve("target/classes"), jar.get())) {
            return null;
        }
        List<String> classpath = new ArrayList<>(List.of(jar.get().toString()));
        classpath.addAll(libraries);
        return new Archived(String.join(File.pathSeparator, classpath), archive.get());
    }

    /** Whether a class file was compiled after {@code jar} was packaged (the jar is then stale). */
    private static boolean compiledAfter(Path classes, Path jar) throws IOException {
        long packaged = Files.getLastModifiedTime(jar).toMillis();
        try (Stream<Path> files = Files.walk(classes)) {
            return files.anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).toMillis() > packaged;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    private static Properties readProgramList(Path programs) throws IOException {
        Properties mainClasses = new Properties();
        try (Reader reader = Files.newBufferedReader(programs, StandardCharsets.UTF_8)) {
            mainClasses.load(reader);
        }
        return mainClasses;
    }

    /** The same target with more JVM flags for every program (a coverage agent, say). */
    public BuiltinTarget withJvmFlags(List<String> flags) {
        List<String> all = new ArrayList<>(extraJvmFlags);
        all.addAll(flags);
        return new BuiltinTarget(name, classpath, archived, mainClasses, all, moduleDir, beforeStop);
    }

    /** The same target with {@code action} run, given the program, just before the grader stops a live program. */
    public BuiltinTarget withBeforeStop(Consumer<RunningProgram> action) {
        return new BuiltinTarget(name, classpath, archived, mainClasses, extraJvmFlags, moduleDir, action);
    }

    /** The module folder this target was built from; empty for a target assembled by hand. */
    public Optional<Path> moduleDir() {
        return Optional.ofNullable(moduleDir);
    }

    /** The module's compiled main classes ({@code target/classes}). */
    public Optional<Path> classesDir() {
        return moduleDir().map(dir -> dir.resolve("target/classes"));
    }

    /** The module's main sources ({@code src/main/java}). */
    public Optional<Path> sourcesDir() {
        return moduleDir().map(dir -> dir.resolve("src/main/java"));
    }

    /** The root package of the module's programs: {@code io.socketlab.reference} or {@code io.socketlab.student}. */
    public Optional<String> rootPackage() {
        return mainClasses.values().stream().map(Object::toString).map(String::strip)
                .filter(main -> main.startsWith("io.socketlab."))
                .map(main -> main.substring(0, main.indexOf('.', "io.socketlab.".length())))
                .findFirst();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isJava() {
        return true;
    }

    @Override
    public Optional<ProgramCommand> program(String exercise, Program program) {
        String mainClass = mainClasses.getProperty(exercise + "." + program.id());
        if (mainClass == null || mainClass.isBlank()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(extraJvmFlags);
        // The archive maps the jar's classes; an agent (coverage) instruments the compiled classes instead.
        boolean mapped = archived != null && extraJvmFlags.isEmpty();
        if (mapped) {
            command.addAll(ClassDataArchive.flags(archived.archive()));
        }
        command.add("-cp");
        command.add(mapped ? archived.classpath() : classpath);
        command.add(mainClass.strip());
        return Optional.of(new ProgramCommand(command, null, "java " + mainClass.strip(), beforeStop));
    }
}
