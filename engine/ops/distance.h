// Distances and the losses built on them, as ATen 1.13 composes them from other ops
// (CompositeImplicitAutograd): the nodes PyTorch prints (NormBackward1 over AddBackward1 for
// pairwise_distance, WhereBackward0 for the embedding losses) and the same digits, since every
// step is an op whose rounding already matches. Distances in ops/distance.cpp, losses in
// ops/loss.cpp; torch.nn.functional's argument handling in script/nn_functional.cpp.
#pragma once
#include "engine/ops/nn.h"
#include "engine/tensor.h"

namespace gradlab {

// ‖x1 − x2 + eps‖_p along the last dim of the broadcast shape.
Tensor pairwise_distance(const Tensor& x1, const Tensor& x2, double p, double eps, bool keepdim);
// Σ_dim (x1 / ‖x1‖) · (x2 / ‖x2‖), each squared norm clamped to eps² first (outside autograd).
Tensor cosine_similarity(const Tensor& x1, const Tensor& x2, int64_t dim, double eps);

// max(0, −target · (x1 − x2) + margin)
Tensor margin_ranking_loss(const Tensor& x1, const Tensor& x2, const Tensor& target, double margin, Reduction r);
// x where target is 1, max(0, margin − x) where target is −1 (both where it is neither)
Tensor hinge_embedding_loss(const Tensor& x, const Tensor& target, double margin, Reduction r);
// 1 − cos(x1, x2) where target is 1, max(0, cos − margin) where it is −1
Tensor cosine_embedding_loss(const Tensor& x1, const Tensor& x2, const Tensor& target, double margin, Reduction r);
// max(0, margin + d(anchor, positive) − d(anchor, negative)), d the pairwise distance
Tensor triplet_margin_loss(const Tensor& anchor, const Tensor& positive, const Tensor& negative, double margin, double p,
                           double eps, bool swap, Reduction r);

}  // namespace gradlab
