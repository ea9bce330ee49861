#!/usr/bin/python3
"""generate_expected.py [NOTEBOOK.ipynb [EXPECTED.json]] — what Jupyter + PyTorch show for a notebook.

Runs with real PyTorch (`/usr/bin/python3`, Debian's python3-torch 1.13.1); Jupyter is not needed.
It emulates a fresh kernel doing "Run All": every code cell is exec'd in order in one namespace,
its stdout is captured, and when the cell's last statement is an expression whose value is not
None, that value's repr() becomes the cell's execute_result (text/plain). Cells are numbered 1, 2, …
like a fresh kernel. A cell that raises records `ename: evalue` and ends the run, as Jupyter does.

Defaults: seed.ipynb next to this file -> seed.expected.json. Output format, one entry per code cell:
  {"cells": [{"execution_count": 1, "stdout": "...", "execute_result": "..." | null,
              "error": "Type: message" | null}, ...]}
Never edit the .json by hand; rerun this script.
"""
import ast
import contextlib
import io
import json
import os
import sys
import warnings

here = os.path.dirname(os.path.abspath(__file__))
nb_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "seed.ipynb")
out_path = sys.argv[2] if len(sys.argv) > 2 else os.path.splitext(nb_path)[0] + ".expected.json"

warnings.simplefilter("ignore")  # PyTorch's warnings go to stderr; Jupyter shows them apart.


def text(field):
    return "".join(field) if isinstance(field, list) else field


def run_cell(source, namespace, name):
    """Exec one cell like IPython's 'last_expr' mode: returns (value or None) of its last expression."""
    tree = ast.parse(source, filename=name, mode="exec")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, name, "exec"), namespace)
    if last is not None:
        return eval(compile(last, name, "eval"), namespace)
    return None


with open(nb_path, encoding="utf-8") as f:
    nb = json.load(f)

namespace = {"__name__": "__main__"}
cells = []
count = 0
for cell in nb["cells"]:
    if cell["cell_type"] != "code":
        continue
    count += 1
    buf = io.StringIO()
    result = None
    error = None
    with contextlib.redirect_stdout(buf):
        try:
            value = run_cell(text(cell["source"]), namespace, f"<cell {count}>")
            if value is not None:
                result = repr(value)
        except Exception as e:  # noqa: BLE001 — recorded like Jupyter's error output
            error = f"{type(e).__name__}: {e}"
    cells.append({"execution_count": count, "stdout": buf.getvalue(),
                  "execute_result": result, "error": error})
    if error is not None:
        break

with open(out_path, "w", encoding="utf-8") as f:
    json.dump({"notebook": os.path.basename(nb_path), "cells": cells}, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(f"{out_path}: {len(cells)} code cells")
