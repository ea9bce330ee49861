// Describes the backward graph behind some tensors as JSON data, so the page (or any other
// front end) only has to draw it. Tensor boxes carry their value and gradient; op nodes carry
// PyTorch's node name, the op's derivative rule template (Note [Derivative rules],
// ops/op_list.h), scalar attributes ("p"/"q" for the rule's {p}/{q}; infinite ones and absent
// clamp bounds as the strings "∞"/"−∞") and, per input slot ({a}, {b}, {c}), whether it gets a
// gradient: the op's edges to further nodes come in that order, skipping the slots that do not;
// AccumulateGrad nodes lead to leaves. Edges point the way gradients flow, and nodes come in
// the order the backward pass would run them.
//
// {"nodes":[{"id":"t1","kind":"tensor","name":"y","shape":[],"dtype":"torch.float32",
//            "value":"16.","data":[16],"grad":null,"grad_data":null,"is_leaf":false,
//            "requires_grad":true},
//           {"id":"f1","kind":"op","label":"PowBackward0","op":"pow",
//            "rule":"∂/∂{a} = {p}·{a}^({p}−1)","attrs":{"exponent":2,"p":2},
//            "needs_input_grad":[true]},
//           {"id":"a2","kind":"op","label":"AccumulateGrad","op":"accumulate_grad",
//            "rule":"{a}.grad += G"}, ...],
//  "edges":[{"from":"t1","to":"f1"}, ...]}
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

std::string describe_graph_json(const std::vector<std::pair<std::string, Tensor>>& named);

}  // namespace gradlab
