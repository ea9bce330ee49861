// The CPU loop of one unary primitive over part of a contiguous run of elements, with the bits
// PyTorch's CPU kernels give each element.
//
// Note [Position in the run]: two PyTorch kernels round an element differently depending on where
// it sits in the contiguous run they are given (the whole tensor, on one thread):
//   - sigmoid computes pairs of AVX2 vectors (16 floats, 8 doubles) with SLEEF's exp and the last
//     n % 16 (n % 8) elements with the C library's (Note [PyTorch's sigmoid] in sleef_math.h);
//   - float32 sin and cos reduce all 8 lanes of a vector the slow way (Payne-Hanek) when any lane
//     is 125 or more in magnitude, or not finite, and for some small arguments that changes the last
//     bit (Note [SLEEF trig works on whole vectors]).
// So the loop is told where its span starts in the run (`first`) and how long the run is (`run`).
// Other ops do not depend on position and run the plain loop. The CUDA backend does not do this:
// it matches the CPU within float tolerance, like PyTorch's own CUDA kernels.
#pragma once
#include <algorithm>
#include <cstdint>
#include <type_traits>

#include "engine/scalar_math.h"

namespace gradlab::cpu {

// out[i] = fn(x[i]) for the `len` elements starting at index `first` of a run of `run` elements.
template <class T, class Fn>
inline void unary_loop(Fn fn, const T* __restrict x, T* __restrict out, int64_t first, int64_t len, int64_t run) {
  if constexpr (std::is_same_v<Fn, UnaryFn<UnaryOp::Sigmoid>> && std::is_floating_point_v<T>) {
    constexpr int64_t kPair = 2 * 32 / static_cast<int64_t>(sizeof(T));  // two AVX2 vectors
    const int64_t vector_end = std::clamp<int64_t>(run - run % kPair - first, 0, len);
    for (int64_t i = 0; i < vector_end; ++i) out[i] = sleef_sigmoid(x[i], true);
    for (int64_t i = vector_end; i < len; ++i) out[i] = sleef_sigmoid(x[i], false);
    return;
  }
  constexpr bool kTrig = std::is_same_v<Fn, UnaryFn<UnaryOp::Sin>> || std::is_same_v<Fn, UnaryFn<UnaryOp::Cos>>;
  if constexpr (kTrig && std::is_same_v<T, float>) {
    bool any_large = false;  // the common case: no vector needs Payne-Hanek, so the plain loop
    for (int64_t i = 0; i < len; ++i) any_large |= sleef_trig_needs_payne_hanek(x[i]);
    if (any_large) {
      constexpr int64_t kLanes = 8;  // groups start at the run's first element (first % 8 == 0)
      for (int64_t g = 0; g < len; g += kLanes) {
        const int lanes = static_cast<int>(std::min(kLanes, len - g));
        const bool payne_hanek = sleef_trig_vector_needs_payne_hanek(x + g, lanes);
        for (int k = 0; k < lanes; ++k) {
          const float v = x[g + k];
          out[g + k] = std::is_same_v<Fn, UnaryFn<UnaryOp::Sin>> ? sleef_sinf(v, payne_hanek) : sleef_cosf(v, payne_hanek);
        }
      }
      return;
    }
  }
  for (int64_t i = 0; i < len; ++i) out[i] = fn(x[i]);
}

}  // namespace gradlab::cpu
