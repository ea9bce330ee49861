# The PyTorch 1.13 eager peer: runs bench/workloads/*.py — the very files gradlab runs — timed
# inside one Python process. Setup runs once; the step section is compiled once and exec'd
# again and again in the same globals, like re-running a notebook cell.
#
#   /usr/bin/python3 bench/peers/pytorch_bench.py [--threads N] [--only W1,W3] [--seconds S]
# prints one JSON object. Thread count must be fixed before torch loads (OpenBLAS reads its
# environment at load time), hence the environment variables before `import torch`.
import argparse
import json
import os
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--threads", type=int, default=1)
parser.add_argument("--only", default="")
parser.add_argument("--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", "1.0")))
args = parser.parse_args()
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(args.threads)

import torch  # noqa: E402  (after the thread environment on purpose)

torch.set_num_threads(args.threads)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workloads  # noqa: E402  (bench/peers/workloads.py: reads and splits the .py files)
from timing import measure  # noqa: E402  (bench/peers/timing.py: the shared protocol)


def run_workload(name, seconds):
    parts = workloads.load(name)
    env = {"__name__": "__bench__"}
    exec(compile(parts["setup"], name + ":setup", "exec"), env)
    step = compile(parts["step"], name + ":step", "exec")
    exec(step, env)
    check = float(eval(parts["check"], env))
    result = measure(lambda: exec(step, env), seconds)
    result["check"] = check
    return result


def main():
    names = [w for w in workloads.WORKLOADS if not args.only or w in args.only.split(",")]
    out = {"peer": "pytorch", "version": torch.__version__, "threads": args.threads, "workloads": {}}
    for name in names:
        out["workloads"][name] = run_workload(name, args.seconds)
    print(json.dumps(out))


main()
