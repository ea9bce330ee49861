// repr() of a Tensor, exactly as PyTorch 1.13 prints it: gathers what the printer needs
// (values, shape, dtype, device, grad_fn / requires_grad) and hands it to format_tensor
// (tensor_repr.h), which ports torch/_tensor_str.py.
#pragma once
#include <string>

#include "engine/tensor.h"

namespace gradlab {

std::string tensor_repr(const Tensor& t);
// The values alone, without `tensor(` and suffixes — e.g. for the graph picture.
std::string tensor_data_repr(const Tensor& t);

}  // namespace gradlab
