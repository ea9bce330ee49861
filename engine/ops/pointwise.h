// Three-operand point-wise ops the optimizers are written with (torch.optim's Adam, RMSprop,
// Adagrad), and Tensor.copy_. Forward only for now: called under no_grad by the optimizers and
// load_state_dict; with autograd history requested they raise a clear "not supported".
#pragma once
#include "engine/tensor.h"

namespace gradlab {

// self + value·t1·t2, the product rounded into the sum once, as ATen's CPU kernel does:
// fma(value·t1, t2, self).
Tensor addcmul(const Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value);
Tensor& addcmul_(Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value);
// self + value·t1/t2, rounded step by step: (value·t1)/t2, then the sum (ATen's order).
Tensor addcdiv(const Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value);
Tensor& addcdiv_(Tensor& self, const Tensor& t1, const Tensor& t2, Scalar value);
// Writes src (broadcast, cast to self's dtype, moved to self's device) into self.
Tensor& copy_(Tensor& self, const Tensor& src);

}  // namespace gradlab
