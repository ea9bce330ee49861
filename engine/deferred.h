// Deferred element-wise ops: how large element-wise expressions run in one pass over memory.
//
// Note [Deferred element-wise ops]
// An element-wise primitive on a large tensor (CPU or CUDA, floating dtype, at least min_numel()
// elements) does not compute at once: its output's Storage records the op and its input
// storages (a Deferred) and gets memory only when someone needs the values. Chained ops form a
// small expression graph; when its values are needed (Storage::ready_data) it is compiled into
// one ElementwiseProgram that the backend evaluates in a single pass (the CPU's chunk by chunk
// in cache, the GPU's in one kernel), and a full sum of a deferred tensor never materialises it
// at all. So `(x**3 + x**2).sum()` reads x once, and its backward reads x once and writes
// x.grad once.
//
// Nothing observable changes:
//  - values: programs run the eager ops' own per-element loops, and the full sum keeps its
//    order (Note [Float sum order]), so every bit is the same;
//  - autograd: ops record the same nodes, names, saved tensors and versions; deferral lives in
//    Storage, below all of it;
//  - aliases share the Storage, hence its expression; before any storage is overwritten
//    (Storage::writable_data), every deferred expression still reading it is computed first
//    (`readers` counts them), so it sees the values it was built from, as eager code would;
//  - a gradient landing in .grad is computed by backward (AccumulateGrad materialises it).
// Fusing never multiplies work: a deferred value is fused into one consumer only. A second
// consumer, or any use after it was computed once inside another evaluation (`fused`),
// materialises it first, so no value is computed more than twice; broadcasts, which cost
// nothing to repeat, are exempt. And one expression spans at most kMaxSteps steps (beyond
// that its deferred inputs are materialised first).
#pragma once
#include <cstdint>
#include <memory>

#include "engine/backend/elementwise_program.h"
#include "engine/tensor.h"

namespace gradlab {

// What a deferred Storage will hold: one step over its input storages (which may be deferred
// themselves). Owned by that Storage (Storage::pending); listed in a registry so that a write
// to an input can find the expressions reading it.
struct Deferred {
  Deferred(DType dtype, ElementwiseStep step, std::shared_ptr<Storage> x, std::shared_ptr<Storage> y = nullptr);
  ~Deferred();
  Deferred(const Deferred&) = delete;
  Deferred& operator=(const Deferred&) = delete;

  DType dtype;           // of the result and of every input
  ElementwiseStep step;  // kind Broadcast (of x's one element), Unary (of x) or Binary (of x, y)
  std::shared_ptr<Storage> inputs[2];
  uint32_t steps = 1;    // size of the program computing it, counting shared inputs each time
  bool fused = false;    // computed once already, inside another evaluation (not stored)

  Storage* owner = nullptr;  // registry (deferred.cpp)
  Deferred* prev = nullptr;
  Deferred* next = nullptr;
};

namespace deferred {

inline constexpr uint32_t kMaxSteps = 16;
inline constexpr int64_t kDefaultMinNumel = int64_t{1} << 15;

namespace detail {
inline int64_t min_numel = kDefaultMinNumel;
}

// Tensors with fewer elements compute eagerly (their ops are latency-bound; deferring only adds
// bookkeeping). Tests lower it to 1 to defer everything; returns the previous value.
inline int64_t min_numel() { return detail::min_numel; }
int64_t set_min_numel(int64_t n);

inline bool can_defer(int64_t numel, DType dtype, Device device) {
  return numel >= detail::min_numel && is_floating(dtype) && !is_narrow(dtype) && (device.type == DeviceType::CPU || device.type == DeviceType::CUDA);
}
inline bool can_defer(const Tensor& t) { return can_defer(t.numel(), t.dtype(), t.device()); }
inline bool is_deferred(const Tensor& t) { return t.impl()->storage->deferred; }

// The deferred forms of prim::unary, prim::binary (equal shapes and dtypes) and prim::expand
// of a one-element tensor; callers check can_defer() first.
Tensor unary(UnaryOp op, const Tensor& x, double a, double b);
Tensor binary(BinaryOp op, const Tensor& x, const Tensor& y, double a);
Tensor broadcast(const Tensor& one, const Shape& shape);

// Writes the sum of all elements of deferred `x` to `out`, without materialising x.
void sum_all(const Tensor& x, void* out);
// Computes `t`'s values now if they are deferred.
inline void materialize(const Tensor& t) { t.data(); }

// Deferred storages alive (tests).
size_t live_count();

}  // namespace deferred
}  // namespace gradlab
