#!/bin/sh
# Inside the SocketLab repository: grades the Python programs a manifest names (socketlab.properties unless you name
# another one first, or with --target) with this repository's own grader, built once from ../grader. Other arguments
# go to the grader:
#   ./grade.sh
#   ./grade.sh --exercises echo --lang es
#   ./grade.sh my.properties --exercises chat
# `export-student --language python` gives students the course's grade.sh instead: the same command line, with the
# course's public grader built from its pinned upstream and its SHA-256 checked (docs/python-template.md).
# Needs python3, a JDK 17 or newer and, the first time, Maven. Reports go to grade-report/ unless you pass --out DIR.
set -eu

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

jar=../grader/target/socketlab-grader.jar
if [ ! -f "$jar" ]; then
  echo "building the grader of this repository (once)..."
  mvn -B -q -f ../pom.xml -pl grader -am package -DskipTests
fi

$out_given || set -- --out grade-report "$@"
$target_given || set -- --target "$manifest" "$@"
exec java -jar "$jar" grade "$@"
