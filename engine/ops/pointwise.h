// Point-wise ops beyond the unary/binary families: the three-operand ones the optimizers are
// written with (torch.optim's Adam, RMSprop, Adagrad), lerp, one-bound clamps, dist, cross, and
// Tensor.copy_. addcmul/addcdiv are forward only for now: called under no_grad by the
// optimizers and load_state_dict; with autograd history requested they raise a clear "not
// supported".
#pragma once
#include <optional>

#include "engine/tensor.h"

namespace gradlab {

// self + value·t1·t2, the product rounded into the sum once, as ATen's CPU kernel does:
// fma(value·t1, t2, self).
Tensor addcmul(const Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value);
Tensor& addcmul_(Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value);
// self + value·t1/t2, rounded step by step: (value·t1)/t2, then the sum (ATen's order).
Tensor addcdiv(const Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value);
Tensor& addcdiv_(Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value);
// start + weight·(end − start) (lerp.cpp): LerpBackward0 with a number weight, LerpBackward1
// with a tensor one; lerp_ writes it in place without history (the optimizers' update).
Tensor lerp(const Tensor& start, const Tensor& end, Scalar weight);
Tensor lerp(const Tensor& start, const Tensor& end, const Tensor& weight);
Tensor& lerp_(Tensor& self, const Tensor& end, Scalar weight);
// max(x, min) and min(x, max) (unary.cpp): clamp with one bound, ClampMinBackward0 / ClampMaxBackward0.
// C's fmod: the remainder of a / b truncated toward zero, taking a's sign (FmodBackward1;
// FmodBackward0 for a number b).
Tensor fmod(const Tensor& a, const Tensor& b);
Tensor fmod(const Tensor& a, Scalar b);

Tensor clamp_min(const Tensor& a, Scalar min);
Tensor clamp_max(const Tensor& a, Scalar max);
// ‖a − b‖₂ of the broadcast difference (reduce.cpp): DistBackward0. Other p are not supported.
Tensor dist(const Tensor& a, const Tensor& b, double p = 2);
// a × b of 3-vectors along `dim` (cross.cpp), the inputs broadcast: LinalgCrossBackward0.
// Without a dim, torch.cross's deprecated default: a's first dim of size 3.
Tensor cross(const Tensor& a, const Tensor& b, std::optional<int64_t> dim);
// 0 where input < 0, values where input == 0, 1 where input > 0 (special.cpp); PyTorch records no
// derivative for it (grad_fn=<NotImplemented>), so inputs that require grad are not supported.
Tensor heaviside(const Tensor& input, const Tensor& values);
Tensor& heaviside_(Tensor& self, const Tensor& values);
// Writes src (broadcast, cast to self's dtype, moved to self's device) into self.
Tensor& copy_(Tensor& self, const Tensor& src);

}  // namespace gradlab
