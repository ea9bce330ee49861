// How scripts reach the engine's ops: one binding row per op name says which of PyTorch's forms
// exist — the Tensor method `x.exp()`, the function `torch.exp(x)`, the function
// `torch.nn.functional.relu(x)` — and which C++ function implements them.
//
// Note [One binding row per op]
// A family file (tensor_methods.cpp, compare_methods.cpp, nn_functional.cpp, ...) keeps its rows
// in one table and bindings.cpp lists the tables, so exposing an op is one row:
//
//   {"exp", kMethod | kTorch, m_exp},                  // x.exp(), torch.exp(x)
//   {"softmax", kFunctional, nullptr, f_softmax},      // F.softmax(input, dim=None, ...)
//
// `method` takes the tensor as self; the torch and functional forms call it with their first
// argument as self unless the row gives `function`, a free function with its own signature
// (F.softmax's implicit-dim warning, torch.where's three forms). Two rows may share a name when
// their forms differ. tests/cpp/test_bindings.cpp checks that every row of engine/ops/op_list.h
// is reachable from scripts and that no form is bound twice.
#pragma once
#include <string>
#include <vector>

#include "engine/script/runtime.h"

namespace gradlab::script {

enum BindingForm : unsigned {
  kMethod = 1,      // x.name(...)
  kTorch = 2,       // torch.name(...)
  kFunctional = 4,  // torch.nn.functional.name(...)
  kOut = 8,         // the torch form also takes out= (Note [out= arguments])
};

struct Binding {
  const char* name;
  unsigned forms;                 // BindingForm flags
  MethodFn method;                // self-first implementation
  BuiltinFn function = nullptr;   // the torch/functional form when its signature is its own
};
using Bindings = std::vector<Binding>;

// The family tables (each in its family file).
const Bindings& tensor_bindings();   // tensor_methods.cpp: autograd, data, arithmetic, shape, math
const Bindings& compare_bindings();  // compare_methods.cpp: comparisons, logic, masks
const Bindings& nn_bindings();       // nn_functional.cpp: activations, losses, linear algebra helpers
const Bindings& norm_bindings();     // nn_norm_functional.cpp: embedding, layer_norm, batch_norm
const Bindings& random_bindings();   // random_functions.cpp: in-place samplers, bernoulli, multinomial
const Bindings& join_bindings();     // join_functions.cpp: cat, stack, ...
const Bindings& conv_bindings();     // nn_conv.cpp: convolutions and pooling
const Bindings& index_bindings();    // index_functions.cpp: argmax, gather, scatter, one_hot, ...
const Bindings& reduce_bindings();   // reduce_functions.cpp: cumsum, cumprod, std, var
const Bindings& rearrange_bindings();  // rearrange_methods.cpp: flip, roll, repeat, tril, diag, bmm, ...
const Bindings& movement_bindings();   // movement_methods.cpp: narrow, movedim, swapaxes, unflatten, rot90, unfold, diff, meshgrid
const Bindings& contract_bindings();   // contract_functions.cpp: einsum, tensordot
const Bindings& counting_bindings();   // counting_functions.cpp: bincount, histc, searchsorted, bucketize
const Bindings& pointwise_bindings();  // pointwise_methods.cpp: lerp, clamp_min, clamp_max, dist, cross
const Bindings& linalg_bindings();     // linalg_functions.cpp: norm
const Bindings& trig_bindings();  // trig_methods.cpp: tan, asin, acos, atan, atan2, hypot, erfc

// torch.return_types.NAME(values=..., indices=...), what max(dim), sort and topk return
// (tensor_methods.cpp).
Value make_return_types(const char* name, Tensor values, Tensor indices);

// Every row of every family, in table order.
std::vector<const Binding*> all_bindings();

// Adds the torch.X and torch.nn.functional.X forms of every row to those modules.
void install_bindings(ModuleObj& torch, ModuleObj& functional);

// torch.X(..., out=t) for a kOut row: computes X, then writes the result into t and returns t.
Value call_with_out(Interp& in, const BuiltinObj* b, CallArgs& args, size_t out_kw);

}  // namespace gradlab::script
