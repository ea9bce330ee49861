#!/usr/bin/env python3
"""check_notebook.py INPUT.ipynb EXPECTED.json EXECUTED.ipynb — standard library only (no torch).

Compares a notebook that gradlab executed (`gradlab run INPUT.ipynb --output EXECUTED.ipynb`) with
what Jupyter + PyTorch show for it (EXPECTED.json, written by generate_expected.py):
  - the cells are those of INPUT, in order, with the same types and sources (markdown untouched);
  - code cell k has execution_count k (a fresh kernel's Run All);
  - its stdout stream text, concatenated, equals the expected stdout;
  - its execute_result (at most one, carrying the cell's execution_count) has text/plain equal to
    the expected repr, and there is none where none is expected;
  - an error output appears exactly where one is expected (`ename: evalue`).
stderr streams are ignored (PyTorch's warnings). Prints each mismatch; exits 1 if there is any."""
import json
import sys


def text(field):
    return "".join(field) if isinstance(field, list) else (field or "")


def main():
    if len(sys.argv) != 4:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    in_path, exp_path, run_path = sys.argv[1:]
    with open(in_path, encoding="utf-8") as f:
        given = json.load(f)
    with open(exp_path, encoding="utf-8") as f:
        expected = json.load(f)["cells"]
    try:
        with open(run_path, encoding="utf-8") as f:
            ran = json.load(f)
    except (OSError, ValueError) as e:
        print(f"notebook: cannot read {run_path}: {e}")
        return 1

    problems = []
    if ran.get("nbformat") != 4:
        problems.append(f"nbformat is {ran.get('nbformat')!r}, expected 4")
    cells_in, cells_out = given["cells"], ran.get("cells", [])
    if len(cells_in) != len(cells_out):
        problems.append(f"{len(cells_out)} cells, expected {len(cells_in)}")
    code_index = 0
    for i, (a, b) in enumerate(zip(cells_in, cells_out), 1):
        where = f"cell {i}"
        if a["cell_type"] != b.get("cell_type"):
            problems.append(f"{where}: type {b.get('cell_type')!r}, expected {a['cell_type']!r}")
            continue
        if text(a["source"]) != text(b.get("source")):
            problems.append(f"{where}: source changed: {text(b.get('source'))!r}")
        if a["cell_type"] != "code":
            continue
        outputs = b.get("outputs", [])
        if code_index >= len(expected):  # after an error Jupyter runs no further cell
            if b.get("execution_count") is not None:
                problems.append(f"{where}: ran (execution_count {b.get('execution_count')}) after an error")
            code_index += 1
            continue
        exp = expected[code_index]
        code_index += 1
        where = f"cell {i} (In [{exp['execution_count']}])"
        if b.get("execution_count") != exp["execution_count"]:
            problems.append(f"{where}: execution_count {b.get('execution_count')!r}, "
                            f"expected {exp['execution_count']}")
        stdout, results, errors = "", [], []
        for o in outputs:
            kind = o.get("output_type")
            if kind == "stream":
                if o.get("name") == "stdout":
                    stdout += text(o.get("text"))
            elif kind == "execute_result":
                results.append(o)
            elif kind == "error":
                errors.append(f"{o.get('ename')}: {o.get('evalue')}")
            else:
                problems.append(f"{where}: unexpected output_type {kind!r}")
        if stdout != exp["stdout"]:
            problems.append(f"{where}: stdout {stdout!r}, expected {exp['stdout']!r}")
        if exp["execute_result"] is None:
            if results:
                problems.append(f"{where}: unexpected execute_result "
                                f"{text(results[0].get('data', {}).get('text/plain'))!r}")
        elif len(results) != 1:
            problems.append(f"{where}: {len(results)} execute_result outputs, expected 1: "
                            f"{exp['execute_result']!r}")
        else:
            got = text(results[0].get("data", {}).get("text/plain"))
            if got != exp["execute_result"]:
                problems.append(f"{where}: execute_result {got!r}, expected {exp['execute_result']!r}")
            if results[0].get("execution_count") != exp["execution_count"]:
                problems.append(f"{where}: execute_result execution_count "
                                f"{results[0].get('execution_count')!r}, expected {exp['execution_count']}")
        want_errors = [exp["error"]] if exp.get("error") else []
        if errors != want_errors:
            problems.append(f"{where}: errors {errors!r}, expected {want_errors!r}")
    if code_index < len(expected):
        problems.append(f"only {code_index} code cells, expected {len(expected)}")

    for p in problems:
        print(f"notebook: {p}")
    print(f"notebook: {len(expected)} code cells, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
