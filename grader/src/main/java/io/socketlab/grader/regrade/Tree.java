package io.socketlab.grader.regrade;

import io.socketlab.grader.process.ProgramLauncher;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Folders of a regrade: removed whole, and replaced at once so no reader ever sees half of one. */
final class Tree {

    private Tree() {
    }

    /** Deletes a folder and everything in it, best effort (symbolic links are removed, never followed). */
    static void delete(Path dir) {
        ProgramLauncher.deleteRecursively(dir);
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
