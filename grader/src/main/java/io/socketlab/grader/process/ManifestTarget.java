package io.socketlab.grader.process;

import io.socketlab.grader.model.Program;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A target described by a manifest: a properties file whose keys are {@code <exercise>.<program>} and whose
 * values are the command that starts the program, run from the manifest's folder.
 */
public final class ManifestTarget implements Target {

    /** Characters that need a shell's own parsing; a command without them is run through {@code exec}. */
    private static final Pattern SHELL_SYNTAX = Pattern.compile("[;&|<>()`$\\n]");

    private final Path manifest;
    private final Properties commands;

    private ManifestTarget(Path manifest, Properties commands) {
        this.manifest = manifest;
        this.commands = commands;
    }

    /** Reads a manifest; a missing or unreadable file is the user's mistake, reported as such. */
    public static ManifestTarget load(Path manifest) {
        Path absolute = manifest.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("manifest not found: " + absolute);
        }
        Properties commands = new Properties();
        try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            commands.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read manifest " + absolute + ": " + e.getMessage(), e);
        }
        return new ManifestTarget(absolute, commands);
    }

    @Override
    public String name() {
        return manifest.toString();
    }

    /** The manifest's {@code language} key, e.g. {@code language = python}. */
    @Override
    public Optional<String> declaredLanguage() {
        return Optional.ofNullable(commands.getProperty("language")).map(String::strip).filter(l -> !l.isEmpty());
    }

    @Override
    public Optional<ProgramCommand> program(String exercise, Program program) {
        return command(exercise + "." + program.id());
    }

    @Override
    public Optional<ProgramCommand> command(String key) {
        String command = commands.getProperty(key);
        if (command == null || command.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ProgramCommand(shell(command.strip()), manifest.getParent(), command.strip()));
    }

    /**
     * Runs the command through {@code sh} so manifests may use the shell's syntax, with the contract's arguments
     * passed as positional parameters (never re-parsed). A simple command is {@code exec}'d so that the signals
     * the grader sends reach the program itself rather than a shell in between.
     */
    private static List<String> shell(String command) {
        String script = SHELL_SYNTAX.matcher(command).find()
                ? command + " \"$@\""
                : "exec " + command + " \"$@\"";
        return List.of("/bin/sh", "-c", script, "sh");
    }
}
