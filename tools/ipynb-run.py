#!/usr/bin/env python3
"""ipynb-run.py NOTEBOOK.ipynb — runs a notebook's code cells in order, as Jupyter would, and
prints one JSON list: for each code cell {"output": its stdout, "result": the repr of its last
expression's value (Jupyter's Out) or null, "error": {"type", "message"} of the exception it raised
or null}; like the page (and Jupyter with the cell tagged raises-exception) it runs on after one. Used with real PyTorch (/usr/bin/python3) to write
each lesson's expected outputs (tools/lesson-outputs.mjs) and to check that a lesson's .ipynb
export prints what the page printed (tests/node/lessons.test.mjs)."""
import ast, contextlib, io, json, sys

def run_cell(source, env):
    tree = ast.parse(source, "<cell>", "exec")
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    out = io.StringIO()
    value = None
    error = None
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(tree, "<cell>", "exec"), env)
            if last is not None:
                value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), env)
        except Exception as e:
            error = {"type": type(e).__name__, "message": str(e)}
    # Jupyter shows no Out for None
    return {"output": out.getvalue(), "result": None if value is None else repr(value), "error": error}

def main():
    nb = json.load(open(sys.argv[1], encoding="utf-8"))
    env = {"__name__": "__main__"}
    results = [run_cell("".join(c["source"]), env) for c in nb["cells"] if c["cell_type"] == "code"]
    json.dump(results, sys.stdout, ensure_ascii=False)

main()
