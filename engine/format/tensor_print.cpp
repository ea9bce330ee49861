// See tensor_print.h.
#include "engine/format/tensor_print.h"

#include "engine/autograd/node.h"
#include "engine/format/tensor_repr.h"

namespace gradlab {

namespace {
TensorPrintInfo print_info(const Tensor& t) {
  TensorPrintInfo info;
  info.shape = t.shape();
  info.dtype = t.dtype();
  info.values = t.to_doubles();
  if (is_integral_storage(t.dtype()) && t.dtype() != DType::Bool) info.int_values = t.to_int64s();
  info.device = t.device().str();
  if (t.grad_fn()) info.grad_fn = t.grad_fn()->name();
  info.requires_grad = t.requires_grad() && t.is_leaf();
  return info;
}
}  // namespace

std::string tensor_repr(const Tensor& t) { return format_tensor(print_info(t)); }

std::string tensor_data_repr(const Tensor& t) {
  TensorPrintInfo info = print_info(t);
  info.grad_fn.clear();
  info.requires_grad = false;
  info.device = "cpu";
  info.dtype = t.dtype() == DType::Float64 ? DType::Float32 : t.dtype();  // no dtype= suffix
  std::string s = format_tensor(info);
  // Strip "tensor(" ... ")": keep the numbers as PyTorch lays them out.
  if (s.rfind("tensor(", 0) == 0 && s.back() == ')') s = s.substr(7, s.size() - 8);
  return s;
}

}  // namespace gradlab
