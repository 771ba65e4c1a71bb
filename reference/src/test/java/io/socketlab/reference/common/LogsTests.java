package io.socketlab.reference.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** --log-level: which loggers it turns on, what it refuses, and the one line each record becomes. */
class LogsTests {

    private static final String BASE = "io.socketlab.reference.";

    @AfterEach
    void backToTheDefaults() {
        Logs.configure(null);
    }

    @Test
    void byDefaultOnlyWarningsShow() {
        Logs.configure(null);

        assertThat(logger("chat.ChatRoom").isLoggable(Level.WARNING)).isTrue();
        assertThat(logger("chat.ChatRoom").isLoggable(Level.INFO)).isFalse();
    }

    @Test
    void anExerciseAndOneOfItsClassesGetTheirOwnLevels() {
        // Created first, as a class's static field would be, before the option is read.
        Logger session = logger("chat.ChatSession");
        Logger room = logger("chat.ChatRoom");
        Logger echo = logger("echo.EchoTcpSession");

        Logs.configure("chat=FINE, chat.ChatRoom=finest");

        assertThat(session.isLoggable(Level.FINE)).isTrue();
        assertThat(session.isLoggable(Level.FINER)).isFalse();
        assertThat(room.isLoggable(Level.FINEST)).isTrue();
        assertThat(echo.isLoggable(Level.INFO)).as("another exercise keeps the default").isFalse();
        assertThat(logger("chat.Outbox").isLoggable(Level.FINE)).as("a logger created afterwards").isTrue();
    }

    @Test
    void aLevelAloneIsEveryProgramsLevelButNotTheJdks() {
        Logs.configure("INFO");

        assertThat(logger("udptransfer.Transfers").isLoggable(Level.INFO)).isTrue();
        assertThat(Logger.getLogger("sun.net.www.protocol.http").isLoggable(Level.INFO)).isFalse();
    }

    @Test
    void refusesAnUnknownLevelOrANameThatIsNoLogger() {
        assertThatThrownBy(() -> Logs.configure("chat=LOUD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chat=LOUD").hasMessageContaining("FINE");
        assertThatThrownBy(() -> Logs.configure("chat room=FINE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chat room");
    }

    @Test
    void aBadLevelIsAUsageErrorOfEveryProgram() {
        assertThatThrownBy(() -> Args.parse("EchoServer --port N", new String[] {"--port", "1", "--log-level", "x=y"},
                Set.of("--port"), Set.of()))
                .isInstanceOfSatisfying(Failure.class, failure -> assertThat(failure.exitCode()).isEqualTo(Failure.USAGE))
                .hasMessageContaining("--log-level").hasMessageContaining("usage: EchoServer");
    }

    @Test
    void aRecordIsOneLineWithTheShortLoggerName() {
        LogRecord record = new LogRecord(Level.FINE, "alice joined");
        record.setLoggerName(BASE + "chat.ChatRoom");
        record.setInstant(Instant.parse("2026-01-01T12:00:00Z"));

        String line = new Logs.OneLine().format(record);

        assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} FINE    chat\\.ChatRoom alice joined\\R");
    }

    private static Logger logger(String relativeName) {
        return Logger.getLogger(BASE + relativeName);
    }
}
