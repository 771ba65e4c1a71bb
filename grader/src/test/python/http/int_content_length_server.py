#!/usr/bin/env python3
"""Mistake: int(value) reads Content-Length. It accepts "+5", " 5" and "-1": the server then waits for a body that
never comes, or reads none and answers as if all were well. Must lose HTTP-11."""
import examples  # noqa: F401
import server


def body_length(request):
    if request.values("transfer-encoding"):
        raise server.HttpError(400)
    lengths = request.values("content-length")
    if not lengths:
        return 0
    try:
        return int(lengths[0])
    except ValueError:
        raise server.HttpError(400)


server.body_length = body_length
server.main()
