// The benchmark workloads written directly against gradlab's C++ Tensor API (engine/tensor.h).
//
// `gradlab bench` times each workload twice: as the learner's Python file run by the
// interpreter (bench/workloads/*.py, the headline number) and as these few C++ lines doing the
// same ops, so the difference shows how much time the interpreter adds and how much is the
// engine's own. The CUDA suite (`--device cuda`) uses only these, at larger sizes.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "engine/device.h"

namespace gradlab::bench {

struct ApiWorkload {
  std::function<void()> step;     // one timed repetition
  std::function<double()> check;  // the same check number as the .py file's check section
  std::function<void()> sync;     // waits until the device has finished (a no-op on the CPU)
};

// name: W1..W5. size: W3's matrix side n, W4's element count (0 = the size).
ApiWorkload make_api_workload(const std::string& name, Device device, int64_t size = 0);

}  // namespace gradlab::bench
