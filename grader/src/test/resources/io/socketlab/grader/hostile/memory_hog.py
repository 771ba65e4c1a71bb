"""Hostile sockets server: takes 4 GiB of memory, page by page, before listening. The sandbox's memory limit must
kill it, and the verdict must name that limit."""
import hostile

hog = []
for _ in range(4 * 1024):
    hog.append(bytearray(1 << 20))
hostile.serve()
