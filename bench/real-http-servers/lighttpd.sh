#!/usr/bin/env bash
# lighttpd as an http.server of the SocketLab contract: the configuration sets what the contract decides and
# lighttpd makes configurable (the media types of HTTP-4 with charset=utf-8 on text types, no symbolic links for
# HTTP-14, the 10 s idle limits of HTTP-16); everything else is lighttpd's own behaviour.
set -euo pipefail
source "$(dirname "$0")/args.sh"
command -v lighttpd >/dev/null || { echo "lighttpd is not installed" >&2; exit 2; }
cat > "$WORK/lighttpd.conf" <<CONF
server.document-root = "$ROOT"
server.port = $PORT
server.bind = "$HOST"
server.errorlog = "/dev/stderr"
server.pid-file = "$WORK/lighttpd.pid"
server.max-read-idle = 10
server.max-keep-alive-idle = 10
server.follow-symlink = "disable"
index-file.names = ( "index.html" )
mimetype.assign = (
  ".html" => "text/html; charset=utf-8", ".css" => "text/css; charset=utf-8",
  ".js" => "text/javascript; charset=utf-8", ".txt" => "text/plain; charset=utf-8",
  ".json" => "application/json", ".svg" => "image/svg+xml", ".png" => "image/png", ".jpg" => "image/jpeg",
  ".jpeg" => "image/jpeg", ".gif" => "image/gif", ".ico" => "image/x-icon", "" => "application/octet-stream"
)
CONF
exec lighttpd -D -f "$WORK/lighttpd.conf"
