// Port of torch/_tensor_str.py (PyTorch 1.13) for strided, unnamed, real tensors. Function
// names follow the Python ones (_Formatter, _vector_str, _tensor_str_with_formatter,
// get_summarized_data, _add_suffixes, _str_intern) so the two can be read side by side.
#include "engine/format/tensor_repr.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/format/python_repr.h"

namespace gradlab {
namespace {

PrintOptions g_print_options;  // PyTorch's PRINT_OPTS

// "{}".format(int). Int64 tensors reach the printer as doubles; clamp before converting so an
// out-of-range double cannot be undefined behaviour.
std::string int_str(double v) {
  if (v >= 9223372036854775807.0) return "9223372036854775807";
  if (v <= -9223372036854775808.0) return "-9223372036854775808";
  return std::to_string(static_cast<int64_t>(v));
}

// The text of element i of an integer or bool tensor ('{}'.format(value)): exact from
// int_values when the caller gave them.
std::string int_text(const TensorPrintInfo& t, size_t i) {
  if (t.dtype == DType::Bool) return t.values[i] != 0 ? "True" : "False";
  return t.int_values.empty() ? int_str(t.values[i]) : std::to_string(t.int_values[i]);
}

// _Formatter: looks at every element that will be shown (given by their offsets) and picks one
// layout and one width for all of them, so columns line up.
class Formatter {
 public:
  Formatter(const TensorPrintInfo& t, const std::vector<size_t>& shown)
      : t_(t),
        floating_(is_floating(t.dtype)),
        fixed_spec_("." + std::to_string(g_print_options.precision) + "f"),  // '{:.4f}'
        sci_spec_("." + std::to_string(g_print_options.precision) + "e") {  // '{:.4e}'

    if (!floating_) {
      for (size_t i : shown) max_width_ = std::max(max_width_, int_text(t, i).size());
      return;
    }
    // Only nonzero finite values decide the mode; zeros, inf and nan print in whatever mode
    // the rest chose. With none left, integer mode and width 1 stay (so zeros print "0.").
    std::vector<double> vals;
    for (size_t i : shown)
      if (std::isfinite(t.values[i]) && t.values[i] != 0) vals.push_back(t.values[i]);
    if (vals.empty()) return;  // before PyTorch applies a forced sci_mode, so it is not applied
    double abs_min = std::fabs(vals[0]), abs_max = abs_min;
    for (double v : vals) {
      abs_min = std::min(abs_min, std::fabs(v));
      abs_max = std::max(abs_max, std::fabs(v));
      if (v != std::ceil(v)) int_mode_ = false;
    }
    // Scientific notation when the values span more than 3 decades, or are too big or small to
    // show with 4 decimals. In integer mode small values cannot occur, so only the first two apply.
    bool wide_range = abs_max / abs_min > 1000.0 || abs_max > 1.0e8;
    if (int_mode_) {
      sci_mode_ = wide_range;
    } else {
      sci_mode_ = wide_range || abs_min < 1.0e-4;
    }
    for (double v : vals) {
      size_t w;
      if (sci_mode_) w = python_float_str_format(v, sci_spec_).size();
      else if (int_mode_) w = python_float_str_format(v, ".0f").size() + 1;  // + 1 for the "."
      else w = python_float_str_format(v, fixed_spec_).size();
      max_width_ = std::max(max_width_, w);
    }
    // set_printoptions(sci_mode=...) wins, after the width was measured in the chosen mode (as in PyTorch).
    if (g_print_options.sci_mode >= 0) sci_mode_ = g_print_options.sci_mode;
  }

  size_t width() const { return max_width_; }

  // The element at `offset`, padded to the shared width.
  std::string format(int64_t offset) const {
    const size_t i = static_cast<size_t>(offset);
    const double v = t_.values[i];
    std::string ret;
    if (!floating_) {
      ret = int_text(t_, i);
    } else if (sci_mode_) {
      ret = python_float_str_format(v, std::to_string(max_width_) + sci_spec_);
    } else if (int_mode_) {
      ret = python_float_str_format(v, ".0f");
      if (std::isfinite(v)) ret += ".";  // "16." tells a float tensor from an int one
    } else {
      ret = python_float_str_format(v, fixed_spec_);
    }
    if (ret.size() < max_width_) ret.insert(0, max_width_ - ret.size(), ' ');
    return ret;
  }

 private:
  const TensorPrintInfo& t_;
  bool floating_;
  std::string fixed_spec_, sci_spec_;
  bool int_mode_ = true;
  bool sci_mode_ = false;
  size_t max_width_ = 1;
};

// A row-major view of the tensor being printed: the sub-tensor at `offset` spanning dims
// [dim, rank).
struct View {
  const TensorPrintInfo& t;
  std::vector<int64_t> strides;
  bool summarize;

  int64_t size(size_t dim) const { return t.shape[dim]; }

  // The indices along `dim` that are printed: all, or edgeitems from each end when summarising a
  // dimension longer than 2 * edgeitems. -1 marks the "..." between them.
  std::vector<int64_t> shown_indices(size_t dim) const {
    std::vector<int64_t> idx;
    int64_t n = size(dim);
    const int64_t edge = g_print_options.edgeitems;
    if (summarize && n > 2 * edge) {
      for (int64_t i = 0; i < edge; ++i) idx.push_back(i);
      idx.push_back(-1);
      for (int64_t i = n - edge; i < n; ++i) idx.push_back(i);
    } else {
      for (int64_t i = 0; i < n; ++i) idx.push_back(i);
    }
    return idx;
  }
};

// get_summarized_data: the elements that will be shown, which are what _Formatter measures.
void collect_shown(const View& v, size_t dim, int64_t offset, std::vector<size_t>& out) {
  if (dim == v.t.shape.size()) {
    out.push_back(static_cast<size_t>(offset));
    return;
  }
  for (int64_t i : v.shown_indices(dim))
    if (i >= 0) collect_shown(v, dim + 1, offset + i * v.strides[dim], out);
}

// _vector_str: one bracketed row, wrapped so each line holds as many elements as fit in
// linewidth - indent columns, counting ", " after each.
std::string vector_str(const View& v, size_t dim, int64_t offset, int64_t indent, const Formatter& fmt) {
  int64_t element_length = static_cast<int64_t>(fmt.width()) + 2;
  // Python floors the true quotient; a negative width budget still gets one element per line.
  int64_t budget = g_print_options.linewidth - indent;
  int64_t elements_per_line = budget > 0 ? std::max<int64_t>(1, budget / element_length) : 1;

  std::vector<std::string> data;
  for (int64_t i : v.shown_indices(dim))
    data.push_back(i < 0 ? " ..." : fmt.format(offset + i * v.strides[dim]));

  std::string line_sep = ",\n" + std::string(static_cast<size_t>(indent + 1), ' ');
  std::string out = "[";
  for (size_t i = 0; i < data.size(); ++i) {
    if (i > 0) out += (static_cast<int64_t>(i) % elements_per_line == 0) ? line_sep : ", ";
    out += data[i];
  }
  return out + "]";
}

// _tensor_str_with_formatter: nests brackets; sub-tensors of a rank-r tensor are separated by
// "," and r-1 newlines (so 3-d blocks get one blank line between them), then the indent.
std::string tensor_str_with_formatter(const View& v, size_t dim, int64_t offset, int64_t indent,
                                      const Formatter& fmt) {
  size_t rank = v.t.shape.size() - dim;
  if (rank == 0) return fmt.format(offset);
  if (rank == 1) return vector_str(v, dim, offset, indent, fmt);

  std::string sep = "," + std::string(rank - 1, '\n') + std::string(static_cast<size_t>(indent + 1), ' ');
  std::string out = "[";
  bool first = true;
  for (int64_t i : v.shown_indices(dim)) {
    if (!first) out += sep;
    first = false;
    out += i < 0 ? "..." : tensor_str_with_formatter(v, dim + 1, offset + i * v.strides[dim], indent + 1, fmt);
  }
  return out + "]";
}

// _add_suffixes. PyTorch measures the last line as len(s) - s.rfind("\n") + 1, which is two
// more than its true length; the rule is kept as is because it decides where lines break.
std::string add_suffixes(const std::string& tensor_str, const std::vector<std::string>& suffixes,
                         int64_t indent) {
  std::string out = tensor_str;
  size_t nl = tensor_str.rfind('\n');
  int64_t rfind = nl == std::string::npos ? -1 : static_cast<int64_t>(nl);
  int64_t last_line_len = static_cast<int64_t>(tensor_str.size()) - rfind + 1;
  for (const std::string& suffix : suffixes) {
    int64_t suffix_len = static_cast<int64_t>(suffix.size());
    if (last_line_len + suffix_len + 2 > g_print_options.linewidth) {
      out += ",\n" + std::string(static_cast<size_t>(indent), ' ') + suffix;
      last_line_len = indent + suffix_len;
    } else {
      out += ", " + suffix;
      last_line_len += suffix_len + 2;
    }
  }
  return out + ")";
}

// str(tuple(shape)): "(0, 3)", and "(0,)" for a single element.
std::string tuple_str(const Shape& s) {
  std::string out = "(";
  for (size_t i = 0; i < s.size(); ++i) out += (i ? ", " : "") + std::to_string(s[i]);
  if (s.size() == 1) out += ",";
  return out + ")";
}

}  // namespace

const PrintOptions& print_options() { return g_print_options; }
void set_print_options(const PrintOptions& options) { g_print_options = options; }

std::string format_tensor(const TensorPrintInfo& t) {
  int64_t numel = shape_numel(t.shape);
  if (numel < 0 || static_cast<size_t>(numel) != t.values.size())
    throw std::invalid_argument("format_tensor: " + std::to_string(t.values.size()) +
                                " values for shape " + shape_str(t.shape));
  const std::string prefix = "tensor(";
  const int64_t indent = static_cast<int64_t>(prefix.size());
  std::vector<std::string> suffixes;

  // Note [Print tensor device] in PyTorch: the device shows when it is not the default (CPU).
  if (t.device != "cpu") suffixes.push_back("device='" + t.device + "'");

  std::string tensor_str;
  if (numel == 0) {
    // Nothing to infer the dtype from, so anything but the default float32 is named (int64 too),
    // and any shape other than (0,) is spelled out, as NumPy does.
    if (t.shape.size() != 1) suffixes.push_back("size=" + tuple_str(t.shape));
    if (t.dtype != kDefaultFloat) suffixes.push_back(std::string("dtype=") + dtype_name(t.dtype));
    tensor_str = "[]";
  } else {
    // float32 (the default), int64 and bool are the dtypes a literal would produce, so they stay unnamed.
    if (t.dtype != kDefaultFloat && t.dtype != DType::Int64 && t.dtype != DType::Bool) suffixes.push_back(std::string("dtype=") + dtype_name(t.dtype));
    View view{t, contiguous_strides(t.shape), static_cast<double>(numel) > g_print_options.threshold};
    std::vector<size_t> shown;
    collect_shown(view, 0, 0, shown);
    Formatter fmt(t, shown);
    tensor_str = tensor_str_with_formatter(view, 0, 0, indent, fmt);
  }

  if (!t.grad_fn.empty())
    suffixes.push_back("grad_fn=<" + t.grad_fn + ">");
  else if (t.requires_grad)
    suffixes.push_back("requires_grad=True");

  return add_suffixes(prefix + tensor_str, suffixes, indent);
}

std::string format_size(const Shape& s) { return "torch.Size(" + shape_str(s) + ")"; }

}  // namespace gradlab
