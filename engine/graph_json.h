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
//
// With a BackwardTrace (Note [Backward trace]) that recorded passes, the last pass's graph is
// drawn too, and the passes are added, each step naming its node by the ids above (null for a
// node not drawn: an earlier pass's graph, or beyond the picture's 400 nodes):
//   "passes":[{"retain_graph":false,"create_graph":false,"accumulate":true,"preview":false,"truncated":false,
//              "steps":[{"node":"f2","label":"PowBackward0","grad_in":V,
//                        "sent":[{"to":"a3","label":"AccumulateGrad","grad":V,"unreduced":V|null}]},
//                       {"node":"a3","label":"AccumulateGrad","grad_in":V,"sent":[],
//                        "before":V|null,"after":V}]}],
//   "dropped_passes":0
// where V = {"shape":[3],"value":"[2., 4., 6.]","data":[2,4,6]} (null: no gradient / None) and
// "unreduced" is the gradient before it was summed back to a broadcast input's shape.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

struct BackwardTrace;

nlohmann::json describe_graph(const std::vector<std::pair<std::string, Tensor>>& named,
                              const BackwardTrace* trace = nullptr);
inline std::string describe_graph_json(const std::vector<std::pair<std::string, Tensor>>& named,
                                       const BackwardTrace* trace = nullptr) {
  return describe_graph(named, trace).dump();
}

}  // namespace gradlab
