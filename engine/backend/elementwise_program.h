// A fused chain of element-wise primitives, as data: what a deferred tensor (engine/deferred.h,
// Note [Deferred element-wise ops]) hands a backend to compute in one pass. Every value is a
// flat run of `numel` elements of one dtype; steps come in evaluation order, each step's value
// is named by its index, and the last step is the result.
//
// A backend evaluates a program exactly as if each step were its own unary()/binary_same_shape()
// call over whole buffers (the generic fallback in elementwise_program.cpp does just that), so
// fusing changes how often memory is touched, never a bit of the result.
#pragma once
#include <cstdint>
#include <vector>

#include "engine/dtype.h"
#include "engine/scalar_math.h"

namespace gradlab {

struct ElementwiseStep {
  enum class Kind : uint8_t {
    Load,       // the `numel` elements at `data`
    Broadcast,  // the one element at `data`, repeated
    Unary,      // unary_op(value x; a, b)
    Binary,     // binary_op(value x, value y; a)
  };
  Kind kind = Kind::Load;
  UnaryOp unary_op = UnaryOp::Neg;
  BinaryOp binary_op = BinaryOp::Add;
  double a = 0, b = 0;
  const void* data = nullptr;  // Load and Broadcast: device memory
  uint32_t x = 0, y = 0;       // Unary and Binary: indices of earlier steps
};

struct ElementwiseProgram {
  DType dtype = DType::Float32;
  int64_t numel = 0;
  std::vector<ElementwiseStep> steps;
};

}  // namespace gradlab
