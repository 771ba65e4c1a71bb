package io.socketlab.grader.regrade;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Folders of a regrade: removed whole, and replaced at once so no reader ever sees half of one. */
final class Tree {

    private Tree() {
    }

    /** Deletes a folder and everything in it (symbolic links are removed, never followed); absent is fine. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot remove " + dir, e);
        }
    }

    /**
     * Puts {@code staged} where {@code target} is: the old folder is moved aside first, then the new one renamed into
     * place in one step, so a regrade killed at any moment leaves the old folder, the new one, or none (the student is
     * then graded again), never a mix.
     */
    static void replace(Path staged, Path target) throws IOException {
        Path aside = null;
        if (Files.exists(target)) {
            aside = staged.resolveSibling(staged.getFileName() + ".old");
            move(target, aside);
        }
        move(staged, target);
        delete(aside);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " in one step: keep the regrade's folder "
                    + "on one file system", e);
        }
    }
}
