"""Hostile sockets server: writes a 10 GiB file into its work folder before listening. The sandbox's file-size
limit must stop the write, and the verdict must name that limit."""
import os
import hostile

chunk = b"\0" * (1 << 20)
with open(os.path.join(os.environ["SOCKETLAB_WORKDIR"], hostile.probe()["marker"] + ".bin"), "wb") as out:
    for _ in range(10 * 1024):
        out.write(chunk)
hostile.serve()
