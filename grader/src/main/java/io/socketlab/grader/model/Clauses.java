package io.socketlab.grader.model;

/** Spec clause ids such as {@code ECHO-4}: the exercise's prefix and a number. */
public final class Clauses {

    private Clauses() {
    }

    /** The clause's number ({@code SOCK-10} gives 10), or {@link Integer#MAX_VALUE} when it has none: sorts last. */
    public static int number(String clause) {
        String number = clause.replaceAll("^.*-", "");
        return number.matches("\\d+") ? Integer.parseInt(number) : Integer.MAX_VALUE;
    }
}
