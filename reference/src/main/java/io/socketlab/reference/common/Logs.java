package io.socketlab.reference.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where every program's log goes, and how much of it (docs/logging.md). Each class has its own
 * {@code java.util.logging} logger, named after it; records go to stderr, one line each, never to
 * stdout, where a client's output is. By default only warnings show. {@code --log-level} turns on
 * more, per exercise or per class, without recompiling:
 * {@code --log-level chat=FINE,chat.ChatRoom=FINEST}. A JUL configuration file given with
 * {@code -Djava.util.logging.config.file=FILE} replaces the defaults; {@code --log-level} still applies on top.
 */
public final class Logs {

    /** The option every program accepts ({@link Args} handles it). */
    public static final String OPTION = "--log-level";

    /** The package of every program: logger names in {@code --log-level} are relative to it. */
    private static final String BASE = Logs.class.getPackageName().replaceFirst("\\.common$", "");
    private static final Level DEFAULT_LEVEL = Level.WARNING;
    private static final String LEVELS = "SEVERE, WARNING, INFO, CONFIG, FINE, FINER, FINEST, ALL or OFF";
    /** The loggers given a level: held here, since JUL forgets the level of a logger nobody references. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private Logs() {
    }

    /**
     * Sets up logging for this program: the defaults (or the JUL configuration file), then
     * {@code levels}, comma-separated {@code name=LEVEL} entries, where {@code chat} is every class
     * of the chat exercise and {@code chat.ChatRoom} one class; a LEVEL alone is every class.
     *
     * @param levels the value of {@code --log-level}, or null
     * @throws IllegalArgumentException naming the entry of {@code levels} that is not understood
     */
    public static void configure(String levels) {
        Properties config = new Properties();
        String file = System.getProperty("java.util.logging.config.file");
        if (file != null) {
            config.putAll(load(Path.of(file)));
        } else {
            config.setProperty(".level", DEFAULT_LEVEL.getName());
        }
        if (levels != null) {
            for (String entry : levels.split(",", -1)) {
                String[] nameAndLevel = entry.strip().split("=", -1);
                String name = nameAndLevel.length == 2 ? loggerName(nameAndLevel[0].strip()) : BASE;
                config.setProperty(name + ".level", level(nameAndLevel[nameAndLevel.length - 1].strip(), entry));
            }
        }
        apply(config, file != null && config.containsKey("handlers"));
    }

    /** The full name of the logger {@code name} stands for: {@code chat.ChatRoom} is one of this program's classes. */
    private static String loggerName(String name) {
        if (!name.matches("[A-Za-z0-9_$]+(\\.[A-Za-z0-9_$]+)*")) {
            throw new IllegalArgumentException("--log-level: \"" + name + "\" is not a logger name such as chat"
                    + " or chat.ChatRoom");
        }
        return name.equals(BASE) || name.startsWith(BASE + ".") ? name : BASE + "." + name;
    }

    private static String level(String name, String entry) {
        try {
            return Level.parse(name.toUpperCase(Locale.ROOT)).getName();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--log-level: \"" + entry.strip() + "\" has no level " + LEVELS
                    + " (e.g. chat=FINE)");
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the logging configuration " + file + ": " + e.getMessage());
        }
        return properties;
    }

    /** Installs {@code config}'s levels; unless it names handlers of its own, records go to stderr, one line each. */
    private static void apply(Properties config, boolean ownHandlers) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            config.store(text, null);
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(text.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        // A class's logger that exists already (a static field) inherits its level from an ancestor only if
        // that ancestor logger exists: create each configured one, which takes its level from the configuration.
        CONFIGURED.clear();
        for (String key : config.stringPropertyNames()) {
            if (key.endsWith(".level") && key.length() > ".level".length()) {
                CONFIGURED.add(Logger.getLogger(key.substring(0, key.length() - ".level".length())));
            }
        }
        if (!ownHandlers) {
            ConsoleHandler stderr = new ConsoleHandler(); // System.err: stdout carries the program's output
            stderr.setLevel(Level.ALL); // the loggers' levels decide
            stderr.setFormatter(new OneLine());
            try {
                stderr.setEncoding(StandardCharsets.UTF_8.name());
            } catch (IOException e) {
                throw new UncheckedIOException(e); // UTF-8 is always supported
            }
            Logger.getLogger("").addHandler(stderr);
        }
    }

    /** {@code 14:03:07.412 FINE    chat.ChatRoom alice joined}: one line per record. */
    public static final class OneLine extends Formatter {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

        @Override
        public String format(LogRecord record) {
            String time = TIME.format(LocalTime.ofInstant(record.getInstant(), ZoneId.systemDefault()));
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName().replace(BASE + ".", "");
            String thrown = record.getThrown() == null ? "" : ": " + record.getThrown();
            return String.format("%s %-7s %s %s%s%n", time, record.getLevel().getName(), logger,
                    formatMessage(record), thrown);
        }
    }
}
