package io.socketlab.grader.regrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketlab.grader.regrade.Roster.Student;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rosters as Classroom 50 and spreadsheets write them, and what is refused. */
class RosterTests {

    @Test
    void aClassroom50RosterFindsRepositoriesThroughThePattern(@TempDir Path dir) throws Exception {
        Path roster = Files.writeString(dir.resolve("roster.csv"), "\uFEFFusername,first_name,last_name,email,section,"
                + "github_id,role\nalice,Alice,\"Liddell, A.\",a@example.org,1,123,student\n\nbob,Bob,B,b@x.org,2,0,\n");
        assertThat(Roster.read(roster, "https://github.com/uni/sockets-fall-echo-{username}")).containsExactly(
                new Student("alice", "https://github.com/uni/sockets-fall-echo-alice", "Alice", "Liddell, A.", "1"),
                new Student("bob", "https://github.com/uni/sockets-fall-echo-bob", "Bob", "B", "2"));
    }

    @Test
    void aRepoColumnHoldsUrlsOrPathsRelativeToTheRoster(@TempDir Path dir) throws Exception {
        Path roster = Files.writeString(dir.resolve("roster.csv"),
                "username,repo\nalice,git@github.com:uni/a.git\nbob,repos/bob\n");
        assertThat(Roster.read(roster, null)).extracting(Student::repository)
                .containsExactly("git@github.com:uni/a.git", dir.resolve("repos/bob").toString());
    }

    @Test
    void badRostersAreRefusedNamingTheLine(@TempDir Path dir) throws Exception {
        Path noPattern = Files.writeString(dir.resolve("a.csv"), "username,first_name\nalice,Alice\n");
        assertThatThrownBy(() -> Roster.read(noPattern, null)).hasMessageContaining("line 2: no repository for 'alice'");
        Path twice = Files.writeString(dir.resolve("b.csv"), "username,repo\nalice,a\nALICE,b\n");
        assertThatThrownBy(() -> Roster.read(twice, null)).hasMessageContaining("line 3: username 'ALICE' is also on line 2");
        Path hostile = Files.writeString(dir.resolve("c.csv"), "username,repo\n../etc,a\n");
        assertThatThrownBy(() -> Roster.read(hostile, null)).hasMessageContaining("username '../etc' is not");
        Path header = Files.writeString(dir.resolve("d.csv"), "login,repo\nalice,a\n");
        assertThatThrownBy(() -> Roster.read(header, null)).hasMessageContaining("has no 'username' column");
        assertThatThrownBy(() -> Roster.read(header, "https://github.com/uni/x"))
                .hasMessageContaining("--repo-pattern 'https://github.com/uni/x' has no {username}");
    }
}
