package io.socketlab.reference.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command line every program shares: options, flags, positionals, and one-line usage errors (exit 2). */
class ArgsTests {

    private static final String USAGE = "EchoClient --host H --port N [--udp] [--timeout-ms T]";
    private static final Set<String> VALUED = Set.of("--host", "--port", "--timeout-ms");

    @AfterEach
    void loggingBackToItsDefaults() {
        Logs.configure(null); // every parse applies --log-level
    }

    @Test
    void readsOptionsFlagsAndPositionalsInAnyOrder() throws Failure {
        Args args = parse("a", "--port", "7", "--udp", "--", "--not-an-option");

        assertThat(args.serverAddress().getPort()).isEqualTo(7);
        assertThat(args.serverAddress().getHostString()).isEqualTo("127.0.0.1");
        assertThat(args.flag("--udp")).isTrue();
        assertThat(args.positionals()).containsExactly("a", "--not-an-option");
        assertThat(args.intValue("--timeout-ms", 1000, 1, Integer.MAX_VALUE)).isEqualTo(1000);
    }

    @Test
    void everyMistakeIsAUsageErrorThatQuotesTheSynopsis() {
        expectUsageError(() -> parse("--colour", "red"), "unknown option --colour");
        expectUsageError(() -> parse("--port"), "--port needs a value");
        expectUsageError(() -> parse().serverAddress(), "--port is required");
        expectUsageError(() -> parse("--port", "65536").serverAddress(), "--port must be a whole number from 1 to 65535");
        expectUsageError(() -> parse("--port", "1", "--timeout-ms", "-5").intValue("--timeout-ms", 1, 1, 10),
                "not -5");
        expectUsageError(() -> parse("--port", "99999999999999999999").serverAddress(), "not 99999999999999999999");
        expectUsageError(() -> parse("extra").expectNoPositionals(), "unexpected argument extra");
    }

    private static Args parse(String... argv) throws Failure {
        return Args.parse(USAGE, argv, VALUED, Set.of("--udp"));
    }

    private static void expectUsageError(ThrowingCallable call, String problem) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Failure.class,
                        failure -> assertThat(failure.exitCode()).isEqualTo(Failure.USAGE))
                .hasMessageContaining(problem).hasMessageEndingWith("(usage: " + USAGE + ")")
                .hasMessageNotContaining("\n");
    }
}
