package io.socketlab.reference.project;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store and its command language, one line in, one line out: {@code PUT key value}, {@code GET key},
 * {@code DEL key}, {@code SIZE}. Shared by every session, so it is safe to use from many threads.
 */
final class KeyValueStore {

    private final Map<String, String> entries = new ConcurrentHashMap<>();

    /** Runs one command line and returns the reply line (without its line feed). */
    String execute(String line) {
        String[] words = line.strip().split(" ", 3);
        String command = words[0];
        switch (command) {
            case "PUT":
                if (words.length < 3 || words[1].isEmpty()) {
                    return "ERR usage: PUT <key> <value>";
                }
                entries.put(words[1], words[2]);
                return "OK";
            case "GET":
                if (words.length != 2) {
                    return "ERR usage: GET <key>";
                }
                String value = entries.get(words[1]);
                return value == null ? "ERR not-found" : "VALUE " + value;
            case "DEL":
                if (words.length != 2) {
                    return "ERR usage: DEL <key>";
                }
                return entries.remove(words[1]) == null ? "ERR not-found" : "OK";
            case "SIZE":
                return "SIZE " + entries.size();
            default:
                return "ERR unknown-command " + command;
        }
    }
}
