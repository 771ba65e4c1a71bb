#!/usr/bin/env bash
# nginx as an http.server of the SocketLab contract: the configuration sets what the contract decides and nginx
# makes configurable (the media types of HTTP-4 with charset=utf-8 on text types, no symbolic links out of the
# root for HTTP-14, the 10 s head timeout of HTTP-16); everything else is nginx's own behaviour.
set -euo pipefail
source "$(dirname "$0")/args.sh"
command -v nginx >/dev/null || { echo "nginx is not installed" >&2; exit 2; }
mkdir -p "$WORK/logs"
cat > "$WORK/nginx.conf" <<CONF
# Workers run as root only because the grader's folders (mode 700) belong to whoever runs it.
user $(id -un);
worker_processes 1;
daemon off;
master_process on;
pid $WORK/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/body;
  proxy_temp_path $WORK/proxy;
  fastcgi_temp_path $WORK/fastcgi;
  uwsgi_temp_path $WORK/uwsgi;
  scgi_temp_path $WORK/scgi;
  client_header_timeout 10s;
  keepalive_timeout 10s;
  disable_symlinks on;
  if_modified_since before;
  types {
    text/html html; text/css css; text/javascript js; text/plain txt; application/json json;
    image/svg+xml svg; image/png png; image/jpeg jpg jpeg; image/gif gif; image/x-icon ico;
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css text/javascript text/plain; # text/html is in it already
  server {
    listen $HOST:$PORT;
    root $ROOT;
    index index.html;
  }
}
CONF
exec nginx -p "$WORK" -c "$WORK/nginx.conf" -e stderr
