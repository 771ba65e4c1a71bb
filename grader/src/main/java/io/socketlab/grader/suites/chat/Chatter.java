package io.socketlab.grader.suites.chat;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.conformance.ServerUnderTest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** One chat participant driven by a test: registers, sends commands, and expects lines, skipping notices it may get. */
final class Chatter {

    /** JOIN and LEAVE notices arrive whenever others come and go; most checks look past them. */
    static final Predicate<String> NOTICE = line -> line.startsWith("JOIN ") || line.startsWith("LEAVE ");
    private static final Pattern USERS = Pattern.compile("USERS( .*)?");

    final String nick;
    final TcpProbe probe;

    private Chatter(String nick, TcpProbe probe) {
        this.nick = nick;
        this.probe = probe;
    }

    /** Connects and registers {@code nick}, expecting {@code OK nick}. */
    static Chatter join(ServerUnderTest server, String nick) throws IOException {
        Chatter chatter = new Chatter(nick, server.connect());
        chatter.send("NICK " + nick);
        chatter.expect(Text.of("reply to NICK " + nick, "respuesta a NICK " + nick), "OK " + nick);
        return chatter;
    }

    /** Connects without registering. */
    static Chatter anonymous(ServerUnderTest server) {
        return new Chatter(null, server.connect());
    }

    void send(String line) throws IOException {
        probe.sendLine(line);
    }

    /** The next line must be exactly {@code expected}. */
    void expect(Text step, String expected) throws IOException {
        probe.expectLine(step, expected);
    }

    /** Reads lines until {@code expected}, skipping those {@code skippable} accepts; any other line fails. */
    void expectSkipping(Text step, String expected, Predicate<String> skippable) throws IOException {
        while (true) {
            String line = probe.readLine(step);
            if (line.equals(expected)) {
                return;
            }
            if (!skippable.test(line)) {
                throw ConformanceFailure.wrongOutput(step, Bytes.quote(expected), Bytes.quote(line));
            }
        }
    }

    /** Proves nothing else is pending: sends WHO and expects USERS (after notices) as the very next reply. */
    void expectNothingPending(Text step) throws IOException {
        send("WHO");
        while (true) {
            String line = probe.readLine(step);
            if (line.startsWith("USERS")) {
                return;
            }
            if (!NOTICE.test(line)) {
                throw ConformanceFailure.wrongOutput(step, "no line for " + nick + " (then USERS ... for WHO)",
                        Bytes.quote(line));
            }
        }
    }

    /** The next lines must be {@code expected}, each once, in any order (news from different senders may cross). */
    void expectEach(Text step, List<String> expected) throws IOException {
        List<String> missing = new ArrayList<>(expected);
        while (!missing.isEmpty()) {
            String line = probe.readLine(step);
            if (!missing.remove(line)) {
                throw ConformanceFailure.wrongOutput(step, "each of " + missing + ", once, in any order", Bytes.quote(line));
            }
        }
    }

    /** Proves nothing at all is pending, notices included: sends WHO and expects USERS as the very next line. */
    void expectNextReplyToWho(Text step) throws IOException {
        send("WHO");
        probe.expectLineMatching(step, USERS, "USERS ... (the reply to WHO, with no line before it)");
    }

    Duration replyTimeout() {
        return probe.replyTimeout();
    }
}
