"""Hostile sockets client: lists its network interfaces and tries to reach an address that is not loopback (one
the test listens on). Anything but loopback, or a connection made, is printed on stdout; then it behaves."""
import socket
import hostile

names = [name for _, name in socket.if_nameindex()]
if names != ["lo"]:
    hostile.escaped("interfaces " + ",".join(names))
outside = hostile.probe().get("outside")
if outside:
    host, port = outside.rsplit(":", 1)
    try:
        socket.create_connection((host, int(port)), timeout=2).close()
        hostile.escaped("connected to " + outside)
    except OSError:
        pass
hostile.connect()
