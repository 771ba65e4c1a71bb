#!/usr/bin/env bash
# Python's http.server as an http.server of the SocketLab contract, as it comes: `python3 -m http.server` with
# HTTP/1.1 (its default, HTTP/1.0, closes every connection); nothing of it is configurable beyond that.
set -euo pipefail
source "$(dirname "$0")/args.sh"
exec python3 -m http.server --bind "$HOST" --directory "$ROOT" --protocol HTTP/1.1 "$PORT"
