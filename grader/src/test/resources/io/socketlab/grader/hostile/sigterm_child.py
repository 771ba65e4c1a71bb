"""Hostile sockets server: its child ignores SIGTERM and sleeps on; the server itself exits 0 on SIGTERM, as the
contract says. The child must not outlive its server."""
import subprocess
import hostile

subprocess.Popen(hostile.linger_command(), stdin=subprocess.DEVNULL)
hostile.serve()
