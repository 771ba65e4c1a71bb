"""Hostile sockets server: starts a daemon through setsid(1) (its own session and process group, SIGTERM ignored,
a port held), then serves correctly. Nothing of it may outlive grading."""
import subprocess
import hostile

subprocess.Popen(["setsid"] + hostile.linger_command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                 stderr=subprocess.DEVNULL)
hostile.serve()
