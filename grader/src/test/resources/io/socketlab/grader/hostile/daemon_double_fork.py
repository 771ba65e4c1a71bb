"""Hostile sockets server: leaves a classic double-forked daemon (new session, parent gone, SIGTERM ignored,
a port held), then serves correctly. Nothing of it may outlive grading."""
import os
import hostile

if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        command = hostile.linger_command()
        os.execv(command[0], command)
    os._exit(0)
os.wait()
hostile.serve()
