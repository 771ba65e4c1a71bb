#!/usr/bin/env bash
# Grades real HTTP servers that no one here wrote (nginx, lighttpd, Python's http.server, the JDK's jwebserver) with
# the whole http server suite, through the wrappers and manifests in bench/real-http-servers/, and prints each
# server's score and every test it loses with the first failing step. docs/http-real-servers.md says, for each loss,
# which RFC section or published spec decision the server breaks; a loss that breaks neither is the grader's bug.
# The malformed-request corpus alone is checked case by case, and fast, by RealHttpServersTests.
# Usage: bench/real-http-servers.sh [SERVER...]   (default: all four; a server not installed is skipped;
#   installs nginx and lighttpd with apt-get when they are missing and apt-get is there;
#   build first: mvn -B -q package -DskipTests). About 30 s per server.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=grader/target/socketlab-grader.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
servers=("$@")
[ ${#servers[@]} -gt 0 ] || servers=(nginx lighttpd python-http-server jwebserver)
for tool in nginx lighttpd; do
  if [[ " ${servers[*]} " == *" $tool "* ]] && ! command -v "$tool" >/dev/null && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null) \
      || echo "cannot install $tool" >&2
  fi
done
installed() {
  case "$1" in
    nginx|lighttpd) command -v "$1" >/dev/null ;;
    python-http-server) command -v python3 >/dev/null ;;
    jwebserver) [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/jwebserver ] || command -v jwebserver >/dev/null ;;
    *) echo "unknown server: $1 (nginx, lighttpd, python-http-server, jwebserver)" >&2; exit 2 ;;
  esac
}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for server in "${servers[@]}"; do
  if ! installed "$server"; then
    echo "== $server: not installed, skipped"
    continue
  fi
  java -jar "$jar" grade --target "bench/real-http-servers/$server.properties" --exercises http --seed 1 \
    --out "$out/$server" >"$out/$server.log" 2>&1 || true
  [ -f "$out/$server/results.json" ] || { echo "== $server: no results"; tail -5 "$out/$server.log"; continue; }
  python3 - "$server" "$out/$server/results.json" <<'PY'
import json, sys
server, path = sys.argv[1], sys.argv[2]
results = json.load(open(path))
tests = [t for t in results["tests"] if t.get("program") == "server"]
got = sum(t["score"] for t in tests)
most = sum(t["max_score"] for t in tests)
print(f"== {server}: {got}/{most}")
for t in tests:
    if t["score"] < t["max_score"]:
        lines = t["output"].splitlines()
        step = next((l.split(":", 1)[1].strip() for l in lines if l.strip().startswith("step")), "")
        got_line = next((l.split(":", 1)[1].strip() for l in lines if l.strip().startswith("but got")), "")
        print(f"  {t['clause']:8} -{t['max_score'] - t['score']}  {t['name'][len(t['clause']) + 1:]}")
        print(f"           step: {step[:150]}")
        print(f"           got : {got_line[:150]}")
PY
done
