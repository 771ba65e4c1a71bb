# Sourced by the wrappers: reads the contract's server arguments (--port N --root DIR [--host H], specs/http.md)
# into PORT, ROOT and HOST, and refuses anything else with exit 2 and one line on stderr, as the contract asks.
PORT="" ROOT="" HOST="0.0.0.0"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="${2:-}"; shift 2 || { echo "--port needs a value" >&2; exit 2; } ;;
    --root) ROOT="${2:-}"; shift 2 || { echo "--root needs a value" >&2; exit 2; } ;;
    --host) HOST="${2:-}"; shift 2 || { echo "--host needs a value" >&2; exit 2; } ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$PORT" ] && [ -n "$ROOT" ] || { echo "usage: $0 --port N --root DIR [--host H]" >&2; exit 2; }
[ -d "$ROOT" ] || { echo "not a folder: $ROOT" >&2; exit 2; }
ROOT=$(cd "$ROOT" && pwd -P)
# The grader gives each program a private folder that it removes afterwards; run by hand, a temporary one.
WORK="${SOCKETLAB_WORKDIR:-$(mktemp -d)}"
