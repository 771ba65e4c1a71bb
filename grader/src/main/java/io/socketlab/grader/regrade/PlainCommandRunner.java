package io.socketlab.grader.regrade;

import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.process.OutputCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Runs commands as plain processes of this user: no isolation of files or network (a hostile build can do what this
 * user can), but bounded in time and output, and with everything they leave running killed — their process tree on
 * a timeout, and afterwards, through {@link Leftovers}, any process that carries the command's marker or works in
 * its scratch folder (a double-forked daemon is re-parented away from the tree, but keeps its environment).
 */
public final class PlainCommandRunner implements CommandRunner {

    /** Marks every process a command starts (a child inherits it unless it clears its environment). */
    static final String MARKER = "SOCKETLAB_REGRADE_RUN";

    @Override
    public Finished run(Invocation invocation) throws InterruptedException {
        String marker = UUID.randomUUID().toString();
        ProcessBuilder builder = new ProcessBuilder(invocation.command()).directory(invocation.workDir().toFile());
        Map<String, String> environment = new HashMap<>(invocation.environment());
        environment.put(MARKER, marker);
        builder.environment().clear();
        builder.environment().putAll(environment);
        BoundedProcess.Result result;
        try {
            Files.createDirectories(invocation.scratch());
            result = BoundedProcess.run(builder, invocation.timeout());
        } catch (IOException e) {
            throw new HarnessException(invocation.label() + ": cannot start `" + invocation.command().get(0) + "`: "
                    + e.getMessage(), e);
        }
        int leftovers = Leftovers.kill(marker, invocation.scratch());
        writeLog(invocation, result);
        return new Finished(result.exitCode(), result.timedOut(), result.took(), result.lastWords(300), leftovers);
    }

    @Override
    public String describe() {
        return "plain processes of this user (no isolation of files or network; bounded in time and output, "
                + "nothing left running)";
    }

    /** The command, the head of its output, the tail when more came, and how it ended. */
    static void writeLog(Invocation invocation, BoundedProcess.Result result) {
        OutputCapture output = result.output();
        StringBuilder log = new StringBuilder();
        log.append("$ ").append(String.join(" ", invocation.command())).append('\n');
        log.append(output.text());
        if (output.truncated()) {
            long leftOut = output.totalBytes() - output.bytes().length;
            log.append("\n... ").append(output.totalBytes()).append(" bytes in all; the last of them:\n")
                    .append(output.tailText((int) Math.min(BoundedProcess.TAIL_BYTES, leftOut)));
        }
        log.append(String.format(Locale.ROOT, "%n[%s after %.1f s]%n", result.timedOut()
                ? "killed: ran out of its " + invocation.timeout().toSeconds() + " s"
                : "exit code " + result.exitCode(), result.took().toMillis() / 1000.0));
        try {
            Files.createDirectories(invocation.log().getParent());
            Files.writeString(invocation.log(), log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HarnessException("cannot write " + invocation.log() + ": " + e.getMessage(), e);
        }
    }
}
