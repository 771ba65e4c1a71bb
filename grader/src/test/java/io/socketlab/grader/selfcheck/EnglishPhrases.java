package io.socketlab.grader.selfcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The English a report could show, as phrases of a few words, taken from the grader's own catalogue: the English
 * {@code messages.properties} bundles (titles, hints, the reports' headings and labels) and the English halves of
 * every {@code Text.of("en", "es")} and {@code Text.format("en", "es", ...)} in the grader's sources, and every other
 * string literal of those sources (English that reaches a report without a Spanish half is a leak). A phrase is
 * kept only when it reads as English prose (it holds an English function word such as "the", "of", "within") and
 * appears nowhere in the Spanish side of the catalogue: protocol words ("ERR nick-taken"), identifiers, commands
 * and words both languages share are not English leaks.
 *
 * <p>Texts are compared as sequences of lower-case words, punctuation and spacing ignored, so a phrase is found
 * wherever a report renders it: a console line, a JSON string, an HTML cell.
 */
final class EnglishPhrases {

    /** Long fragments are cut into windows of this many words: a leak shows in any part of it. */
    private static final int WINDOW = 5;

    /** Words that make a phrase English prose; none of them is a Spanish word. */
    private static final Set<String> ENGLISH = Set.of("the", "of", "to", "in", "on", "at", "for", "with", "without",
            "from", "by", "after", "before", "within", "and", "or", "but", "not", "is", "was", "were", "be", "been",
            "it", "its", "their", "this", "that", "then", "than", "as", "only", "more", "any", "every", "each", "all",
            "got", "expected", "still", "until", "did", "does", "has", "had", "have", "which", "what", "when",
            "while", "who", "your", "you", "an", "are", "so", "if", "into", "one", "two", "never", "nothing",
            "cannot", "could", "should", "must", "will", "would", "there", "because", "since", "yet", "also", "about",
            "between", "other", "same", "such", "these", "those", "how", "why", "where", "out");

    /** The fields of results.json and classroom50/result.json that a student reads. */
    private static final Set<String> READ = Set.of("output", "name", "test-name", "message");

    /** Data as the reports quote it ({@code "MSG bob just one line\\n"}): the program's or the test's, not prose. */
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*\"");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\n]|\\\\.)*)\"");
    private static final Pattern TEXT_CALL = Pattern.compile("Text\\.(of|format)\\(");
    /** Where a format's argument goes, or a line break: a phrase never spans one. */
    private static final Pattern BREAK = Pattern.compile("%[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]|\\{\\d+}|\\n|\\\\n");

    private final Map<String, String> phrases;

    private EnglishPhrases(Map<String, String> phrases) {
        this.phrases = phrases;
    }

    /** The phrases of the grader under {@code home} (the repository). */
    static EnglishPhrases fromCatalogue(Path home) throws IOException {
        List<String[]> pairs = new ArrayList<>();
        Path main = home.resolve("grader/src/main");
        try (Stream<Path> files = Files.walk(main.resolve("resources"))) {
            for (Path english : files.filter(f -> f.getFileName().toString().equals("messages.properties")).toList()) {
                Properties en = load(english);
                Properties es = load(english.resolveSibling("messages_es.properties"));
                en.stringPropertyNames().forEach(key -> pairs.add(new String[] {en.getProperty(key),
                        es.getProperty(key, ""), english.toString()}));
            }
        }
        List<String[]> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main.resolve("java"))) {
            for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                String name = source.getFileName().toString();
                pairs.addAll(textCalls(code, name));
                literals(code).forEach(literal -> literals.add(new String[] {literal, "", name}));
            }
        }
        // Any other literal may be English written to a report without a Spanish half (a transcript note, a
        // harness message): it counts as English unless it is the Spanish half of a text.
        Set<String> spanishHalves = new HashSet<>();
        pairs.forEach(pair -> spanishHalves.addAll(Arrays.asList(BREAK.split(pair[1]))));
        literals.stream().filter(l -> !spanishHalves.contains(l[0])).forEach(pairs::add);
        StringBuilder allSpanish = new StringBuilder();
        pairs.forEach(pair -> allSpanish.append(' ').append(words(pair[1])).append(" |"));
        String spanish = allSpanish.toString();
        Map<String, String> phrases = new LinkedHashMap<>();
        for (String[] pair : pairs) {
            for (String fragment : BREAK.split(pair[0])) {
                List<String> words = Arrays.asList(words(fragment).split(" "));
                if (words.size() < 2) {
                    continue;
                }
                for (int from = 0; from + Math.min(WINDOW, words.size()) <= words.size(); from++) {
                    List<String> window = words.subList(from, from + Math.min(WINDOW, words.size()));
                    String phrase = String.join(" ", window);
                    if (isProse(window) && !spanish.contains(" " + phrase + " ")) {
                        phrases.putIfAbsent(phrase, pair[2]);
                    }
                }
            }
        }
        return new EnglishPhrases(phrases);
    }

    int size() {
        return phrases.size();
    }

    /** Each phrase found in {@code text} outside quoted data, with where it comes from and where it shows. */
    List<String> foundIn(String text) {
        String words = " " + words(QUOTED.matcher(text).replaceAll(" ")) + " ";
        Set<String> found = new TreeSet<>();
        phrases.forEach((phrase, source) -> {
            int at = words.indexOf(" " + phrase + " ");
            if (at >= 0) {
                String around = words.substring(Math.max(0, at - 60),
                        Math.min(words.length(), at + phrase.length() + 60));
                found.add("\"" + phrase + "\" (from " + source + ") in: ..." + around.strip() + "...");
            }
        });
        return new ArrayList<>(found);
    }

    /** A report file as its reader sees it: JSON's strings, HTML (without its style) and XML with entities decoded. */
    static String readable(Path file) throws IOException {
        String text = Files.readString(file);
        if (file.toString().endsWith(".json")) {
            StringBuilder strings = new StringBuilder();
            collect(new ObjectMapper().readTree(text), strings);
            return strings.toString();
        }
        if (file.toString().endsWith(".html") || file.toString().endsWith(".xml")) {
            // Tags stay (attributes hold text too: junit.xml's messages); their names are not English prose.
            return text.replaceAll("(?s)<(style|script)\\b.*?</\\1>", " ").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        }
        return text;
    }

    /** The strings a student reads; the others are identifiers for machines (verdict, status, tags, ids). */
    private static void collect(JsonNode node, StringBuilder strings) {
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual() && READ.contains(field.getKey())) {
                strings.append(field.getValue().textValue()).append('\n');
            }
        });
        node.forEach(child -> collect(child, strings));
    }

    private static boolean isProse(List<String> window) {
        boolean english = window.stream().anyMatch(ENGLISH::contains);
        boolean word = window.stream().anyMatch(w -> !ENGLISH.contains(w) && w.length() >= 3
                && w.chars().allMatch(Character::isLetter));
        return english && word;
    }

    /** Lower-case words separated by one space. */
    private static String words(String text) {
        StringBuilder out = new StringBuilder();
        var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(matcher.group());
        }
        return out.toString();
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    /**
     * The (English, Spanish, source) of every {@code Text.of}/{@code Text.format} call in {@code source}: each
     * argument's string literals, a non-literal operand ({@code "at " + port}) read as a break.
     */
    private static List<String[]> textCalls(String source, String name) {
        List<String[]> pairs = new ArrayList<>();
        var call = TEXT_CALL.matcher(source);
        while (call.find()) {
            int[] at = {call.end()};
            String en = argument(source, at);
            if (at[0] < source.length() && source.charAt(at[0]) == ',') {
                at[0]++;
                String es = argument(source, at);
                pairs.add(new String[] {en, es, name});
            }
        }
        return pairs;
    }

    /** Every string literal of {@code source}, each on its own. */
    private static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        var literal = LITERAL.matcher(source);
        while (literal.find()) {
            literals.add(literal.group(1).replace("\\\\", "\\").replace("\\\"", "\""));
        }
        return literals;
    }

    /** One argument's literals, joined; non-literal operands become line breaks. Leaves {@code at} on , or ). */
    private static String argument(String source, int[] at) {
        StringBuilder literals = new StringBuilder();
        int depth = 0;
        int i = at[0];
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"') {
                StringBuilder literal = new StringBuilder();
                i++;
                while (i < source.length() && source.charAt(i) != '"') {
                    if (source.charAt(i) == '\\' && i + 1 < source.length()) {
                        char escaped = source.charAt(++i);
                        literal.append(escaped == 'n' ? '\n' : escaped == '\\' ? '\\' : escaped);
                    } else {
                        literal.append(source.charAt(i));
                    }
                    i++;
                }
                if (depth == 0) {
                    literals.append(literal);
                }
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            } else if (depth == 0 && !Character.isWhitespace(c) && c != '+') {
                literals.append('\n');
            }
            i++;
        }
        at[0] = i;
        return literals.toString();
    }
}
