#!/usr/bin/env python3
"""Mistake: the response head is built with "\n".join(lines). Browsers forgive a bare LF; the contract asks for
CR LF at the end of every line of the head. Must lose HTTP-1."""
import email.utils

import examples  # noqa: F401
import server


def send_head(self, status, headers, keep_alive, http10_keep_alive):
    lines = ["HTTP/1.1 %d %s" % (status, server.REASONS[status]),
             "Date: " + email.utils.formatdate(usegmt=True),
             "Server: " + server.SERVER_NAME]
    lines += ["%s: %s" % h for h in headers]
    if not keep_alive:
        lines.append("Connection: close")
    elif http10_keep_alive:
        lines.append("Connection: keep-alive")
    self.sock.settimeout(server.BODY_TIMEOUT)
    self.sock.sendall(("\n".join(lines) + "\n\n").encode("latin-1"))


server.Session.send_head = send_head
server.main()
