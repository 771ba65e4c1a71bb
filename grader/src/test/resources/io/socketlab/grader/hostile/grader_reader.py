"""Hostile sockets client: tries to read the grader's own files (its jar, its classes and sources: the hidden
tests). Whatever it can read is printed on stdout; then it behaves."""
import os
import hostile

for path in hostile.probe()["grader_files"]:
    try:
        if os.path.isdir(path):
            found = [os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs]
            if found:
                with open(found[0], "rb") as f:
                    f.read(1)
                hostile.escaped("read " + found[0])
        else:
            with open(path, "rb") as f:
                f.read(1)
            hostile.escaped("read " + path)
    except OSError:
        pass
hostile.connect()
