// Describes the backward graph behind some tensors as JSON data, so the page (or any other
// front end) only has to draw it. Tensor boxes carry their value and gradient; op nodes carry
// PyTorch's node name and scalar attributes; AccumulateGrad nodes lead to leaves. Edges point
// the way gradients flow, and nodes come in the order the backward pass would run them.
//
// {"nodes":[{"id":"t1","kind":"tensor","name":"y","shape":[],"dtype":"torch.float32",
//            "value":"16.","data":[16],"grad":null,"grad_data":null,"is_leaf":false,
//            "requires_grad":true},
//           {"id":"f1","kind":"op","label":"PowBackward0","op":"pow","attrs":{"exponent":2}}, ...],
//  "edges":[{"from":"t1","to":"f1"}, ...]}
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

std::string describe_graph_json(const std::vector<std::pair<std::string, Tensor>>& named);

}  // namespace gradlab
