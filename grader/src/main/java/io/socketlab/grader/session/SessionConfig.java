package io.socketlab.grader.session;

import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.process.Sandbox;
import io.socketlab.grader.process.Target;
import java.nio.file.Path;
import java.util.List;

/**
 * What to grade and how.
 *
 * @param exercises exercise ids, in the order to grade them
 * @param seed      seeds every random choice (printed so a run can be replayed)
 * @param tempRoot  the folder in which the session makes its own folder (created if missing), where programs get
 *                  their private folders; the session's folder is removed when the session ends
 * @param sandbox   where every program runs ({@code --sandbox none|ns|docker})
 */
public record SessionConfig(Target target, List<String> exercises, long seed, Lang lang, Timeouts timeouts,
                            Path tempRoot, Sandbox sandbox) {

    public SessionConfig {
        exercises = List.copyOf(exercises);
        sandbox = sandbox != null ? sandbox : Sandbox.NONE;
    }

    /** Programs run as plain processes, without a sandbox. */
    public SessionConfig(Target target, List<String> exercises, long seed, Lang lang, Timeouts timeouts,
                         Path tempRoot) {
        this(target, exercises, seed, lang, timeouts, tempRoot, Sandbox.NONE);
    }

    /** The same configuration with its programs run in {@code sandbox}. */
    public SessionConfig withSandbox(Sandbox sandbox) {
        return new SessionConfig(target, exercises, seed, lang, timeouts, tempRoot, sandbox);
    }
}
