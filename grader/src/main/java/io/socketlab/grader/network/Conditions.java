package io.socketlab.grader.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the relay does in each direction, plus exact drop rules applied before the random impairments. */
public record Conditions(Impairment toServer, Impairment toClient, List<DropRule> dropRules) {

    public Conditions {
        Objects.requireNonNull(toServer, "toServer");
        Objects.requireNonNull(toClient, "toClient");
        dropRules = List.copyOf(dropRules);
    }

    /** Every datagram forwarded at once, exactly once, both ways. */
    public static Conditions perfect() {
        return new Conditions(Impairment.none(), Impairment.none(), List.of());
    }

    /** The same random loss, duplication and reordering delay in both directions. */
    public static Conditions lossy(double drop, double duplicate, Duration maxReorderDelay) {
        Impairment both = Impairment.lossy(drop, duplicate, maxReorderDelay);
        return new Conditions(both, both, List.of());
    }

    public Conditions with(DropRule rule) {
        List<DropRule> rules = new ArrayList<>(dropRules);
        rules.add(rule);
        return new Conditions(toServer, toClient, rules);
    }

    public Impairment impairment(Direction direction) {
        return direction == Direction.TO_SERVER ? toServer : toClient;
    }

    @Override
    public String toString() {
        String text = toServer.equals(toClient) ? "both ways: " + toServer
                : "to server: " + toServer + "; to client: " + toClient;
        return dropRules.isEmpty() ? text : text + "; drop rules: " + dropRules;
    }
}
