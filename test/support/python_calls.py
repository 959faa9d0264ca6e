"""Lists what a Python snippet (read from stdin) takes from other modules, read with Python's own
parser: each `from <module> import <name>`, and each call of an imported name (`Name(...)`, a
constructor) or of a method on one (`Name.method(...)`, a static factory) with its number of
positional arguments and its keyword names. Prints JSON."""
import ast
import json
import sys


def main():
    tree = ast.parse(sys.stdin.read())
    imported = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                imported[alias.asname or alias.name] = (node.module, alias.name)
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name) and f.id in imported:
            local, method = f.id, "__init__"
        elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in imported:
            local, method = f.value.id, f.attr
        else:
            continue
        module, name = imported[local]
        calls.append({"module": module, "name": name, "method": method, "positional": len(node.args), "keywords": [k.arg for k in node.keywords]})
    json.dump({"imports": [{"module": m, "name": n} for m, n in imported.values()], "calls": calls}, sys.stdout)


if __name__ == "__main__":
    main()
