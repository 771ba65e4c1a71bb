#!/usr/bin/env python3
"""Mistake: a PNG decoder for the files the student tried, 8-bit grey, RGB and RGBA: palette images, 16-bit samples
and samples of 1, 2 or 4 bits are refused as "unsupported". Must lose US-14. (The sender is the Python example, with
its sample reader replaced.)"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "..",
                                "examples", "python", "udpstream"))
import client  # noqa: E402  (the Python example's sender)

read_samples = client.samples


def samples(line, depth, count):
    if depth != 8:
        raise client.Failure("unsupported PNG: bit depth %d (8 bits only)" % depth)
    return read_samples(line, depth, count)


def to_rgb(values, colour, depth, palette):
    if colour == 3:
        raise client.Failure("unsupported PNG: a palette image")
    return rgb_of(values, colour, depth, palette)


rgb_of = client.to_rgb
client.samples = samples
client.to_rgb = to_rgb
client.main()
