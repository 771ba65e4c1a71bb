#!/bin/sh
# Grades your programs locally exactly as every push is graded: builds them, builds the course's grader from
# ${SOCKETLAB_UPSTREAM} at ${SOCKETLAB_REF} (once, into .socketlab/), checks its digest, and runs it.
# Arguments go to the grader: ./grade.sh --exercises echo --lang es
set -eu
cd "$(dirname "$0")"
upstream=${SOCKETLAB_UPSTREAM}
ref=${SOCKETLAB_REF}
sha256=${SOCKETLAB_GRADER_SHA256}
jar=.socketlab/socketlab-grader-$ref.jar

mvn -B -q -pl student-template -am package -DskipTests

if [ ! -f "$jar" ]; then
  echo "building the course's grader from $upstream at $ref (once)..."
  rm -rf .socketlab/upstream
  git init -q .socketlab/upstream
  git -C .socketlab/upstream fetch -q --depth 1 "https://github.com/$upstream.git" "$ref"
  git -C .socketlab/upstream checkout -q FETCH_HEAD
  mvn -B -q -f .socketlab/upstream/pom.xml -pl grader -am package -DskipTests
  cp .socketlab/upstream/grader/target/socketlab-grader.jar "$jar"
fi

actual=$( (sha256sum "$jar" 2>/dev/null || shasum -a 256 "$jar") | cut -d ' ' -f 1)
if [ -n "$sha256" ] && [ "$actual" != "$sha256" ]; then
  echo "grade.sh: the grader built from $upstream at $ref has SHA-256 $actual, not the pinned $sha256" >&2
  echo "          (a different JDK than 17 can compile different bytes; the grade of your pushes is what counts)" >&2
fi

exec java -Dsocketlab.home="$PWD" -jar "$jar" grade --target student --out target/grade-report "$@"
