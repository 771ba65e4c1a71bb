"""Hostile sockets client: tries to forge the grader's report (a new file in the report folder, and appending to
one there) and to write into the repository and into its own code folder. What it manages is printed on stdout;
then it behaves."""
import os
import hostile

probe = hostile.probe()
targets = [os.path.join(probe["report_dir"], "forged-" + probe["marker"] + ".json"),
           probe["repository_file"],
           os.path.join(hostile.HERE, "forged-" + probe["marker"] + ".py")]
for path in targets:
    try:
        with open(path, "x") as f:
            f.write("forged\n")
        hostile.escaped("wrote " + path)
    except OSError:
        pass
try:
    with open(probe["report_sentinel"], "a") as f:
        f.write("forged\n")
    hostile.escaped("appended to " + probe["report_sentinel"])
except OSError:
    pass
hostile.connect()
