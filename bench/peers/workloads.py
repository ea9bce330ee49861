# Shared by the Python-side runners: read a workload file and split it at its section markers
# (see ../workloads/README.md). gradlab (native/bench_script.cpp) splits them the same way.
import os

WORKLOADS = ["W1", "W2", "W3", "W4", "W5", "R1", "W6"]
FILES = {
    "W1": "W1_seed.py",
    "W2": "W2_mlp.py",
    "W3": "W3_matmul.py",
    "W4": "W4_elementwise.py",
    "W5": "W5_scalar_chain.py",
    "R1": "R1_random.py",
    "W6": "W6_train_mlp.py",
}
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "workloads")


def load(name):
    """Returns {'setup': str, 'step': str, 'check': str}; text before '# --- setup ---'
    (the header comment and the imports) belongs to setup."""
    with open(os.path.join(HERE, FILES[name]), encoding="utf-8") as f:
        text = f.read()
    sections = {"setup": [], "step": [], "check": []}
    current = "setup"
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("# ---") and stripped.endswith("---"):
            current = stripped.strip("#- ").strip()
            continue
        sections[current].append(line)
    return {k: "\n".join(v) + "\n" for k, v in sections.items()}
