"""Checks that what the Python template gives is the examples' own code (one source: the examples).

Usage: python3 given_parts.py TEMPLATE EXAMPLES

For every function and method of a template program that is given whole (it raises no NotImplementedError),
the example's function of the same name must have the same code: docstrings, comments and layout aside,
and the template's cli.Failure(..., cli.INCOMPLETE) standing for the example's own Failure(..., 2). main()
is the template's own. Prints each that differs and exits 1; prints how many were compared.
"""
import ast
import os
import re
import sys


def normal(source):
    source = re.sub(r"(?<!def )\b(cli\.Failure|image_error)\(", "Failure(", source)
    return re.sub(r"cli\.(INCOMPLETE|USAGE)", "2", source).replace("cli.REFUSED", "1")


def units(path):
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(normal(f.read()))
    found = {}

    def walk(body, prefix):
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                found[prefix + node.name] = node
                if isinstance(node, ast.ClassDef):
                    walk(node.body, prefix + node.name + ".")
    walk(tree.body, "")
    return found


def code(node):
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]
    return ast.dump(ast.Module(body=body, type_ignores=[]))


def left_to_student(node):
    return any(isinstance(n, ast.Raise) and "NotImplementedError" in ast.dump(n) for n in ast.walk(node))


def main():
    template, examples = sys.argv[1], sys.argv[2]
    compared, differing = 0, []
    for folder in sorted(os.listdir(template)):
        for program in ("server.py", "client.py"):
            mine, theirs = os.path.join(template, folder, program), os.path.join(examples, folder, program)
            if not (os.path.isfile(mine) and os.path.isfile(theirs)):
                continue
            given, original = units(mine), units(theirs)
            for name, node in given.items():
                if isinstance(node, ast.ClassDef) or name == "main" or left_to_student(node) or name not in original:
                    continue
                compared += 1
                if code(node) != code(original[name]):
                    differing.append("%s/%s: %s" % (folder, program, name))
    for line in differing:
        print("differs from the example's: " + line)
    print("compared: %d" % compared)
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
