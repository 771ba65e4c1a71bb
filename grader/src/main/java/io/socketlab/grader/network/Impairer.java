package io.socketlab.grader.network;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded decisions for one direction. Every datagram consumes the same amount of randomness whatever happens to
 * it, so the same seed and the same sequence of datagrams always give the same decisions.
 */
final class Impairer {

    /** A copy to forward after {@code delayNanos}; {@code duplicate} marks the extra copy. */
    record Copy(long delayNanos, boolean duplicate) {}

    private final Impairment impairment;
    private final List<DropRule> rules;
    private final int[] matches;
    private final SplittableRandom random;
    private int burstLeft;

    Impairer(Impairment impairment, List<DropRule> rules, SplittableRandom random) {
        this.impairment = impairment;
        this.rules = rules;
        this.matches = new int[rules.size()];
        this.random = random;
    }

    /** The copies to forward (none: dropped), and the rule that dropped the datagram, if one did. */
    synchronized Decision decide(byte[] datagram) {
        DropRule hit = null;
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).matches().test(datagram) && ++matches[i] == rules.get(i).occurrence() && hit == null) {
                hit = rules.get(i);
            }
        }
        double burst = random.nextDouble();
        double drop = random.nextDouble();
        double duplicate = random.nextDouble();
        long maxDelay = impairment.maxDelay().toNanos();
        long firstDelay = maxDelay == 0 ? 0 : random.nextLong(maxDelay + 1);
        long secondDelay = maxDelay == 0 ? 0 : random.nextLong(maxDelay + 1);

        if (hit != null) {
            return new Decision(List.of(), hit);
        }
        if (burstLeft > 0) {
            burstLeft--;
            return new Decision(List.of(), null);
        }
        if (burst < impairment.burstStart() && impairment.burstLength() > 0) {
            burstLeft = impairment.burstLength() - 1;
            return new Decision(List.of(), null);
        }
        if (drop < impairment.drop()) {
            return new Decision(List.of(), null);
        }
        List<Copy> copies = new ArrayList<>(2);
        copies.add(new Copy(firstDelay, false));
        if (duplicate < impairment.duplicate()) {
            copies.add(new Copy(secondDelay, true));
        }
        return new Decision(copies, null);
    }

    record Decision(List<Copy> copies, DropRule rule) {}
}
