// `gradlab bench`: times the five benchmark workloads of issue 6 (bench/workloads/*.py) with
// gradlab's own interpreter and engine, natively or in wasm (the same C++ code), and prints a
// table or JSON. bench/run.sh compares the JSON with PyTorch, TF.js and the machine's limits.
//
//   gradlab bench [--json] [--threads N] [--only W2,W3] [--device cpu|cuda]
//                 [--seconds S] [--workloads DIR] [--mode script|api|both]
#pragma once

// argv[0] is the subcommand's own name ("bench"); the options follow, as for a main().
// Returns the process exit code: 0, or non-zero on bad options, a failed workload, or
// `--device cuda` without a usable GPU.
int run_bench(int argc, char** argv);
