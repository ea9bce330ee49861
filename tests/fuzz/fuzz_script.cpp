// libFuzzer target over the whole script pipeline: lexer → parser → resolver → evaluator, with
// the real engine underneath. Any input must end in output or a Python-style error — never a
// crash, a hang, a sanitizer report or a leak. Build with the `fuzz` preset (clang, ASan+UBSan).
//
// Inputs are bounded so the fuzzer explores language corners rather than waiting on long
// loops: the interrupt check stops a script after a fixed number of polls (deterministic, no
// clocks), and the recursion limit is lowered because sanitizer frames are large.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/allocation_limit.h"
#include "engine/script/interpreter.h"

extern "C" const char* __asan_default_options() {
  // Huge tensors (torch.zeros(10**12)) must become MemoryError, not an allocator abort.
  return "allocator_may_return_null=1";
}

// Note [Allocation limit]: legal but large requests (torch.zeros(10**9), list(range(10**9)))
// must end as MemoryError, well below libFuzzer's memory limit (2 GB), not stop the run as
// out-of-memory.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  gradlab::set_allocation_limit(size_t{256} << 20);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // long inputs only slow the search down
  std::string source(reinterpret_cast<const char*>(data), size);
  gradlab::script::Interpreter interp;
  interp.set_output_sink([](std::string_view) {});
  interp.set_warning_sink([](std::string_view) {});
  int polls = 0;
  interp.set_interrupt_check([&polls] { return ++polls > 200; }, "TimeoutError", "fuzz budget exhausted");
  interp.set_recursion_limit(150);
  gradlab::script::CellResult r = interp.run(source, "fuzz.py", /*display_last_expression=*/true);
  // Exercise the error text paths too (they index source lines and ranges).
  if (r.error) (void)r.error->traceback.size();
  return 0;
}
