// Joining and splitting tensors: torch.cat (CatBackward0), torch.stack (StackBackward0), and
// their inverses split (SplitBackward0; with a list of sizes SplitWithSizesBackward0), chunk
// (SplitBackward0) and unbind (UnbindBackward0), whose pieces are outputs of one node.
#pragma once
#include <vector>

#include "engine/tensor.h"

namespace gradlab {

// Concatenates along `dim` (PyTorch's promotion of dtypes; legacy 1-D empty tensors skipped).
Tensor cat(const std::vector<Tensor>& tensors, int64_t dim);
// Stacks equal-shaped tensors along a new dim.
Tensor stack(const std::vector<Tensor>& tensors, int64_t dim);

// Pieces of `split_size` along `dim` (the last one shorter).
std::vector<Tensor> split(const Tensor& a, int64_t split_size, int64_t dim);
// Pieces of the given sizes along `dim`.
std::vector<Tensor> split_with_sizes(const Tensor& a, const std::vector<int64_t>& sizes, int64_t dim);
// `chunks` pieces at most, of ceil(size / chunks) each.
std::vector<Tensor> chunk(const Tensor& a, int64_t chunks, int64_t dim);
// Every index of `dim`, that dim removed.
std::vector<Tensor> unbind(const Tensor& a, int64_t dim);

}  // namespace gradlab
