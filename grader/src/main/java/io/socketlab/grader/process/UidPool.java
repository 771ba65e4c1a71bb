package io.socketlab.grader.process;

import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Text;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * User ids for sandboxed programs when the grader runs as root: each running program gets one that no other running
 * program has, in this grader or in any other on the machine (a lock file per uid, released by the kernel if the
 * grader dies), and that no account of the machine uses.
 *
 * <p>The range defaults to 2147000000-2147000999, above every range distributions and systemd hand out; change it
 * with {@code -Dsocketlab.sandbox.uids=FIRST-LAST} or the environment variable {@code SOCKETLAB_SANDBOX_UIDS}.
 */
final class UidPool {

    static final String RANGE_PROPERTY = "socketlab.sandbox.uids";
    private static final String RANGE_VARIABLE = "SOCKETLAB_SANDBOX_UIDS";
    private static final String DEFAULT_RANGE = "2147000000-2147000999";

    private final int first;
    private final int count;
    private final Path lockDir;
    private final Set<Integer> accounts;
    private final Map<Integer, FileLock> held = new ConcurrentHashMap<>();

    private UidPool(int first, int count, Path lockDir, Set<Integer> accounts) {
        this.first = first;
        this.count = count;
        this.lockDir = lockDir;
        this.accounts = Set.copyOf(accounts);
    }

    /** The pool configured on this machine. */
    static UidPool configured() {
        String range = System.getProperty(RANGE_PROPERTY, System.getenv().getOrDefault(RANGE_VARIABLE, DEFAULT_RANGE));
        String[] bounds = range.strip().split("-");
        int first;
        int last;
        try {
            first = Integer.parseInt(bounds[0].strip());
            last = Integer.parseInt(bounds[bounds.length - 1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the sandbox's uid range must read FIRST-LAST, got '" + range + "'");
        }
        if (first < 1000 || last < first) {
            throw new IllegalArgumentException("the sandbox's uid range must be FIRST-LAST with 1000 <= FIRST <= LAST,"
                    + " got '" + range + "'");
        }
        Path runDir = Path.of("/run");
        Path lockDir = Files.isWritable(runDir) ? runDir.resolve("socketlab-uids")
                : Path.of(System.getProperty("java.io.tmpdir"), "socketlab-uids");
        return new UidPool(first, last - first + 1, lockDir, accountIds());
    }

    /** A uid (used as gid too) that no other running program has; release it once the program is gone. */
    int acquire() {
        try {
            Files.createDirectories(lockDir);
        } catch (IOException e) {
            throw new HarnessException(Text.format("cannot make the sandbox's uid lock folder %s: %s",
                    "no se puede crear la carpeta de cerrojos de uid del sandbox %s: %s", lockDir, e.getMessage()), e);
        }
        int start = ThreadLocalRandom.current().nextInt(count);
        for (int i = 0; i < count; i++) {
            int uid = first + (start + i) % count;
            if (accounts.contains(uid) || held.containsKey(uid)) {
                continue;
            }
            try {
                FileChannel channel = FileChannel.open(lockDir.resolve(uid + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    channel.close();
                    continue;
                }
                if (held.putIfAbsent(uid, lock) != null) {
                    lock.release();
                    channel.close();
                    continue;
                }
                return uid;
            } catch (IOException e) {
                throw new HarnessException(Text.format("cannot lock a sandbox uid in %s: %s",
                        "no se puede reservar un uid del sandbox en %s: %s", lockDir, e.getMessage()), e);
            }
        }
        throw new HarnessException(Text.format("all %d sandbox uids from %d are in use",
                "los %d uid del sandbox a partir de %d están en uso", count, first));
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Gives {@code uid} back to the pool. */
    void release(int uid) {
        FileLock lock = held.remove(uid);
        if (lock != null) {
            try {
                lock.release();
                lock.channel().close();
            } catch (IOException e) {
                // Closing the channel releases the lock anyway.
            }
        }
    }

    /** The uids and gids of the machine's accounts and groups, which the pool never hands out. */
    private static Set<Integer> accountIds() {
        Set<Integer> ids = new HashSet<>();
        for (String file : new String[] {"/etc/passwd", "/etc/group"}) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    String[] fields = line.split(":");
                    if (fields.length > 2 && fields[2].matches("\\d{1,10}")) {
                        long id = Long.parseLong(fields[2]);
                        if (id <= Integer.MAX_VALUE) {
                            ids.add((int) id);
                        }
                    }
                }
            } catch (IOException e) {
                // No such file on this system: nothing to avoid.
            }
        }
        return ids;
    }
}
