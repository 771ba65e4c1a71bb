#!/bin/sh
# Grades your programs locally as every push is graded: builds them, builds the course's public grader from
# ${SOCKETLAB_UPSTREAM} at ${SOCKETLAB_REF} (once, into .socketlab/), checks its digest, and runs it.
#   ./grade.sh                              your Java programs in student-template/
#   ./grade.sh my.properties                programs in any language, started as the manifest says
#   ./grade.sh --exercises echo --lang es   any other option goes to the grader (also after a manifest)
# Needs: a JDK 17 or newer, Maven 3.8 or newer and git, and network access to github.com/${SOCKETLAB_UPSTREAM}
# (the first run fetches and builds the grader) and to Maven Central (the grader's dependencies).
set -eu
cd "$(dirname "$0")"
upstream=${SOCKETLAB_UPSTREAM}
ref=${SOCKETLAB_REF}
sha256=${SOCKETLAB_GRADER_SHA256}
# The grader runs where it was built: cross-tests take their reference peer from beside it.
tree=.socketlab/upstream-$ref
jar=$tree/grader/target/socketlab-grader-public.jar

# What is graded: a manifest, as the first argument or after --target; else the Java template.
target=student
case "${1:-}" in
  *.properties) target=$1; shift ;;
esac
for arg in "$@"; do
  case "$arg" in
    --target|--target=*)
      echo "grade.sh: give the manifest as the first argument (./grade.sh my.properties), not with --target" >&2
      exit 2 ;;
  esac
done
if [ "$target" != student ] && [ ! -f "$target" ]; then
  echo "grade.sh: no such manifest: $target" >&2
  exit 2
fi

if [ "$target" = student ]; then
  mvn -B -q -pl student-template -am package -DskipTests
fi

if [ ! -f "$jar" ]; then
  echo "building the course's grader from $upstream at $ref (once)..."
  rm -rf "$tree"
  git init -q "$tree"
  git -C "$tree" fetch -q --depth 1 "https://github.com/$upstream.git" "$ref"
  git -C "$tree" checkout -q FETCH_HEAD
  mvn -B -q -f "$tree/pom.xml" -pl grader -am package -DskipTests
fi

actual=$( (sha256sum "$jar" 2>/dev/null || shasum -a 256 "$jar") | cut -d ' ' -f 1)
if [ -n "$sha256" ] && [ "$actual" != "$sha256" ]; then
  echo "grade.sh: the grader built from $upstream at $ref has SHA-256 $actual, not the pinned $sha256" >&2
  echo "          (a different JDK than 17 can compile different bytes; the grade of your pushes is what counts)" >&2
fi

exec java -Dsocketlab.home="$PWD" -jar "$jar" grade --target "$target" --out target/grade-report "$@"
