package io.socketlab.grader.session;

import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.target.Target;
import java.nio.file.Path;
import java.util.List;

/**
 * What to grade and how.
 *
 * @param exercises exercise ids, in the order to grade them
 * @param seed      seeds every random choice (printed so a run can be replayed)
 * @param tempRoot  where programs get their private folders; removed when the session ends
 */
public record SessionConfig(Target target, List<String> exercises, long seed, Lang lang, Timeouts timeouts,
                            Path tempRoot) {

    public SessionConfig {
        exercises = List.copyOf(exercises);
    }
}
