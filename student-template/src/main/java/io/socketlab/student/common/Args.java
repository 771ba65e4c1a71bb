package io.socketlab.student.common;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed command line of one program: {@code --name value} options, flags and positional arguments. Every
 * program also accepts {@code --log-level} (see {@link Logs}), which parsing applies at once.
 */
public final class Args {

    private final String usage;
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positionals = new ArrayList<>();

    private Args(String usage) {
        this.usage = usage;
    }

    /**
     * Parses {@code argv}: each option in {@code valued} takes the next argument as its value, each
     * one in {@code flags} stands alone, and {@code --} ends the options so that a positional
     * argument may itself start with {@code --}.
     *
     * @param usage the synopsis every usage error quotes, e.g. {@code "EchoServer --port N [--host H]"}
     */
    public static Args parse(String usage, String[] argv, Set<String> valued, Set<String> flags)
            throws Failure {
        Args args = new Args(usage);
        String logLevels = null;
        boolean optionsEnded = false;
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (optionsEnded || !arg.startsWith("--")) {
                args.positionals.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (flags.contains(arg)) {
                args.flags.add(arg);
            } else if (!valued.contains(arg) && !arg.equals(Logs.OPTION)) {
                throw args.usageError("unknown option " + arg);
            } else if (i + 1 == argv.length) {
                throw args.usageError(arg + " needs a value");
            } else if (arg.equals(Logs.OPTION)) {
                logLevels = argv[++i];
            } else {
                args.values.put(arg, argv[++i]);
            }
        }
        try {
            Logs.configure(logLevels); // before anything else runs, so that it logs as asked
        } catch (IllegalArgumentException e) {
            throw args.usageError(e.getMessage());
        }
        return args;
    }

    /** Where a server listens: {@code --port} (required) on {@code --host}, or on every interface. */
    public InetSocketAddress listenAddress() throws Failure {
        int port = port();
        String host = values.get("--host");
        return host == null ? new InetSocketAddress(port) : resolve(host, port);
    }

    /** Where a client connects: {@code --host} (default 127.0.0.1) and {@code --port} (required). */
    public InetSocketAddress serverAddress() throws Failure {
        return resolve(values.getOrDefault("--host", "127.0.0.1"), port());
    }

    /** The value of {@code option}, which the command line must give. */
    public String requiredValue(String option) throws Failure {
        String value = values.get(option);
        if (value == null) {
            throw usageError(option + " is required");
        }
        return value;
    }

    /** The value of {@code option} as a whole number from {@code min} to {@code max}, or {@code fallback}. */
    public int intValue(String option, int fallback, int min, int max) throws Failure {
        return (int) longValue(option, fallback, min, max);
    }

    /** The value of {@code option} as a whole number from {@code min} to {@code max}, or {@code fallback}. */
    public long longValue(String option, long fallback, long min, long max) throws Failure {
        String text = values.get(option);
        if (text == null) {
            return fallback;
        }
        // At most 18 digits, so that parsing cannot overflow a long.
        if (text.matches("[0-9]{1,18}")) {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw usageError(option + " must be a whole number from " + min + " to " + max + ", not " + text);
    }

    /** Whether {@code flag} was given. */
    public boolean flag(String flag) {
        return flags.contains(flag);
    }

    /** The positional arguments, in order. */
    public List<String> positionals() {
        return List.copyOf(positionals);
    }

    /** Fails unless the command line has no positional arguments. */
    public void expectNoPositionals() throws Failure {
        if (!positionals.isEmpty()) {
            throw usageError("unexpected argument " + positionals.get(0));
        }
    }

    /** A usage error that quotes this program's synopsis. */
    public Failure usageError(String problem) {
        return Failure.usage(problem + " (usage: " + usage + ")");
    }

    private int port() throws Failure {
        if (!values.containsKey("--port")) {
            throw usageError("--port is required");
        }
        return intValue("--port", 0, 1, 65_535);
    }

    private InetSocketAddress resolve(String host, int port) throws Failure {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw usageError("unknown host " + host);
        }
        return address;
    }
}
