package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LimitsTests {

    @Test
    void theDefaultsFitAStudentProgramAndReadBackAsTheyAreWritten() {
        assertThat(Limits.DEFAULT.toString()).isEqualTo("memory=512m,pids=256,cpu=120s,fsize=256m,nofile=1024,cpus=1");
        assertThat(Limits.DEFAULT.with(Limits.DEFAULT.toString())).isEqualTo(Limits.DEFAULT);
    }

    @Test
    void anInstructorChangesOnlyTheLimitsNamed() {
        Limits limits = Limits.DEFAULT.with("memory=1g, pids=128,cpu=2m,fsize=64m,cpus=0.5");

        assertThat(limits.memoryBytes()).isEqualTo(1L << 30);
        assertThat(limits.pids()).isEqualTo(128);
        assertThat(limits.cpuSeconds()).isEqualTo(120);
        assertThat(Limits.DEFAULT.with("cpu=45s").cpuSeconds()).isEqualTo(45);
        assertThat(limits.fsizeBytes()).isEqualTo(64L << 20);
        assertThat(limits.nofile()).isEqualTo(Limits.DEFAULT.nofile());
        assertThat(limits.cpusText()).isEqualTo("0.5");
    }

    @Test
    void sizesReadInPowersOf1024() {
        assertThat(Limits.DEFAULT.with("memory=768MiB").memoryBytes()).isEqualTo(768L << 20);
        assertThat(Limits.DEFAULT.with("memory=2G").memoryBytes()).isEqualTo(2L << 30);
        assertThat(Limits.humanBytes(512L << 20)).isEqualTo("512 MiB");
        assertThat(Limits.humanBytes(3L << 29)).isEqualTo("1.5 GiB");
    }

    @Test
    void whatCannotBeReadIsRefusedNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.DEFAULT.with("memory=lots"))
                .withMessageContaining("--limit memory must be a size such as 512m or 1g, got 'lots'");
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.DEFAULT.with("swap=1g"))
                .withMessageContaining("unknown limit 'swap'");
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.DEFAULT.with("pids"))
                .withMessageContaining("expected NAME=VALUE");
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.DEFAULT.with("pids=2"))
                .withMessageContaining("limits too small");
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.DEFAULT.with("cpus=NaN"))
                .withMessageContaining("limits too small");
    }

    @Test
    void aBreachSaysWhichLimitInBothLanguages() {
        LimitBreach memory = LimitBreach.memory(Limits.DEFAULT);

        assertThat(memory.description().en()).isEqualTo("killed by the sandbox: it used more than 512 MiB of memory");
        assertThat(memory.description().es()).isEqualTo("terminado por el sandbox: usó más de 512 MiB de memoria");
        assertThat(LimitBreach.pids(Limits.DEFAULT).description().en()).contains("256 processes and threads");
        assertThat(LimitBreach.cpu(Limits.DEFAULT).description().es()).contains("120 s de tiempo de CPU");
        assertThat(LimitBreach.fsize(Limits.DEFAULT).description().en()).contains("a file of more than 256 MiB");
    }
}
