// Indexing: `x[i]`, `x[a:b:c]`, `x[i, j]`, assignment and deletion, for Python containers and
// for tensors. Tensor indexing follows PyTorch's basic indexing: an int selects (select →
// SelectBackward0), a slice narrows (slice → SliceBackward0), None adds a dimension and `...`
// skips dimensions. A bool mask alone (`x[x > 0]`, `x[x < 0] = 0`) is index / index_put_ (ops/mask.cpp);
// int tensors, lists and other masks among the indices are advanced indexing (Note [Advanced
// indexing], ops/index.h), applied after the ints, slices and Nones.
#include <algorithm>

#include "engine/allocation_limit.h"
#include "engine/script/runtime.h"
#include "engine/ops/compare.h"
#include "engine/ops/index.h"
#include "engine/ops/primitives.h"
#include "engine/tensor.h"

namespace gradlab::script {

namespace {

struct SliceBounds {
  int64_t start, stop, step, length;
};

// CPython's PySlice_Unpack + PySlice_AdjustIndices.
SliceBounds adjust_slice(const SliceObj& s, int64_t len) {
  int64_t step = 1;
  if (!s.step.is_none()) {
    step = to_index(s.step, "slice indices must be integers or None or have an __index__ method");
    if (step == 0) raise_value_error("slice step cannot be zero");
  }
  auto bound = [&](const Value& v, bool is_start) -> int64_t {
    if (v.is_none()) {
      if (step < 0) return is_start ? len - 1 : -1;
      return is_start ? 0 : len;
    }
    int64_t i = to_index(v, "slice indices must be integers or None or have an __index__ method");
    if (i < 0) {
      i += len;
      if (i < 0) i = step < 0 ? -1 : 0;
    } else if (i >= len) {
      i = step < 0 ? len - 1 : len;
    }
    return i;
  };
  SliceBounds b{bound(s.start, true), bound(s.stop, false), step, 0};
  if (step < 0) {
    if (b.stop < b.start) b.length = (b.start - b.stop - 1) / (-step) + 1;
  } else if (b.start < b.stop) {
    b.length = (b.stop - b.start - 1) / step + 1;
  }
  return b;
}

int64_t seq_index(const Value& idx, int64_t n, const char* what) {
  if (!idx.is_intlike()) {
    if (idx.is_tensor() && idx.as_tensor().numel() == 1 && !is_floating(idx.as_tensor().dtype())) {
      int64_t i = static_cast<int64_t>(idx.as_tensor().item().value);
      if (i < 0) i += n;
      if (i < 0 || i >= n) raise_index_error(std::string(what) + " index out of range");
      return i;
    }
    raise_type_error(std::string(what) + " indices must be integers or slices, not " + type_name(idx));
  }
  int64_t i = idx.as_int();
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise_index_error(std::string(what) + " index out of range");
  return i;
}

// One step of a tensor index: what it does to the dimension it reaches.
struct TensorIndexPart {
  enum Kind { Int, Slice, NewAxis, Ellipsis, Indices } kind;
  int64_t index = 0;  // Int: the index; Ellipsis: how many dims it stands for
  std::optional<int64_t> start, stop;
  int64_t step = 1;
  Tensor indices;  // Indices: an int64 tensor or a bool mask (Note [Advanced indexing])
};

// PyTorch's rule for `x[seq]`: a list (or other sequence) holding a tensor, a sequence, a slice,
// None or `...` is read as a tuple of indices (NumPy's old rule); one of plain numbers is an index tensor.
bool sequence_as_tuple(const Value& index) {
  auto* seq = index.as<SeqObj>();
  if (!seq || seq->type == ObjType::Tuple || seq->items.size() >= 32) return false;
  return std::any_of(seq->items.begin(), seq->items.end(), [](const Value& v) {
    return v.is_tensor() || v.as<SeqObj>() || v.as<RangeObj>() || v.as<SliceObj>() || v.is_none() || v.as<EllipsisObj>();
  });
}

// A list, tuple or range used as an index: torch.tensor of it, made int64 unless it holds bools.
Tensor sequence_index(const Value& v) {
  Value data = v;
  if (auto* r = v.as<RangeObj>()) {
    std::vector<Value> items;
    for (int64_t i = 0, x = r->start; i < r->length(); ++i, x += r->step) items.push_back(Value(x));
    data = make_list(std::move(items));
  }
  auto* seq = data.as<SeqObj>();
  TensorOptions opts;
  if (seq && seq->items.empty()) opts.dtype = DType::Int64;
  Tensor t = tensor_from_value(data, opts).as_tensor();
  return is_floating(t.dtype()) ? t.to(DType::Int64) : t;  // PyTorch truncates a list of floats too
}

std::vector<TensorIndexPart> parse_tensor_index(const Value& index, int64_t rank) {
  std::vector<Value> items;
  auto* tup = index.as<SeqObj>();
  if ((tup && tup->type == ObjType::Tuple) || sequence_as_tuple(index)) items = tup->items;
  else items.push_back(index);
  std::vector<TensorIndexPart> parts;
  int64_t consuming = 0;
  bool ellipsis = false;
  for (const Value& v : items) {
    TensorIndexPart p{};
    const bool int_tensor_0d = v.is_tensor() && v.as_tensor().dim() == 0 && v.as_tensor().dtype() == DType::Int64;
    if (v.is_intlike() || int_tensor_0d) {  // a 0-d int64 tensor indexes like an int, as in PyTorch
      p.kind = TensorIndexPart::Int;
      p.index = int_tensor_0d ? v.as_tensor().to_int64s()[0] : v.as_int();
      ++consuming;
    } else if (v.is_tensor() || v.as<SeqObj>() || v.as<RangeObj>()) {
      p.kind = TensorIndexPart::Indices;
      p.indices = v.is_tensor() ? v.as_tensor() : sequence_index(v);
      if (p.indices.dtype() == DType::Bool && p.indices.dim() == 0) raise_not_supported("indexing a tensor with a 0-d bool tensor");
      consuming += p.indices.dtype() == DType::Bool ? p.indices.dim() : 1;
    } else if (auto* s = v.as<SliceObj>()) {
      p.kind = TensorIndexPart::Slice;
      auto opt = [](const Value& x) -> std::optional<int64_t> {
        if (x.is_none()) return std::nullopt;
        return to_index(x, "slice indices must be integers or None or have an __index__ method");
      };
      p.start = opt(s->start);
      p.stop = opt(s->stop);
      p.step = s->step.is_none() ? 1 : to_index(s->step, "slice indices must be integers or None or have an __index__ method");
      if (p.step <= 0) raise_value_error("step must be greater than zero");
      ++consuming;
    } else if (v.is_none()) {
      p.kind = TensorIndexPart::NewAxis;
    } else if (v.as<EllipsisObj>()) {
      if (ellipsis) raise_index_error("an index can only have a single ellipsis ('...')");
      ellipsis = true;
      p.kind = TensorIndexPart::Ellipsis;
    } else if (v.is_float()) {
      raise_index_error("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got float)");
    } else {
      raise_index_error(std::string("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got ") +
                        type_name(v) + ")");
    }
    parts.push_back(p);
  }
  if (rank == 0 && consuming > 0 && parts[0].kind == TensorIndexPart::Int)
    raise_index_error("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a "
                      "0-dim tensor to a number");
  if (consuming > rank) raise_index_error("too many indices for tensor of dimension " + std::to_string(rank));
  // The ellipsis skips the dims no other part consumes (without an op of its own, as in PyTorch).
  for (auto& p : parts)
    if (p.kind == TensorIndexPart::Ellipsis) p.index = rank - consuming;
  return parts;
}

// The index tensors of `parts` as ops/index.h's `indices`: one entry per dim they start at in
// the tensor the other parts leave (a mask covers as many dims as it has), undefined between.
// `dims_before(p)` says how many dims of that tensor precede part p.
struct AdvancedIndices {
  std::vector<Tensor> indices;
  int64_t covered = 0;  // dims of the indexed tensor the entries so far stand for
  void add(const Tensor& idx, int64_t at_dim) {
    for (; covered < at_dim; ++covered) indices.emplace_back();
    indices.push_back(idx);
    covered += idx.dtype() == DType::Bool ? idx.dim() : 1;
  }
};

bool has_indices(const std::vector<TensorIndexPart>& parts) {
  return std::any_of(parts.begin(), parts.end(), [](const TensorIndexPart& p) { return p.kind == TensorIndexPart::Indices; });
}

// "torch.FloatTensor", as PyTorch names a CPU tensor's type in messages.
std::string tensor_type_name(DType t) { return std::string("torch.") + dtype_scalar_name(t) + "Tensor"; }

}  // namespace

Value tensor_index(const Tensor& t, const Value& index) {
  if (index.is_tensor() && index.as_tensor().dtype() == DType::Bool) return Value(index_mask(t, index.as_tensor()));
  auto parts = parse_tensor_index(index, t.dim());
  Tensor r = t;
  int64_t d = 0;         // the dim of `r` the next index applies to
  int64_t real_dim = 0;  // the same dim counted in `t`, which PyTorch's messages name
  bool changed = false;
  AdvancedIndices advanced;
  for (const auto& p : parts) {
    switch (p.kind) {
      case TensorIndexPart::Int: {
        int64_t size = r.shape()[d];
        if (p.index < -size || p.index >= size)
          raise_index_error("index " + std::to_string(p.index) + " is out of bounds for dimension " + std::to_string(real_dim) +
                            " with size " + std::to_string(size));
        r = select(r, d, p.index);
        changed = true;
        ++real_dim;
        break;
      }
      case TensorIndexPart::Slice:
        r = slice(r, d, p.start, p.stop, p.step);  // applied even when it keeps everything, as PyTorch does
        changed = true;
        ++d;
        ++real_dim;
        break;
      case TensorIndexPart::NewAxis:
        r = unsqueeze(r, d);
        changed = true;
        ++d;
        break;
      case TensorIndexPart::Ellipsis:
        d += p.index;
        real_dim += p.index;
        break;
      case TensorIndexPart::Indices: {
        advanced.add(p.indices, d);
        const int64_t dims = p.indices.dtype() == DType::Bool ? p.indices.dim() : 1;
        d += dims;
        real_dim += dims;
        break;
      }
    }
  }
  if (!advanced.indices.empty()) return Value(gradlab::index(r, advanced.indices));
  if (!changed) {
    // x[...] / x[()] make an alias (AliasBackward0), which gradlab has no op for.
    if (t.requires_grad() && grad_mode_enabled()) raise_not_supported("x[...] on a tensor that requires grad");
    return Value(t.detach());
  }
  return Value(r);
}

namespace {
// The value of `t[...] = v`: a tensor, or a Python number made a 0-d tensor of t's dtype.
Tensor assigned_value(const Tensor& t, const Value& v) {
  if (v.is_tensor()) return v.as_tensor();
  if (is_scalar_like(v)) return full({}, to_scalar(v), TensorOptions{t.dtype(), t.device(), false});
  raise_type_error(std::string("can't assign a ") + type_name(v) + " to a " + tensor_type_name(t.dtype()));
}

// t[index] = v where the index mixes tensors with ints, slices or None, without history: PyTorch
// writes through a view; gradlab indexes a tensor of t's flat positions the same way, then puts
// the value at those positions of t's storage.
void set_mixed_index(const Tensor& t, const Value& index, const Tensor& value) {
  std::vector<double> flat(static_cast<size_t>(t.numel()));
  for (size_t i = 0; i < flat.size(); ++i) flat[i] = static_cast<double>(i);
  Tensor positions = from_vector(flat, t.shape(), TensorOptions{DType::Int64, t.device(), false});
  Tensor picked = tensor_index(positions, index).as_tensor();
  Tensor storage_view = prim::alias(t, {t.numel()});  // t's storage, without its history
  index_put_(storage_view, {picked}, value);
}
}  // namespace

void tensor_set_index(const Tensor& t, const Value& index, const Value& v) {
  if (index.is_tensor() && index.as_tensor().dtype() == DType::Bool) {  // t[mask] = v (index_put_)
    Tensor self = t;
    index_put_mask_(self, index.as_tensor(), assigned_value(t, v));
    return;
  }
  auto parts = parse_tensor_index(index, t.dim());
  const bool advanced = has_indices(parts);
  if (advanced && std::all_of(parts.begin(), parts.end(), [](const TensorIndexPart& p) {
        return p.kind == TensorIndexPart::Indices || p.kind == TensorIndexPart::Ellipsis;
      })) {  // t[idx] = v, t[..., idx] = v: index_put_ on t itself (IndexPutBackward0)
    AdvancedIndices indices;
    int64_t d = 0;
    for (const auto& p : parts) {
      if (p.kind == TensorIndexPart::Ellipsis) {
        d += p.index;
        continue;
      }
      indices.add(p.indices, d);
      d += p.indices.dtype() == DType::Bool ? p.indices.dim() : 1;
    }
    Tensor self = t;
    index_put_(self, indices.indices, assigned_value(t, v));
    return;
  }
  if (grad_mode_enabled() && t.requires_grad()) {
    // x[1:2] = v writes through a view of x; x[...] = v (and x[()] = v) writes x itself.
    auto not_ellipsis = [](const Value& i) { return i.as<EllipsisObj>() == nullptr; };
    auto* tup = index.as<SeqObj>();
    const bool through_view = tup && tup->type == ObjType::Tuple
                                  ? std::any_of(tup->items.begin(), tup->items.end(), not_ellipsis)
                                  : not_ellipsis(index);
    if (t.is_leaf())
      raise("RuntimeError", std::string(through_view ? "a view of a leaf" : "a leaf") +
                                " Variable that requires grad is being used in an in-place operation.");
    raise_not_supported("assigning into part of a tensor that has a grad_fn (x[i] = v)");
  }
  if (v.is_tensor() && v.as_tensor().requires_grad() && grad_mode_enabled())
    raise_not_supported("assigning a tensor that requires grad into part of another tensor");
  if (advanced) {
    set_mixed_index(t, index, assigned_value(t, v));
    return;
  }
  // Work out the window of t's storage the index selects.
  Shape shape = t.shape();
  std::vector<int64_t> strides = contiguous_strides(shape);
  Shape wshape;
  std::vector<int64_t> wstrides;
  int64_t offset = 0;
  size_t d = 0;
  for (const auto& p : parts) {
    switch (p.kind) {
      case TensorIndexPart::Int: {
        int64_t size = shape[d];
        int64_t i = p.index;
        if (i < -size || i >= size)
          raise_index_error("index " + std::to_string(i) + " is out of bounds for dimension " + std::to_string(d) + " with size " +
                            std::to_string(size));
        if (i < 0) i += size;
        offset += i * strides[d];
        ++d;
        break;
      }
      case TensorIndexPart::Slice: {
        int64_t size = shape[d];
        auto clamp = [&](std::optional<int64_t> x, int64_t dflt) {
          if (!x) return dflt;
          int64_t i = *x < 0 ? *x + size : *x;
          return std::clamp<int64_t>(i, 0, size);
        };
        int64_t a = clamp(p.start, 0), b = clamp(p.stop, size);
        int64_t len = b > a ? (b - a + p.step - 1) / p.step : 0;
        offset += a * strides[d];
        wshape.push_back(len);
        wstrides.push_back(strides[d] * p.step);
        ++d;
        break;
      }
      case TensorIndexPart::NewAxis:
        wshape.push_back(1);
        wstrides.push_back(0);
        break;
      case TensorIndexPart::Ellipsis:
        for (int64_t k = 0; k < p.index; ++k, ++d) {
          wshape.push_back(shape[d]);
          wstrides.push_back(strides[d]);
        }
        break;
      case TensorIndexPart::Indices: break;  // handled above
    }
  }
  for (; d < shape.size(); ++d) {
    wshape.push_back(shape[d]);
    wstrides.push_back(strides[d]);
  }
  NoGradGuard no_grad;
  Tensor src = assigned_value(t, v);
  if (src.shape() != wshape) {
    Shape b = broadcast_shapes(src.shape(), wshape);
    if (b != wshape)
      raise("RuntimeError", "shape mismatch: value tensor of shape " + shape_str(src.shape()) +
                                " cannot be broadcast to indexing result of shape " + shape_str(wshape));
    src = expand(src, wshape);
  }
  if (src.dtype() != t.dtype()) src = src.to(t.dtype());
  if (src.device() != t.device()) src = src.to(t.device());
  src = src.contiguous_clone();
  if (shape_numel(wshape) == 0) return;
  StridedView window{t.data(), wshape, wstrides, offset};
  t.storage().backend->strided_write(t.dtype(), src.data(), t.mutable_data(), window);
  written_in_place(t);
}

Value get_item(Interp& in, const Value& obj, const Value& index) {
  if (is_instance(obj)) {
    Value r;
    if (call_dunder(in, obj, "__getitem__", {index}, &r)) return r;
    raise_type_error(std::string("'") + type_name(obj) + "' object is not subscriptable");
  }
  if (obj.is_tensor()) return tensor_index(obj.as_tensor(), index);
  Object* o = obj.obj();
  if (!o) {
    raise_type_error(std::string("'") + type_name(obj) + "' object is not subscriptable");
  }
  switch (o->type) {
    case ObjType::List:
    case ObjType::Tuple:
    case ObjType::Size:
    case ObjType::ReturnTypes: {
      auto* s = static_cast<SeqObj*>(o);
      int64_t n = static_cast<int64_t>(s->items.size());
      if (auto* sl = index.as<SliceObj>()) {
        SliceBounds b = adjust_slice(*sl, n);
        std::vector<Value> out;
        out.reserve(static_cast<size_t>(b.length));
        for (int64_t k = 0, i = b.start; k < b.length; ++k, i += b.step) out.push_back(s->items[i]);
        if (s->is_list()) return make_list(std::move(out));
        Value r = make_tuple(std::move(out));
        if (s->type == ObjType::Size) r.as<SeqObj>()->type = ObjType::Size;
        return r;
      }
      return s->items[seq_index(index, n, s->type == ObjType::List ? "list" : "tuple")];
    }
    case ObjType::Str: {
      const std::string& str = static_cast<StrObj*>(o)->s;
      int64_t n = static_cast<int64_t>(str.size());
      if (auto* sl = index.as<SliceObj>()) {
        SliceBounds b = adjust_slice(*sl, n);
        std::string out;
        for (int64_t k = 0, i = b.start; k < b.length; ++k, i += b.step) out += str[i];
        return make_str(std::move(out));
      }
      if (!index.is_intlike()) raise_type_error(std::string("string indices must be integers, not '") + type_name(index) + "'");
      return make_str(std::string(1, str[seq_index(index, n, "string")]));
    }
    case ObjType::Dict: {
      Value* v = static_cast<DictObj*>(o)->find(index);
      if (!v) raise_key_error(index);
      return *v;
    }
    case ObjType::Range: {
      auto* r = static_cast<RangeObj*>(o);
      int64_t n = r->length();
      if (auto* sl = index.as<SliceObj>()) {
        SliceBounds b = adjust_slice(*sl, n);
        return Value(std::make_shared<RangeObj>(r->start + b.start * r->step, r->start + (b.start + b.length * b.step) * r->step,
                                                r->step * b.step));
      }
      if (!index.is_intlike()) raise_type_error(std::string("range indices must be integers or slices, not ") + type_name(index));
      int64_t i = index.as_int();
      if (i < 0) i += n;
      if (i < 0 || i >= n) raise_index_error("range object index out of range");
      return Value(r->start + i * r->step);
    }
    case ObjType::Type: {
      // list[int] and friends (type hints)
      return obj;
    }
    default: break;
  }
  raise_type_error(std::string("'") + type_name(obj) + "' object is not subscriptable");
}

void set_item(Interp& in, const Value& obj, const Value& index, Value v) {
  if (is_instance(obj)) {
    if (call_dunder(in, obj, "__setitem__", {index, v}, nullptr)) return;
    raise_type_error(std::string("'") + type_name(obj) + "' object does not support item assignment");
  }
  if (obj.is_tensor()) {
    tensor_set_index(obj.as_tensor(), index, v);
    return;
  }
  if (auto* l = as_list(obj)) {
    int64_t n = static_cast<int64_t>(l->items.size());
    if (auto* sl = index.as<SliceObj>()) {
      SliceBounds b = adjust_slice(*sl, n);
      if (!v.obj() && !v.is_tensor()) raise_type_error("can only assign an iterable");
      std::vector<Value> src = to_vector(in, v);
      if (b.step == 1) {
        int64_t stop = std::max(b.stop, b.start);
        l->items.erase(l->items.begin() + b.start, l->items.begin() + stop);
        l->items.insert(l->items.begin() + b.start, src.begin(), src.end());
        return;
      }
      if (static_cast<int64_t>(src.size()) != b.length)
        raise_value_error("attempt to assign sequence of size " + std::to_string(src.size()) + " to extended slice of size " +
                          std::to_string(b.length));
      for (int64_t k = 0, i = b.start; k < b.length; ++k, i += b.step) l->items[i] = src[k];
      return;
    }
    l->items[seq_index(index, n, "list assignment")] = std::move(v);
    return;
  }
  if (auto* d = obj.as<DictObj>()) {
    d->set(index, std::move(v));
    return;
  }
  if (as_tuple(obj) || as_str(obj))
    raise_type_error(std::string("'") + type_name(obj) + "' object does not support item assignment");
  raise_type_error(std::string("'") + type_name(obj) + "' object does not support item assignment");
}

void del_item(Interp& in, const Value& obj, const Value& index) {
  if (is_instance(obj)) {
    if (call_dunder(in, obj, "__delitem__", {index}, nullptr)) return;
    raise_type_error(std::string("'") + type_name(obj) + "' object doesn't support item deletion");
  }
  if (auto* l = as_list(obj)) {
    int64_t n = static_cast<int64_t>(l->items.size());
    if (auto* sl = index.as<SliceObj>()) {
      SliceBounds b = adjust_slice(*sl, n);
      std::vector<Value> keep;
      for (int64_t i = 0; i < n; ++i) {
        bool hit = b.step > 0 ? (i >= b.start && i < b.stop && (i - b.start) % b.step == 0)
                              : (i <= b.start && i > b.stop && (b.start - i) % (-b.step) == 0);
        if (!hit) keep.push_back(l->items[i]);
      }
      l->items = std::move(keep);
      return;
    }
    l->items.erase(l->items.begin() + seq_index(index, n, "list assignment"));
    return;
  }
  if (auto* d = obj.as<DictObj>()) {
    if (!d->erase(index)) raise_key_error(index);
    return;
  }
  raise_type_error(std::string("'") + type_name(obj) + "' object doesn't support item deletion");
}

// ---- iteration ---------------------------------------------------------------------------------
Iter::Iter(Interp& in, const Value& v) : hold_(v) { init(in, hold_); }

void Iter::init(Interp& in, const Value& v) {
  if (v.is_tensor()) {
    const Tensor& t = v.as_tensor();
    if (t.dim() == 0) raise_type_error("iteration over a 0-d tensor");
    kind_ = Kind::Tensor;
    n_ = t.shape()[0];
    return;
  }
  Object* o = v.obj();
  if (o) {
    switch (o->type) {
      case ObjType::List:
      case ObjType::Tuple:
      case ObjType::Size:
      case ObjType::ReturnTypes:
        kind_ = Kind::Seq;
        seq_ = &static_cast<SeqObj*>(o)->items;
        return;
      case ObjType::Range: {
        auto* r = static_cast<RangeObj*>(o);
        kind_ = Kind::Range;
        n_ = r->length();
        cur_ = r->start;
        step_ = r->step;
        return;
      }
      case ObjType::Str: {
        kind_ = Kind::Values;
        const std::string& s = static_cast<StrObj*>(o)->s;
        for (size_t i = 0; i < s.size();) {
          size_t len = 1;
          unsigned char c = static_cast<unsigned char>(s[i]);
          if (c >= 0xF0) len = 4;
          else if (c >= 0xE0) len = 3;
          else if (c >= 0xC0) len = 2;
          values_.push_back(make_str(s.substr(i, len)));
          i += len;
        }
        seq_ = &values_;
        return;
      }
      case ObjType::Dict:
        kind_ = Kind::Values;
        for (auto& e : static_cast<DictObj*>(o)->entries) values_.push_back(e.first);
        seq_ = &values_;
        return;
      case ObjType::DictView:
        kind_ = Kind::Seq;
        seq_ = &static_cast<DictViewObj*>(o)->items;
        return;
      case ObjType::Instance: {
        Value r;
        if (call_dunder(in, v, "__iter__", {}, &r)) {
          if (is_instance(r)) {
            if (!class_lookup(r.as<InstanceObj>()->cls.get(), "__next__"))
              raise_type_error(std::string("iter() returned non-iterator of type '") + type_name(r) + "'");
            kind_ = Kind::Protocol;
            in_ = &in;
            hold_ = r;
            return;
          }
          if (!r.as<IteratorObj>() && !r.as<GeneratorObj>())
            raise_type_error(std::string("iter() returned non-iterator of type '") + type_name(r) + "'");
          hold_ = std::move(r);
          init(in, hold_);
          return;
        }
        if (class_lookup(static_cast<InstanceObj*>(o)->cls.get(), "__getitem__")) {
          kind_ = Kind::Protocol;  // the old sequence protocol: v[0], v[1], ... until IndexError
          in_ = &in;
          n_ = -1;
          return;
        }
        break;
      }
      case ObjType::Iterator:
        kind_ = Kind::Iterator;
        it_ = static_cast<IteratorObj*>(o);
        return;
      case ObjType::Generator:
        kind_ = Kind::Generator;
        in_ = &in;
        return;
      case ObjType::Set:
      case ObjType::FrozenSet:
        kind_ = Kind::Values;
        values_ = static_cast<SetObj*>(o)->items();
        seq_ = &values_;
        return;
      default: break;
    }
  }
  raise_type_error(std::string("'") + type_name(v) + "' object is not iterable");
}

bool Iter::next(Value& out) {
  switch (kind_) {
    case Kind::Seq:
    case Kind::Values:
      if (static_cast<size_t>(i_) >= seq_->size()) return false;
      out = (*seq_)[static_cast<size_t>(i_++)];
      return true;
    case Kind::Range:
      if (i_ >= n_) return false;
      out = Value(cur_);
      cur_ += step_;
      ++i_;
      return true;
    case Kind::Tensor:
      if (i_ >= n_) return false;
      out = Value(select(hold_.as_tensor(), 0, i_++));
      return true;
    case Kind::Iterator: return it_->advance(out);
    case Kind::Protocol: {
      if (n_ < 0) {  // __getitem__ with 0, 1, 2, ...
        const Value* gi = class_lookup(hold_.as<InstanceObj>()->cls.get(), "__getitem__");
        if (!gi) return false;
        Value fn = *gi;
        std::vector<Value> pos{hold_, Value(i_)};
        CallArgs a;
        a.pos = pos.data();
        a.npos = 2;
        if (!in_->call_catching(fn, a, "IndexError", &out)) return false;
        ++i_;
        return true;
      }
      const Value* nx = class_lookup(hold_.as<InstanceObj>()->cls.get(), "__next__");
      if (!nx) return false;
      Value fn = *nx;
      std::vector<Value> pos{hold_};
      CallArgs a;
      a.pos = pos.data();
      a.npos = 1;
      return in_->call_catching(fn, a, "StopIteration", &out);
    }
    case Kind::Generator: return in_->generator_next(static_cast<GeneratorObj*>(hold_.obj()), out);
    case Kind::Str: return false;
  }
  return false;
}

std::vector<Value> to_vector(Interp& in, const Value& v) {
  if (auto* s = v.as<SeqObj>()) return s->items;
  std::vector<Value> out;
  Iter it(in, v);
  Value x;
  while (it.next(x)) {
    if (out.size() == out.capacity()) {  // growing: 2^26 items at most, and Note [Allocation limit]
      if (out.size() >= (size_t{1} << 26)) raise("MemoryError", "");
      check_allocation(out.size() * 2 + 1, sizeof(Value));
    }
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace gradlab::script
