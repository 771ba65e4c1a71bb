package io.socketlab.grader.process;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each sandboxed program may use: memory (its whole tree, no swap), processes and threads at once, CPU time per
 * process, the size of any file it writes, open files per process, and CPUs' worth of time per second.
 *
 * @param memoryBytes memory of the program's whole tree ({@code --sandbox ns}: its cgroup; docker: {@code --memory})
 * @param pids        processes and threads at once (cgroup {@code pids.max} and {@code RLIMIT_NPROC})
 * @param cpuSeconds  CPU time of each process ({@code RLIMIT_CPU}: SIGXCPU when it is used up)
 * @param fsizeBytes  the largest file it may write ({@code RLIMIT_FSIZE}: a write beyond fails)
 * @param nofile      open files and sockets per process ({@code RLIMIT_NOFILE})
 * @param cpus        CPUs' worth of time per second of the whole tree (cgroup CPU quota; docker {@code --cpus})
 */
public record Limits(long memoryBytes, int pids, int cpuSeconds, long fsizeBytes, int nofile, double cpus) {

    /** Enough for any correct student program, in Java or Python, through every test of an exercise. */
    public static final Limits DEFAULT = new Limits(512L << 20, 256, 120, 256L << 20, 1024, 1.0);

    /** The names {@code --limit} accepts, in the order {@link #toString()} prints them. */
    private static final String NAMES = "memory, pids, cpu, fsize, nofile, cpus";

    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]?)(i?b)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECONDS = Pattern.compile("(\\d+)(s|m)?", Pattern.CASE_INSENSITIVE);

    public Limits {
        if (memoryBytes < (16L << 20) || pids < 8 || cpuSeconds < 1 || fsizeBytes < (1L << 20) || nofile < 16
                || !(cpus > 0 && cpus <= 1024)) {
            throw new IllegalArgumentException("limits too small to run any program: " + describe(memoryBytes,
                    pids, cpuSeconds, fsizeBytes, nofile, cpus) + " (at least memory=16m, pids=8, cpu=1s, fsize=1m,"
                    + " nofile=16, cpus between 0 and 1024)");
        }
    }

    /**
     * These limits with the ones {@code spec} names changed, e.g. {@code memory=1g,pids=128,cpu=60s}: sizes take
     * {@code k}, {@code m} or {@code g} (powers of 1024), CPU time {@code s} or {@code m}.
     *
     * @throws IllegalArgumentException naming the part that is not understood
     */
    public Limits with(String spec) {
        long memory = memoryBytes;
        long fsize = fsizeBytes;
        int processes = pids;
        int cpu = cpuSeconds;
        int files = nofile;
        double share = cpus;
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected NAME=VALUE in --limit, got '" + part + "' (names: "
                        + NAMES + ")");
            }
            String name = pair[0].strip().toLowerCase(Locale.ROOT);
            String value = pair[1].strip();
            switch (name) {
                case "memory" -> memory = size(name, value);
                case "fsize" -> fsize = size(name, value);
                case "pids" -> processes = (int) count(name, value);
                case "nofile" -> files = (int) count(name, value);
                case "cpu" -> cpu = seconds(value);
                case "cpus" -> share = fraction(value);
                default -> throw new IllegalArgumentException("unknown limit '" + name + "' (names: " + NAMES + ")");
            }
        }
        return new Limits(memory, processes, cpu, fsize, files, share);
    }

    /** {@code memory=512m,pids=256,cpu=120s,fsize=256m,nofile=1024,cpus=1}: what {@link #with} reads back. */
    @Override
    public String toString() {
        return describe(memoryBytes, pids, cpuSeconds, fsizeBytes, nofile, cpus);
    }

    /** {@code 512 MiB}, {@code 1.5 GiB}: a size as a student reads it. */
    public static String humanBytes(long bytes) {
        if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= (1L << 30)) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return (bytes >> 20) + " MiB";
    }

    /** The CPU quota as docker's {@code --cpus} writes it: {@code 1}, {@code 0.5}. */
    public String cpusText() {
        return cpus == Math.rint(cpus) ? Long.toString((long) cpus) : Double.toString(cpus);
    }

    private static String describe(long memory, int pids, int cpu, long fsize, int nofile, double cpus) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("memory", shortSize(memory));
        parts.put("pids", Integer.toString(pids));
        parts.put("cpu", cpu + "s");
        parts.put("fsize", shortSize(fsize));
        parts.put("nofile", Integer.toString(nofile));
        parts.put("cpus", cpus == Math.rint(cpus) ? Long.toString((long) cpus) : Double.toString(cpus));
        StringBuilder out = new StringBuilder();
        parts.forEach((k, v) -> out.append(out.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return out.toString();
    }

    private static String shortSize(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "g";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "m";
        }
        return bytes % 1024 == 0 ? (bytes >> 10) + "k" : Long.toString(bytes);
    }

    private static long size(String name, String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("--limit " + name + " must be a size such as 512m or 1g, got '"
                    + value + "'");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        long number = Long.parseLong(m.group(1));
        if (number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("--limit " + name + " is too large: " + value);
        }
        return number << shift;
    }

    private static long count(String name, String value) {
        if (!value.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("--limit " + name + " must be a whole number, got '" + value + "'");
        }
        return Long.parseLong(value);
    }

    private static int seconds(String value) {
        Matcher m = SECONDS.matcher(value);
        if (!m.matches() || m.group(1).length() > 7) {
            throw new IllegalArgumentException("--limit cpu must be a time such as 60s or 2m, got '" + value + "'");
        }
        int number = Integer.parseInt(m.group(1));
        return "m".equalsIgnoreCase(m.group(2)) ? number * 60 : number;
    }

    private static double fraction(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--limit cpus must be a number such as 1 or 0.5, got '" + value + "'");
        }
    }
}
