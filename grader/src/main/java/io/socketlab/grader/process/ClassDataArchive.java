package io.socketlab.grader.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A class-data sharing archive of a built-in module's programs (its jar and libraries, with the JDK classes they
 * start with), so that each of the hundreds of JVMs a grading run starts maps its classes instead of loading and
 * verifying them: the serialization programs start with half the processor time. Made at build time by
 * {@link #main}, one per JDK (an archive is only valid for the JVM that made it); a JVM that finds it stale or
 * foreign quietly does without.
 */
public final class ClassDataArchive {

    private ClassDataArchive() {
    }

    /** The module's jar, as Maven's jar plugin names it, when it has been packaged. */
    static Optional<Path> moduleJar(Path moduleDir) {
        try (Stream<Path> files = Files.list(moduleDir.resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("socketlab-.*\\.jar")
                    && !f.getFileName().toString().endsWith("-sources.jar")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The archive for the running JDK, when the module's build made one. */
    static Optional<Path> forModule(Path moduleDir) {
        Path archive = archivePath(moduleDir);
        return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    /** The flags that map {@code archive}, silent when the JVM finds it stale or made by another JDK. */
    static List<String> flags(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    private static Path archivePath(Path moduleDir) {
        String jdk = (System.getProperty("java.vm.vendor") + "-" + Runtime.version()).replaceAll("[^A-Za-z0-9.+-]", "_");
        return moduleDir.resolve("target/cds").resolve(jdk + ".jsa");
    }

    /**
     * Makes the archive of each module folder given (after the module is packaged): the JDK's default class list
     * plus every class of the module's jar and libraries, dumped by the running JDK; an archive newer than the jar is
     * kept. A module that cannot be archived is reported and skipped: the archive only saves time.
     */
    public static void main(String[] moduleDirs) throws Exception {
        for (String dir : moduleDirs) {
            Path moduleDir = Path.of(dir).toAbsolutePath().normalize();
            Optional<Path> jar = moduleJar(moduleDir);
            if (jar.isEmpty()) {
                System.out.println("class-data archive: " + moduleDir + " has no jar yet; skipped");
                continue;
            }
            List<String> classpath = new ArrayList<>(List.of(jar.get().toString()));
            classpath.addAll(BuiltinTarget.libraries(moduleDir));
            Path archive = archivePath(moduleDir);
            if (Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar.get())) > 0) {
                continue;
            }
            Files.createDirectories(archive.getParent());
            Path classList = archive.resolveSibling(archive.getFileName() + ".classlist");
            Files.write(classList, classList(classpath), StandardCharsets.UTF_8);
            Path partial = archive.resolveSibling(archive.getFileName() + ".part");
            Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + partial,
                    "-Xlog:cds=off", "-cp", String.join(File.pathSeparator, classpath))
                    .redirectErrorStream(true).redirectOutput(archive.resolveSibling("dump.log").toFile()).start();
            if (dump.waitFor(2, TimeUnit.MINUTES) && dump.exitValue() == 0 && Files.isRegularFile(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("class-data archive: " + archive);
            } else {
                dump.destroyForcibly();
                Files.deleteIfExists(partial);
                System.out.println("class-data archive: could not dump " + moduleDir + " (see "
                        + archive.resolveSibling("dump.log") + "); its programs start without one");
            }
        }
    }

    /** The JDK's own class list, then every class in {@code classpath}'s jars, as -Xshare:dump reads them. */
    private static List<String> classList(List<String> classpath) throws IOException {
        List<String> classes = new ArrayList<>();
        Path jdkList = Path.of(System.getProperty("java.home"), "lib", "classlist");
        if (Files.isRegularFile(jdkList)) {
            Files.readAllLines(jdkList).stream().filter(l -> !l.startsWith("#") && !l.startsWith("@")).forEach(classes::add);
        }
        for (String entry : classpath) {
            try (ZipFile jar = new ZipFile(entry)) {
                jar.stream().map(ZipEntry::getName)
                        .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
                        .map(n -> n.substring(0, n.length() - ".class".length()))
                        .forEach(classes::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + entry, e);
            }
        }
        return classes;
    }
}
