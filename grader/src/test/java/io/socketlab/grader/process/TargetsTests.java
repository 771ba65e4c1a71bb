package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketlab.grader.model.Program;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Where {@code reference}, {@code student} and the cross-tests' peer reference come from. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class TargetsTests {

    private final String home = System.getProperty("socketlab.home");

    @AfterEach
    void restoreHome() {
        if (home == null) {
            System.clearProperty("socketlab.home");
        } else {
            System.setProperty("socketlab.home", home);
        }
    }

    @Test
    void thePeerReferenceComesFromBesideTheGraderEvenWhenTheHomeIsAStudentsFork(@TempDir Path fork) {
        // A student's repository: a template and no reference, graded by a grader built elsewhere.
        System.setProperty("socketlab.home", fork.toString());

        Target peer = Targets.peerReference();

        assertThat(peer.program("udp-transfer", Program.CLIENT)).isPresent();
        assertThat(peer.program("udp-transfer", Program.CLIENT).orElseThrow().toString())
                .doesNotContain(fork.toString());
        assertThatThrownBy(() -> Targets.resolve(Targets.REFERENCE).program("udp-transfer", Program.CLIENT))
                .isInstanceOf(RuntimeException.class);
    }
}
