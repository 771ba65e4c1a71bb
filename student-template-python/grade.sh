#!/bin/sh
# Grades your Python programs on this machine as the course grades them: gets the course's grader (built once
# from ${SOCKETLAB_UPSTREAM} at ${SOCKETLAB_REF} into .socketlab/, its SHA-256 checked), then grades the
# programs a manifest names, socketlab.properties unless you name another one first. Other arguments go to the
# grader:
#   ./grade.sh
#   ./grade.sh --exercises echo --lang es
#   ./grade.sh my.properties --exercises chat
# Needs python3 (your programs), and to build the grader a JDK 17 or newer, Maven 3.8 or newer, git, and
# network access to the course's repository. Reports go to grade-report/ unless you pass --out DIR.
set -eu

# Pinned by the course's export; left as they are (unfilled) inside the SocketLab repository itself, where the
# grader is built from that repository's own grader/ instead.
upstream='${SOCKETLAB_UPSTREAM}'
ref='${SOCKETLAB_REF}'
sha256='${SOCKETLAB_GRADER_SHA256}'

here=$(cd "$(dirname "$0")" && pwd)
manifest=$here/socketlab.properties
case ${1:-} in
  /*.properties) manifest=$1; shift ;;
  *.properties) manifest=$PWD/$1; shift ;;
esac
target_given=false
out_given=false
for arg in "$@"; do
  case $arg in
    --target|--target=*) target_given=true ;;
    --out|--out=*) out_given=true ;;
  esac
done
if ! $target_given && [ ! -f "$manifest" ]; then
  echo "grade.sh: there is no manifest $manifest" >&2
  exit 2
fi
command -v python3 >/dev/null || { echo "grade.sh: python3 is not on the PATH: your programs cannot run" >&2; exit 2; }
command -v java >/dev/null || { echo "grade.sh: java is not on the PATH: the grader needs a JDK 17 or newer" >&2; exit 2; }
cd "$here"

case $upstream in
  '${'*)
    # Inside the SocketLab repository: its own grader, built once from ../grader.
    jar=../grader/target/socketlab-grader.jar
    if [ ! -f "$jar" ]; then
      echo "building the grader of this repository (once)..."
      mvn -B -q -f ../pom.xml -pl grader -am package -DskipTests
    fi
    ;;
  *)
    # The grader is run from its own checkout: the reference built beside it is the peer of the cross-tests.
    checkout=.socketlab/upstream-$(printf %s "$ref" | tr -c 'A-Za-z0-9._-' _)
    jar=$checkout/grader/target/socketlab-grader.jar
    if [ ! -f "$jar" ]; then
      echo "building the course's grader from $upstream at $ref (once)..."
      rm -rf "$checkout"
      git init -q "$checkout"
      git -C "$checkout" fetch -q --depth 1 "https://github.com/$upstream.git" "$ref"
      git -C "$checkout" checkout -q FETCH_HEAD
      mvn -B -q -f "$checkout/pom.xml" -pl grader -am package -DskipTests
    fi
    actual=$( (sha256sum "$jar" 2>/dev/null || shasum -a 256 "$jar") | cut -d ' ' -f 1)
    if [ -n "$sha256" ] && [ "$actual" != "$sha256" ]; then
      echo "grade.sh: the grader built from $upstream at $ref has SHA-256 $actual, not the pinned $sha256" >&2
      echo "          (a different JDK than 17 can compile different bytes; the grade of your pushes is what counts)" >&2
    fi
    ;;
esac

$out_given || set -- --out grade-report "$@"
$target_given || set -- --target "$manifest" "$@"
exec java -jar "$jar" grade "$@"
