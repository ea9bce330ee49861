// See program.h. Each step of a chunk is a flat loop over the same scalar functor as the
// unfused primitive (scalar_math.h), so every element gets the same operations in the same order.
#include "engine/backend/cpu/program.h"

#include <algorithm>
#include <memory>
#include <type_traits>
#include <vector>

#include "engine/backend/cpu/elementwise_loops.h"
#include "engine/backend/cpu/full_sum.h"
#include "engine/sleef_wasm_simd.h"
#include "engine/util/wide_vectors.h"

namespace gradlab::cpu {
namespace {

// n elements from index `first` of the program's run of `run` (Note [Position in the run]).
template <class T>
void unary_flat(UnaryOp op, const T* x, T* out, int64_t n, int64_t first, int64_t run, double a, double b) {
#if defined(__wasm_simd128__)
  if constexpr (std::is_same_v<T, float>) {  // the same bits, four lanes at a time
    if (op == UnaryOp::Tanh) return sleef_tanhf_simd(x, out, n);
  }
#endif
  dispatch_unary(op, a, b, [&](auto fn) { unary_in_run<T>(fn, x, out, first, n, run); });
}

template <class T>
void binary_flat(BinaryOp op, const T* x, const T* y, T* out, int64_t n, int64_t first, int64_t run, double a) {
  dispatch_binary(op, a, [&](auto fn) {
    binary_in_run<T>(fn, [x](int64_t i) { return x[i]; }, [y](int64_t i) { return y[i]; }, out, first, n, run);
  });
}

// Elements per chunk: a multiple of FullSum's pieces whose registers fit in L2.
constexpr int64_t kChunk = 2048;
static_assert(kChunk % FullSum<float>::kPiece == 0 && kChunk % FullSum<double>::kPiece == 0);

// Note [Wide vectors for fused programs]
// A fused program is compute-bound (its steps run in cache), unlike the memory-bound per-op
// loops, so natively on x86-64 (with GCC; clang refuses `flatten` on clones) its evaluation is
// compiled twice more, for AVX2 and AVX-512, and the loader picks the widest the CPU has
// (target_clones); `flatten` inlines the loops and scalar functors into each clone so they
// vectorise at its width. The bits cannot change: every lane does the same IEEE operations as
// the scalar code, and -ffp-contract=off still forbids fusing a*b+c. The CPU backend's large
// unary and binary primitives come here too, as one-step programs (unary_wide, binary_wide):
// the SLEEF functions (exp, log, tanh, ...) call std::fma, which the baseline x86-64 build
// turns into a libm call per element and only the AVX2/AVX-512 clones inline and vectorise.
// GRADLAB_WIDE_VECTORS comes from engine/util/wide_vectors.h.

// Calls sink(first, values, len) for consecutive chunks of the program's result. When `out` is
// given, the last step writes straight into it.
template <class T, class Sink>
void run_chunks(const ElementwiseProgram& p, T* out, Sink&& sink) {
  using Kind = ElementwiseStep::Kind;
  const size_t steps = p.steps.size();
  // Scratch rows for broadcasts and for the steps that compute into it (uninitialised: each
  // step writes before reading); none for a one-step primitive (unary_wide, binary_wide), which
  // writes `out` directly.
  bool needs_scratch = false;
  for (size_t s = 0; s < steps; ++s) {
    const Kind kind = p.steps[s].kind;
    needs_scratch |= kind == Kind::Broadcast || (kind != Kind::Load && !(out && s + 1 == steps));
  }
  std::unique_ptr<T[]> scratch(needs_scratch ? new T[steps * kChunk] : nullptr);
  std::vector<const T*> value(steps);
  for (size_t s = 0; s < steps; ++s) {  // broadcasts are the same in every chunk: fill once
    const ElementwiseStep& st = p.steps[s];
    if (st.kind == Kind::Broadcast) std::fill_n(scratch.get() + s * kChunk, kChunk, *static_cast<const T*>(st.data));
  }
  for (int64_t lo = 0; lo < p.numel; lo += kChunk) {
    const int64_t len = std::min(kChunk, p.numel - lo);
    for (size_t s = 0; s < steps; ++s) {
      const ElementwiseStep& st = p.steps[s];
      // Where a computing step writes (Load and Broadcast steps write nothing, and a one-step
      // primitive has no scratch at all: no pointer arithmetic on null).
      T* buf = out && s + 1 == steps ? out + lo : scratch ? scratch.get() + s * kChunk : nullptr;
      switch (st.kind) {
        case Kind::Load: value[s] = static_cast<const T*>(st.data) + lo; break;
        case Kind::Broadcast: value[s] = scratch.get() + s * kChunk; break;
        case Kind::Unary:
          unary_flat<T>(st.unary_op, value[st.x], buf, len, lo, p.numel, st.a, st.b);
          value[s] = buf;
          break;
        case Kind::Binary:
          binary_flat<T>(st.binary_op, value[st.x], value[st.y], buf, len, lo, p.numel, st.a);
          value[s] = buf;
          break;
      }
    }
    sink(lo, value[steps - 1], len);
  }
}

}  // namespace

GRADLAB_WIDE_VECTORS void eval_program(const ElementwiseProgram& p, void* out) {
  dispatch_dtype(p.dtype, [&](auto zero) {
    using T = decltype(zero);
    T* o = static_cast<T*>(out);
    run_chunks<T>(p, o, [&](int64_t lo, const T* v, int64_t len) {
      if (v != o + lo) std::copy_n(v, len, o + lo);  // a result that is a Load or a Broadcast
    });
  });
}

GRADLAB_WIDE_VECTORS void sum_program(const ElementwiseProgram& p, void* out) {
  dispatch_dtype(p.dtype, [&](auto zero) {
    using T = decltype(zero);
    FullSum<T> sum(p.numel);
    run_chunks<T>(p, nullptr, [&](int64_t, const T* v, int64_t len) { sum.add(v, len); });
    *static_cast<T*>(out) = sum.result();
  });
}

void unary_wide(UnaryOp op, DType t, const void* x, void* out, int64_t n, double a, double b) {
  ElementwiseProgram p{t, n, std::vector<ElementwiseStep>(2)};
  p.steps[0].data = x;  // kind Load
  p.steps[1].kind = ElementwiseStep::Kind::Unary;
  p.steps[1].unary_op = op;
  p.steps[1].a = a;
  p.steps[1].b = b;
  eval_program(p, out);
}

void binary_wide(BinaryOp op, DType t, const void* x, const void* y, void* out, int64_t n, double a) {
  ElementwiseProgram p{t, n, std::vector<ElementwiseStep>(3)};
  p.steps[0].data = x;  // kind Load
  p.steps[1].data = y;
  p.steps[2].kind = ElementwiseStep::Kind::Binary;
  p.steps[2].binary_op = op;
  p.steps[2].x = 0;
  p.steps[2].y = 1;
  p.steps[2].a = a;
  eval_program(p, out);
}

}  // namespace gradlab::cpu
