"""SocketLab autograder for Classroom 50.

Classroom 50's runner runs this file once per submission, with the student's checkout as the working directory
and the submission's identity in the environment (CLASSROOM, ASSIGNMENT, SUBMISSION_TAG, OWNER, COMMIT_URL,
RELEASE_URL, REVIEW_URL, ...). It:

1. fetches the course's grader at the pinned ref (socketlab.json, beside this file) and builds its public jar,
   which carries the public suites only, then checks the jar's SHA-256 against the pinned one;
2. compiles the student's Java sources with the course's own poms (sibling files: the student's pom.xml never
   runs, and annotation processing is off, so no student code runs at build time), or, when the checkout has a
   socketlab.properties manifest at its root, takes the programs it names;
3. grades them in the sandbox, the grader writing Classroom 50's result.json and release-body.md;
4. copies those two files to the checkout, sets status and summary in $GITHUB_OUTPUT, and exits 0 whenever
   grading ran (a harness error is the contract's error result, with status=error).

It exits 1 only when it could not grade at all (the grader's build failed or its digest differs): the runner
then publishes its own error result. Written by `socketlab-grader export-classroom50`; edit socketlab.json, not
this file.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
CONFIG = json.loads((HERE / "socketlab.json").read_text(encoding="utf-8"))
PUBLIC_JAR = "grader/target/socketlab-grader-public.jar"
# Exit codes of the grader: 0 full marks, 1 points lost (both a score), 2 bad usage, 3 harness error.
SCORED = (0, 1)
HARNESS_ERROR = 3


def log(message):
    print(f"socketlab: {message}", flush=True)


def run(command, **kwargs):
    log("$ " + " ".join(str(part) for part in command))
    return subprocess.run([str(part) for part in command], check=False, **kwargs)


def output(status, summary):
    """The commit status and summary line Classroom 50 shows, in $GITHUB_OUTPUT."""
    target = os.environ.get("GITHUB_OUTPUT")
    if target:
        with open(target, "a", encoding="utf-8") as sink:
            sink.write(f"status={status}\nsummary={summary.replace(chr(10), ' ')}\n")


def fail(message):
    """Could not grade at all: say why; the runner publishes the contract's error result."""
    print(f"::error::SocketLab: {message}", file=sys.stderr, flush=True)
    output("error", f"SocketLab: {message}")
    sys.exit(1)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for block in iter(lambda: data.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_grader(scratch):
    """The pinned upstream, built: returns the public grader jar, its digest checked."""
    tree = scratch / "upstream"
    url = os.environ.get("SOCKETLAB_UPSTREAM_URL") or f"https://github.com/{CONFIG['upstream']}.git"
    for command in (["git", "init", "-q", tree],
                    ["git", "-C", tree, "fetch", "-q", "--depth", "1", url, CONFIG["ref"]],
                    ["git", "-C", tree, "checkout", "-q", "FETCH_HEAD"],
                    ["mvn", "-B", "-q", "-f", tree / "pom.xml", "-pl", "grader", "-am", "package", "-DskipTests"]):
        if run(command).returncode != 0:
            fail(f"could not fetch and build the grader from {CONFIG['upstream']} at {CONFIG['ref']}")
    jar = tree / PUBLIC_JAR
    actual = sha256(jar)
    log(f"public grader built from {CONFIG['upstream']}@{CONFIG['ref']}: sha256 {actual}")
    if actual != CONFIG["grader_sha256"]:
        fail(f"the grader built from {CONFIG['upstream']}@{CONFIG['ref']} has SHA-256 {actual}, "
             f"not the pinned {CONFIG['grader_sha256']}: instructor, export again with the right digest")
    return jar


def build_student(checkout, scratch):
    """The student's Java sources compiled with the course's poms; returns the folder to grade as 'student'."""
    home = scratch / "student"
    module = home / "student-template"
    module.mkdir(parents=True)
    shutil.copyfile(HERE / "student-pom.xml", home / "pom.xml")
    shutil.copyfile(HERE / "student-template-pom.xml", module / "pom.xml")
    sources = checkout / "student-template" / "src"
    if sources.is_dir():
        shutil.copytree(sources, module / "src", symlinks=True)
    # Only plain files and folders: a link could lead the programs to code that is not the student's.
    for path in sorted(module.rglob("*"), reverse=True):
        if path.is_symlink():
            path.unlink()
    built = run(["mvn", "-B", "-q", "-f", home / "pom.xml", "package", "-DskipTests", "-Dmaven.compiler.proc=none"])
    if built.returncode != 0:
        log("the student's code did not compile: every program of it is graded as missing or crashing")
    return home


def submitted_at(checkout):
    """The graded commit's committer date, Classroom 50's submission instant."""
    shown = subprocess.run(["git", "-C", str(checkout), "show", "-s", "--format=%cI", "HEAD"],
                           capture_output=True, text=True, check=False)
    return shown.stdout.strip() if shown.returncode == 0 else ""


def main():
    checkout = Path.cwd()
    scratch = Path(tempfile.mkdtemp(prefix="socketlab-", dir=os.environ.get("RUNNER_TEMP") or None))
    jar = fetch_grader(scratch)
    manifest = checkout / "socketlab.properties"
    if manifest.is_file():
        home, target = checkout, str(manifest)
    else:
        home, target = build_student(checkout, scratch), "student"
    report = scratch / "report"
    env = dict(os.environ, SOCKETLAB_SUBMITTED_AT=submitted_at(checkout))
    sandbox = os.environ.get("SOCKETLAB_SANDBOX") or CONFIG.get("sandbox", "ns")
    graded = run(["java", f"-Dsocketlab.home={home}", "-jar", jar, "grade", "--target", target,
                  "--exercises", CONFIG.get("exercises", "all"), "--lang", CONFIG.get("lang", "en"),
                  "--sandbox", sandbox, "--out", report], env=env)
    result = report / "classroom50" / "result.json"
    if graded.returncode not in SCORED + (HARNESS_ERROR,) or not result.is_file():
        fail(f"the grader stopped with exit code {graded.returncode} before writing a result")
    shutil.copyfile(result, checkout / "result.json")
    shutil.copyfile(report / "classroom50" / "release-body.md", checkout / "release-body.md")
    data = json.loads(result.read_text(encoding="utf-8"))
    if graded.returncode == HARNESS_ERROR:
        output("error", "SocketLab: the grader hit a harness error (not the student's fault); regrade")
    elif graded.returncode == 0:
        output("success", f"SocketLab: {data['score']}/{data['max-score']} (public tests)")
    else:
        output("failure", f"SocketLab: {data['score']}/{data['max-score']} (public tests)")
    log(f"graded: {data['score']}/{data['max-score']}")


if __name__ == "__main__":
    main()
