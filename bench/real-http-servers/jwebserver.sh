#!/usr/bin/env bash
# The JDK's jwebserver (JDK 18 and later; Temurin 25 here) as an http.server of the SocketLab contract, as it
# comes: nothing of it is configurable beyond the address, the port and the folder.
set -euo pipefail
source "$(dirname "$0")/args.sh"
jwebserver=${JWEBSERVER:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/jwebserver}
[ -x "$jwebserver" ] || jwebserver=$(command -v jwebserver || true)
[ -n "$jwebserver" ] || { echo "jwebserver (JDK 18 or later) is not installed" >&2; exit 2; }
exec "$jwebserver" --bind-address "$HOST" --port "$PORT" --directory "$ROOT" --output none
