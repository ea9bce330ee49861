#!/usr/bin/env python3
"""compare_devices.py GRADLAB CASES_DIR...

Runs every golden script twice, `GRADLAB run NAME.py` (CPU) and `GRADLAB run --device cuda NAME.py`
(CUDA as the default device), and checks that the two runs agree:
  - the same exit status, and the same last line of stderr (the Python-style error);
  - stdout equal once the CUDA run's device marks are mapped back to the CPU's
    (`, device='cuda:0'` dropped, wrapped or not, `cuda:0` read as `cpu`), except for the numbers in it;
  - every number within float32 tolerance of the CPU's: relative 1e-5, or one unit in the last
    printed digit (a value on a rounding boundary may print one digit apart on two devices);
  - every script that prints a tensor shows `device='cuda:0'` in its CUDA run (printing on the
    GPU says where the tensor lives, like PyTorch).
Without a CUDA device it prints why and exits 77, which ctest reports as skipped, never passed.
Prints one FAIL line per differing case and ends with `golden-cuda: N agreed, M failed`.
"""
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

TIMEOUT = int(os.environ.get("GOLDEN_TIMEOUT", "60"))
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?inf|nan")


def run(cli, args):
    try:
        p = subprocess.run(cli + args, capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None
    return p


def cuda_devices(cli):
    p = run(cli, ["info"])
    m = re.search(r"^CUDA devices: (\d+)(.*)$", p.stdout if p else "", re.M)
    return (int(m.group(1)), m.group(2).strip()) if m else (0, "`gradlab info` did not answer")


def to_cpu_marks(text):
    text = re.sub(r",\s*device='cuda:0'", "", text)  # the suffix may wrap onto its own line
    text = text.replace("device(type='cuda', index=0)", "device(type='cpu')")
    return text.replace("cuda:0", "cpu")


def last_digit_unit(token):
    mantissa, _, exponent = token.lower().partition("e")
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return 10.0 ** (-decimals + (int(exponent) if exponent else 0))


def numbers_agree(a, b):
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    if x != x or y != y:  # nan only agrees with nan (handled by a == b)
        return False
    tol = max(1e-5 * max(abs(x), abs(y)), last_digit_unit(a), last_digit_unit(b))
    return abs(x - y) <= tol * (1 + 1e-9)


def shape_of(text):
    """The text with numbers as # and no whitespace: padding depends on the printed widths."""
    return re.sub(r"\s+", "", NUMBER.sub("#", text))


def compare_output(cpu, gpu):
    """None when they agree, else a short reason."""
    cpu_nums, gpu_nums = NUMBER.findall(cpu), NUMBER.findall(gpu)
    cpu_text, gpu_text = shape_of(cpu), shape_of(gpu)
    if cpu_text != gpu_text or len(cpu_nums) != len(gpu_nums):
        for i, (c, g) in enumerate(zip(cpu.splitlines(), gpu.splitlines())):
            if shape_of(c) != shape_of(g):
                return f"text differs at line {i + 1}:\n    cpu:  {c}\n    cuda: {g}"
        return "output has a different number of lines"
    for c, g in zip(cpu_nums, gpu_nums):
        if not numbers_agree(c, g):
            return f"number differs: cpu {c} vs cuda {g}"
    return None


def check_case(cli, script):
    """None when the CPU and CUDA runs of `script` agree, else why not."""
    cpu = run(cli, ["run", script])
    gpu = run(cli, ["run", "--device", "cuda", script])
    if cpu is None or gpu is None:
        return f"timed out after {TIMEOUT}s on {'cpu' if cpu is None else 'cuda'}"
    cpu_err = (cpu.stderr.strip().splitlines() or [""])[-1]
    gpu_err = to_cpu_marks((gpu.stderr.strip().splitlines() or [""])[-1])
    if cpu.returncode != gpu.returncode:
        return f"exit status {gpu.returncode} on cuda, {cpu.returncode} on cpu ({gpu_err})"
    if cpu_err != gpu_err:
        return f"error differs:\n    cpu:  {cpu_err}\n    cuda: {gpu_err}"
    if "tensor(" in cpu.stdout and "device='cuda:0'" not in gpu.stdout:
        return "printed tensors do not say device='cuda:0'"
    return compare_output(cpu.stdout, to_cpu_marks(gpu.stdout))


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    cli = sys.argv[1].split()
    count, why = cuda_devices(cli)
    if count == 0:
        print(f"SKIPPED: no CUDA device for the golden cases on the GPU {why}".rstrip())
        return 77
    scripts = [os.path.join(folder, name) for folder in sys.argv[2:]
               for name in sorted(f for f in os.listdir(folder) if f.endswith(".py"))]
    # Cases are independent processes: run them side by side (the GPU serves several at once).
    with ThreadPoolExecutor(max_workers=int(os.environ.get("GOLDEN_JOBS", os.cpu_count() or 1))) as pool:
        reasons = list(pool.map(lambda script: check_case(cli, script), scripts))
    failed = 0
    for script, reason in zip(scripts, reasons):
        if reason:
            failed += 1
            print(f"FAIL {os.path.basename(script)}: {reason}")
    agreed = len(scripts) - failed
    print(f"golden-cuda: {agreed} agreed, {failed} failed")
    return 1 if failed or agreed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
