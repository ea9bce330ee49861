// Random sampling with PyTorch 1.13's CPU algorithms: torch.rand/randn/randint/randperm/...,
// the in-place samplers (x.uniform_(), x.normal_(), ...) and bernoulli/multinomial/poisson.
//
// Each function draws from the CpuGenerator it is given, element by element in memory order,
// with the transform PyTorch applies to the raw words (engine/random/transforms.h), so a seed
// gives the numbers a PyTorch notebook shows. Errors are PyTorch's texts. The in-place samplers
// follow Note [In-place ops] (no in-place draw into a leaf that requires grad while grad mode
// is on). Sampling works on CPU tensors; a CUDA tensor is refused with a clear error, since
// PyTorch's CUDA generator (Philox) gives other numbers.
#pragma once
#include <cstdint>
#include <optional>

#include "engine/random/generator.h"
#include "engine/tensor.h"

namespace gradlab {

using random::CpuGenerator;

Tensor& uniform_(Tensor& self, double from, double to, CpuGenerator& gen);
Tensor& normal_(Tensor& self, double mean, double std, CpuGenerator& gen);
Tensor& random_(Tensor& self, CpuGenerator& gen);  // the dtype's whole integer range
Tensor& random_(Tensor& self, int64_t from, std::optional<int64_t> to, CpuGenerator& gen);  // [from, to)
Tensor& bernoulli_(Tensor& self, double p, CpuGenerator& gen);
Tensor& bernoulli_(Tensor& self, const Tensor& p, CpuGenerator& gen);
Tensor& exponential_(Tensor& self, double lambd, CpuGenerator& gen);
Tensor& geometric_(Tensor& self, double p, CpuGenerator& gen);
Tensor& log_normal_(Tensor& self, double mean, double std, CpuGenerator& gen);
Tensor& cauchy_(Tensor& self, double median, double sigma, CpuGenerator& gen);

Tensor randperm(int64_t n, const TensorOptions& options, CpuGenerator& gen);
Tensor bernoulli(const Tensor& p, CpuGenerator& gen);  // each element 1 with probability p
Tensor bernoulli(const Tensor& like, double p, CpuGenerator& gen);  // like's shape and dtype, probability p
Tensor multinomial(const Tensor& probs, int64_t num_samples, bool replacement, CpuGenerator& gen);
Tensor poisson(const Tensor& rates, CpuGenerator& gen);

// torch.normal's tensor overloads: draws of N(0, 1) (or N(0, std)) scaled and shifted by
// tensors, as PyTorch composes them.
Tensor normal(const Tensor& mean, const Tensor& std, CpuGenerator& gen);
Tensor normal(const Tensor& mean, double std, CpuGenerator& gen);
Tensor normal(double mean, const Tensor& std, CpuGenerator& gen);

}  // namespace gradlab
