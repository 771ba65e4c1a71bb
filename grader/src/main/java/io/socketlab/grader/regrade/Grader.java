package io.socketlab.grader.regrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * This grader as a program of its own, for grading one student in a process apart: the same JVM, classpath and
 * main class, and its digest (the jar's SHA-256, or one over the classes folder's files when run from a build).
 */
public record Grader(Path javaBinary, String classpath, String digest) {

    static final String MAIN_CLASS = "io.socketlab.grader.cli.GraderCommand";

    public static Grader current() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classpath = System.getProperty("java.class.path");
        try {
            Path code = Path.of(Grader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Grader(java, classpath, Files.isDirectory(code) ? folderDigest(code) : fileDigest(code));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the grader's own code", e);
        }
    }

    /** The command that runs {@code arguments} as {@code socketlab-grader}, with JVM flags first. */
    public List<String> command(List<String> jvmFlags, List<String> arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classpath, MAIN_CLASS));
        command.addAll(arguments);
        return command;
    }

    static String fileDigest(Path file) {
        MessageDigest digest = newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String folderDigest(Path dir) {
        MessageDigest digest = newSha256();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(dir.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(HexFormat.of().parseHex(fileDigest(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
