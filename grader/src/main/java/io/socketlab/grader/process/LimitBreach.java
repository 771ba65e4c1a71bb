package io.socketlab.grader.process;

import io.socketlab.grader.model.Text;

/**
 * A sandbox limit a program ran into, said the way a student reads it: which limit, and how large it was.
 *
 * @param kind        which limit
 * @param description what happened, e.g. "killed by the sandbox: it used more than 512 MiB of memory"
 * @param hint        what to look for in one's own code
 */
public record LimitBreach(Kind kind, Text description, Text hint) {

    /** The limits a program can be seen to break. */
    public enum Kind { MEMORY, PIDS, CPU, FSIZE }

    /** Killed because its tree used more memory than {@link Limits#memoryBytes()}. */
    public static LimitBreach memory(Limits limits) {
        String size = Limits.humanBytes(limits.memoryBytes());
        return new LimitBreach(Kind.MEMORY,
                Text.of("killed by the sandbox: it used more than " + size + " of memory",
                        "terminado por el sandbox: usó más de " + size + " de memoria"),
                Text.of("look for data that grows without bound (a buffer, a list, a whole file read at once)",
                        "busca datos que crecen sin límite (un búfer, una lista, un archivo leído entero de una vez)"));
    }

    /** Could not start one more process or thread: {@link Limits#pids()} were running. */
    public static LimitBreach pids(Limits limits) {
        return new LimitBreach(Kind.PIDS,
                Text.of("it reached the sandbox's limit of " + limits.pids()
                                + " processes and threads at once, and could not start another",
                        "alcanzó el límite del sandbox de " + limits.pids()
                                + " procesos e hilos a la vez y no pudo crear otro"),
                Text.of("look for a loop that starts processes or threads that never end",
                        "busca un bucle que crea procesos o hilos que no terminan"));
    }

    /** Killed by SIGXCPU: one of its processes used {@link Limits#cpuSeconds()} of CPU time. */
    public static LimitBreach cpu(Limits limits) {
        return new LimitBreach(Kind.CPU,
                Text.of("killed by the sandbox: it used more than " + limits.cpuSeconds() + " s of CPU time",
                        "terminado por el sandbox: usó más de " + limits.cpuSeconds() + " s de tiempo de CPU"),
                Text.of("look for a loop that spins instead of waiting on a socket (busy waiting)",
                        "busca un bucle que gira en vez de esperar en un socket (espera activa)"));
    }

    /** A write failed (or SIGXFSZ killed it) at {@link Limits#fsizeBytes()}. */
    public static LimitBreach fsize(Limits limits) {
        String size = Limits.humanBytes(limits.fsizeBytes());
        return new LimitBreach(Kind.FSIZE,
                Text.of("stopped by the sandbox: it wrote a file of more than " + size,
                        "detenido por el sandbox: escribió un archivo de más de " + size),
                Text.of("look for a write loop that never ends, or a file written again and again without truncating",
                        "busca un bucle de escritura que no termina, o un archivo reescrito sin truncarlo"));
    }
}
