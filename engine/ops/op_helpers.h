// Small helpers shared by the op families (ops/*.cpp): saved-tensor access and the common
// "run forward, then record the node" shape of every op.
#pragma once
#include "engine/autograd/node.h"
#include "engine/ops/primitives.h"

namespace gradlab::ops {

// The i-th saved tensor of a node (Note [Saved tensors]).
inline const Tensor& saved(const Node& n, size_t i) { return n.saved[i]; }


inline Tensor mul_scalar(const Tensor& t, double s) { return prim::unary(UnaryOp::MulScalar, t, s); }

}  // namespace gradlab::ops
