package io.socketlab.grader.suites.chat;

import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Facts;
import io.socketlab.grader.probe.Line;
import io.socketlab.grader.probe.TcpProbe;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One chat participant driven by a test: registers, sends commands, and expects lines. The server's news (JOIN,
 * LEAVE) arrive whenever others come and go, so most checks can look past them; a read that is not a reply to what
 * this participant sent names its step, which the conversation cannot.
 */
public final class Chatter {

    /** JOIN and LEAVE notices arrive whenever others come and go; most checks look past them. */
    static final Predicate<String> NOTICE = line -> line.startsWith("JOIN ") || line.startsWith("LEAVE ");

    /** The reply to WHO, the asker always among the nicks. */
    private static final Line USERS = new Line(line -> line.startsWith("USERS "),
            Text.of("USERS and the nicks (the reply to WHO), with no line before it",
                    "USERS y los nicks (la respuesta a WHO), sin ninguna línea antes"));

    final String nick;
    public final TcpProbe probe;

    private Chatter(String nick, TcpProbe probe) {
        this.nick = nick;
        this.probe = probe;
    }

    /** Connects and registers {@code nick}, expecting {@code OK nick}. */
    public static Chatter join(ServerUnderTest server, String nick) throws IOException {
        Chatter chatter = new Chatter(nick, server.connect());
        chatter.probe.sendLine("NICK " + nick).expectLine("OK " + nick);
        return chatter;
    }

    /** Connects without registering. */
    static Chatter anonymous(ServerUnderTest server) {
        return new Chatter(null, server.connect());
    }

    /** Sends {@code line}; the reply, if any, is read with {@link #reply}. */
    public Chatter send(String line) throws IOException {
        probe.sendLine(line);
        return this;
    }

    /** The next line must be {@code expected}: the reply to this participant's last line. */
    Chatter reply(String expected) throws IOException {
        probe.expectLine(expected);
        return this;
    }

    /** The next line must be exactly {@code expected}: news this participant did not ask for. */
    public void expect(Text step, String expected) throws IOException {
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
                throw ConformanceFailure.wrongOutput(step, Facts.quoted(expected), Facts.quoted(line));
            }
        }
    }

    /** Proves nothing else is pending, notices aside: sends WHO and expects USERS as the next reply after notices. */
    void expectNothingPending(Text step) throws IOException {
        send("WHO");
        while (true) {
            String line = probe.readLine(step);
            if (line.startsWith("USERS")) {
                return;
            }
            if (!NOTICE.test(line)) {
                throw ConformanceFailure.wrongOutput(step, Text.format("no line for %s but JOIN or LEAVE, then the reply"
                                + " to WHO", "ninguna línea para %s salvo JOIN o LEAVE, y después la respuesta a WHO", nick),
                        Facts.quoted(line));
            }
        }
    }

    /** The next lines must be {@code expected}, each once, in any order (news from different senders may cross). */
    public void expectEach(Text step, List<String> expected) throws IOException {
        List<String> missing = new ArrayList<>(expected);
        while (!missing.isEmpty()) {
            String line = probe.readLine(step);
            if (!missing.remove(line)) {
                throw ConformanceFailure.wrongOutput(step, Text.format("each of %s, once, in any order",
                        "cada una de %s, una vez, en cualquier orden", ChatFake.render(missing)), Facts.quoted(line));
            }
        }
    }

    /** Proves nothing at all is pending, notices included: sends WHO and expects USERS as the very next line. */
    public void expectNextReplyToWho() throws IOException {
        send("WHO");
        probe.expectLineLike(USERS);
    }

    Duration replyTimeout() {
        return probe.replyTimeout();
    }
}
