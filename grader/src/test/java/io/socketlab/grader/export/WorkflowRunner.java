package io.socketlab.grader.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a GitHub Actions workflow's jobs here as a runner would, so the student workflow can be tested end to end:
 * each job on a runner of its own (its own workspace, home and {@code GITHUB_*} files, nothing shared with other jobs
 * but artifacts and the needs' outputs); {@code run} steps through {@code bash -eo pipefail} with the workflow's,
 * job's and step's {@code env}, then {@code GITHUB_OUTPUT}, {@code GITHUB_ENV} and {@code GITHUB_PATH} applied to
 * the later steps of the same job only; {@code if} and {@code ${{ }}} for the expressions the workflow uses
 * (anything else is refused, so the test fails loudly rather than guessing). The actions are stood in for by what
 * they do here: {@code checkout} copies a folder, {@code setup-java} uses this JDK, {@code upload-artifact} and
 * {@code download-artifact} copy to and from a shared folder. Maven uses the build's local repository.
 */
final class WorkflowRunner {

    record JobResult(String result, Map<String, String> outputs, String summary, String log) {
    }

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");

    private final JsonNode workflow;
    private final Map<String, String> envOverrides;
    private final Map<String, Path> repositories;
    private final Path root;
    private final Path artifacts;
    private final Path mavenRepository;
    private final Map<String, JobResult> done = new HashMap<>();

    /**
     * @param repositories what {@code checkout} copies: {@code ""} for the workflow's own repository, else by
     *                     {@code owner/name}
     */
    WorkflowRunner(Path workflowFile, Map<String, String> envOverrides, Map<String, Path> repositories, Path root,
                   Path mavenRepository) throws IOException {
        this.workflow = new ObjectMapper(new YAMLFactory()).readTree(workflowFile.toFile());
        this.envOverrides = envOverrides;
        this.repositories = repositories;
        this.root = root;
        this.artifacts = Files.createDirectories(root.resolve("artifacts"));
        this.mavenRepository = mavenRepository;
    }

    JsonNode job(String name) {
        return workflow.get("jobs").get(name);
    }

    /** Runs {@code name} after the jobs it needs (run before through this method). */
    JobResult run(String name) throws Exception {
        JsonNode job = job(name);
        Map<String, Object> context = new HashMap<>();
        context.put("needs", needs(job));
        Map<String, String> env = new LinkedHashMap<>();
        workflow.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.putAll(envOverrides);
        context.put("env", env);
        boolean needsSucceeded = needsOf(job).stream().allMatch(n -> done.get(n).result().equals("success"));
        if (!condition(job.path("if").asText(""), context, needsSucceeded)) {
            return remember(name, new JobResult("skipped", Map.of(), "", ""));
        }
        Path runner = Files.createDirectories(root.resolve("runner-" + name));
        Path workspace = Files.createDirectories(runner.resolve("workspace"));
        Path home = Files.createDirectories(runner.resolve("home"));
        Path temp = Files.createDirectories(runner.resolve("temp"));
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), "<settings><localRepository>" + mavenRepository
                + "</localRepository></settings>\n");
        Map<String, Map<String, String>> stepOutputs = new HashMap<>();
        context.put("steps", stepOutputs);
        job.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), interpolate(e.getValue().asText(), context)));
        Map<String, String> added = new LinkedHashMap<>();
        List<String> path = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        StringBuilder summary = new StringBuilder();
        boolean failed = false;
        int index = 0;
        for (JsonNode step : job.path("steps")) {
            String id = step.path("id").asText("step" + index++);
            if (!condition(step.path("if").asText(""), context, !failed)) {
                stepOutputs.put(id, Map.of("outcome", "skipped"));
                continue;
            }
            Map<String, String> stepEnv = new LinkedHashMap<>(env);
            stepEnv.putAll(added);
            step.path("env").fields().forEachRemaining(e -> stepEnv.put(e.getKey(), interpolate(e.getValue().asText(), context)));
            Path files = Files.createDirectories(temp.resolve("files-" + id));
            Map<String, Path> github = Map.of("GITHUB_OUTPUT", files.resolve("output"), "GITHUB_ENV", files.resolve("env"),
                    "GITHUB_PATH", files.resolve("path"), "GITHUB_STEP_SUMMARY", files.resolve("summary"));
            for (Path file : github.values()) {
                Files.writeString(file, "");
            }
            boolean ok;
            if (step.has("uses")) {
                ok = action(step, context, workspace, log);
            } else {
                Map<String, String> process = new HashMap<>();
                process.put("PATH", String.join(":", path) + (path.isEmpty() ? "" : ":") + System.getenv("PATH"));
                process.put("HOME", home.toString());
                process.put("LANG", "C.UTF-8");
                process.put("GITHUB_WORKSPACE", workspace.toString());
                process.put("RUNNER_TEMP", temp.toString());
                process.put("GITHUB_ACTIONS", "true");
                process.put("GITHUB_REPOSITORY", "students/fork");
                process.put("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567");
                if (System.getenv("JAVA_HOME") != null) {
                    process.put("JAVA_HOME", System.getenv("JAVA_HOME"));
                }
                github.forEach((key, file) -> process.put(key, file.toString()));
                process.putAll(stepEnv);
                ok = shell(step.get("run").asText(), process, workspace, log);
            }
            Map<String, String> outputs = new HashMap<>(keyValues(github.get("GITHUB_OUTPUT")));
            added.putAll(keyValues(github.get("GITHUB_ENV")));
            path.addAll(0, Files.readAllLines(github.get("GITHUB_PATH")).stream().filter(l -> !l.isBlank()).toList());
            summary.append(Files.readString(github.get("GITHUB_STEP_SUMMARY")));
            boolean continueOnError = step.path("continue-on-error").asBoolean(false);
            outputs.put("outcome", ok ? "success" : "failure");
            stepOutputs.put(id, outputs);
            failed |= !ok && !continueOnError;
        }
        Map<String, String> jobOutputs = new HashMap<>();
        job.path("outputs").fields().forEachRemaining(e -> jobOutputs.put(e.getKey(), interpolate(e.getValue().asText(), context)));
        return remember(name, new JobResult(failed ? "failure" : "success", jobOutputs, summary.toString(), log.toString()));
    }

    private JobResult remember(String name, JobResult result) {
        done.put(name, result);
        return result;
    }

    private List<String> needsOf(JsonNode job) {
        JsonNode needs = job.path("needs");
        List<String> names = new ArrayList<>();
        if (needs.isTextual()) {
            names.add(needs.asText());
        } else {
            needs.forEach(n -> names.add(n.asText()));
        }
        names.forEach(n -> {
            if (!done.containsKey(n)) {
                throw new IllegalStateException("run " + n + " before the jobs that need it");
            }
        });
        return names;
    }

    private Map<String, Map<String, String>> needs(JsonNode job) {
        Map<String, Map<String, String>> needs = new HashMap<>();
        for (String name : needsOf(job)) {
            Map<String, String> values = new HashMap<>(done.get(name).outputs());
            values.put("result", done.get(name).result());
            needs.put(name, values);
        }
        return needs;
    }

    private boolean action(JsonNode step, Map<String, Object> context, Path workspace, StringBuilder log) throws IOException {
        String uses = step.get("uses").asText();
        Map<String, String> with = new HashMap<>();
        step.path("with").fields().forEachRemaining(e -> with.put(e.getKey(), interpolate(e.getValue().asText(), context)));
        String action = uses.substring(0, uses.indexOf('@'));
        log.append("[action] ").append(action).append(' ').append(with).append('\n');
        switch (action) {
            case "actions/checkout" -> {
                Path source = repositories.get(with.getOrDefault("repository", ""));
                if (source == null) {
                    throw new IllegalStateException("no repository to check out for " + with);
                }
                copyTree(source, workspace.resolve(with.getOrDefault("path", ".")));
                return true;
            }
            case "actions/setup-java" -> {
                return true;
            }
            case "actions/upload-artifact" -> {
                Path from = workspace.resolve(with.get("path"));
                if (!Files.exists(from)) {
                    return !"error".equals(with.get("if-no-files-found"));
                }
                Path to = Files.createDirectories(artifacts.resolve(with.get("name")));
                if (Files.isDirectory(from)) {
                    copyTree(from, to);
                } else {
                    Files.copy(from, to.resolve(from.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
                return true;
            }
            case "actions/download-artifact" -> {
                Path from = artifacts.resolve(with.get("name"));
                if (!Files.isDirectory(from)) {
                    log.append("artifact not found: ").append(with.get("name")).append('\n');
                    return false;
                }
                copyTree(from, workspace.resolve(with.getOrDefault("path", ".")));
                return true;
            }
            default -> throw new IllegalStateException("no stand-in for the action " + uses);
        }
    }

    private static boolean shell(String script, Map<String, String> env, Path workspace, StringBuilder log) throws Exception {
        Path file = Files.createTempFile(workspace.getParent(), "step", ".sh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
                .directory(workspace.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        log.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            log.append("[step timed out]\n");
            return false;
        }
        log.append("[exit ").append(process.exitValue()).append("]\n");
        return process.exitValue() == 0;
    }

    /** {@code NAME=value} lines and {@code NAME<<DELIMITER} blocks, as GitHub reads its command files. */
    static Map<String, String> keyValues(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int equals = line.indexOf('=');
            if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).equals(delimiter); i++) {
                    value.append(value.length() == 0 ? "" : "\n").append(lines.get(i));
                }
                values.put(line.substring(0, heredoc), value.toString());
            } else if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    // --- expressions: only what the workflows use; anything else is refused ---

    private static boolean condition(String expression, Map<String, Object> context, boolean statusOk) {
        String condition = expression.strip();
        Matcher wrapped = EXPRESSION.matcher(condition);
        if (wrapped.matches()) {
            condition = wrapped.group(1);
        }
        if (condition.isEmpty()) {
            return statusOk;
        }
        boolean always = condition.contains("always()");
        boolean value = false;
        for (String alternative : condition.split("\\|\\|")) {
            boolean all = true;
            for (String term : alternative.split("&&")) {
                all &= term(term.strip(), context);
            }
            value |= all;
        }
        return value && (always || statusOk);
    }

    private static boolean term(String term, Map<String, Object> context) {
        if (term.equals("always()")) {
            return true;
        }
        Matcher comparison = Pattern.compile("(\\S+)\\s*(==|!=)\\s*'([^']*)'").matcher(term);
        if (!comparison.matches()) {
            throw new IllegalArgumentException("the simulated runner does not understand: " + term);
        }
        boolean equal = comparison.group(3).equals(value(comparison.group(1), context));
        return comparison.group(2).equals("==") == equal;
    }

    private static String interpolate(String text, Map<String, Object> context) {
        Matcher matcher = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String result = "";
            for (String alternative : matcher.group(1).split("\\|\\|")) {
                result = value(alternative.strip(), context);
                if (!result.isEmpty()) {
                    break;
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(result));
        }
        return matcher.appendTail(out).toString();
    }

    @SuppressWarnings("unchecked")
    private static String value(String reference, Map<String, Object> context) {
        String[] parts = reference.split("\\.");
        switch (parts[0]) {
            case "env" -> {
                return ((Map<String, String>) context.get("env")).getOrDefault(parts[1], "");
            }
            case "steps" -> {
                Map<String, String> step = ((Map<String, Map<String, String>>) context.get("steps")).getOrDefault(parts[1], Map.of());
                return step.getOrDefault(parts[parts.length - 1], "");
            }
            case "needs" -> {
                Map<String, String> need = ((Map<String, Map<String, String>>) context.get("needs")).getOrDefault(parts[1], Map.of());
                return need.getOrDefault(parts[parts.length - 1], "");
            }
            case "github" -> {
                return switch (parts[1]) {
                    case "run_attempt" -> "1";
                    case "ref" -> "refs/heads/main";
                    case "token" -> "simulated-github-token";
                    default -> throw new IllegalArgumentException("no simulated value for " + reference);
                };
            }
            case "secrets" -> {
                return "";
            }
            default -> throw new IllegalArgumentException("the simulated runner does not understand: " + reference);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
