#!/bin/sh
# Grades your programs locally as every push is graded: builds the course's public grader from ${SOCKETLAB_UPSTREAM}
# at ${SOCKETLAB_REF} (once, into .socketlab/), checks its digest, and runs it on ${GRADE_DEFAULT_WHAT}.
#   ./grade.sh                              ${GRADE_DEFAULT_WHAT}
#   ./grade.sh my.properties                the programs a manifest names, in any language (or --target my.properties)
#   ./grade.sh --exercises echo --lang es   any other option goes to the grader (also after a manifest)
# Needs: ${GRADE_NEEDS}a JDK 17 or newer, Maven 3.8 or newer and git, and network access to
# github.com/${SOCKETLAB_UPSTREAM} (the first run fetches and builds the grader) and to Maven Central (its dependencies).
# Reports go to ${GRADE_REPORTS}/ unless you pass --out DIR.
set -eu
upstream=${SOCKETLAB_UPSTREAM}
ref=${SOCKETLAB_REF}
sha256=${SOCKETLAB_GRADER_SHA256}

# What is graded: a manifest, as the first argument or after --target (relative to where you run this script).
target=
case "${1:-}" in
  *.properties) target=$1; shift ;;
esac
out_given=false
count=$#
while [ "$count" -gt 0 ]; do
  arg=$1
  shift
  count=$((count - 1))
  case "$arg" in
    --target)
      if [ "$count" -eq 0 ]; then
        echo "grade.sh: --target needs a manifest (./grade.sh --target my.properties)" >&2
        exit 2
      fi
      target=$1
      shift
      count=$((count - 1)) ;;
    --target=*) target=${arg#--target=} ;;
    --out|--out=*) out_given=true; set -- "$@" "$arg" ;;
    *) set -- "$@" "$arg" ;;
  esac
done
case "$target" in
  ''|student|/*) ;;
  *) target=$PWD/$target ;;
esac
cd "$(dirname "$0")"
[ -n "$target" ] || target=${GRADE_DEFAULT_TARGET}
if [ "$target" != student ] && [ ! -f "$target" ]; then
  echo "grade.sh: no such manifest: $target" >&2
  exit 2
fi
if [ "$target" != student ] && grep -q '^[^#]*=[[:space:]]*python3[[:space:]]' "$target" \
    && ! command -v python3 > /dev/null 2>&1; then
  echo "grade.sh: $target starts programs with python3, which is not on the PATH" >&2
  exit 2
fi
$out_given || set -- --out ${GRADE_REPORTS} "$@"

if [ "$target" = student ]; then
  mvn -B -q -pl student-template -am package -DskipTests
fi

# The grader runs where it was built: cross-tests take their reference peer from beside it.
tree=.socketlab/upstream-$ref
jar=$tree/grader/target/socketlab-grader-public.jar
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

exec java -Dsocketlab.home="$PWD" -jar "$jar" grade --target "$target" "$@"
