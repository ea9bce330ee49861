// repr(tensor) exactly as PyTorch 1.13 prints it: a port of torch/_tensor_str.py.
//
// The printer sits at the end of the engine's flow: the Tensor API copies what printing needs
// (shape, dtype, values as doubles, device, autograd state) into a TensorPrintInfo, so this
// module depends on no tensor, backend or autograd code and can be tested on its own.
// Rules kept from PyTorch (print options, by default): precision 4, 80 columns, more than 1000
// elements summarised with 3 edge items and "...", one _Formatter choosing integer mode ("16."),
// fixed ("0.1667") or scientific ("1.0000e-05") for the whole tensor with one shared width,
// rows wrapped to the line width, and suffixes (device, dtype, grad_fn / requires_grad) placed
// by _add_suffixes, which moves a suffix to its own line when it would pass column 80.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/dtype.h"
#include "engine/shape.h"

namespace gradlab {

struct TensorPrintInfo {
  Shape shape;                 // any rank incl. 0-d (empty) and zero-size dims
  DType dtype;
  std::vector<double> values;  // row-major, numel entries (float32 values already rounded to float)
  std::string device = "cpu";  // anything but "cpu" adds `device='...'`, as for 'cuda:0'
  std::string grad_fn;         // e.g. "PowBackward0"; empty when none
  bool requires_grad = false;  // true only for leaves that require grad (prints requires_grad=True)
  // The exact values of an integer tensor, when given (doubles hold integers only up to 2^53).
  std::vector<int64_t> int_values = {};
};

// torch.set_printoptions: PyTorch's PRINT_OPTS. One set for the process, as in PyTorch; an
// Interpreter starts from the defaults.
struct PrintOptions {
  int precision = 4;
  double threshold = 1000;  // summarise beyond this many elements (inf with profile "full")
  int64_t edgeitems = 3;
  int64_t linewidth = 80;
  int sci_mode = -1;  // -1: chosen per tensor; 0 or 1: forced
};
const PrintOptions& print_options();
void set_print_options(const PrintOptions& options);

// == repr(tensor) (and str(tensor)) in PyTorch 1.13. Integers print from int_values when it is
// filled, else from the doubles (exact up to 2^53 in magnitude). Throws std::invalid_argument
// when values.size() does not match the shape.
std::string format_tensor(const TensorPrintInfo& t);

// repr(tensor.shape): "torch.Size([2, 3])", "torch.Size([])".
std::string format_size(const Shape& s);

}  // namespace gradlab
