// The five workloads in C++ — line for line what bench/workloads/*.py do, so that the script
// timing minus this timing is the interpreter's share. See bench_api.h.
#include "native/bench_api.h"

#include <cmath>
#include <memory>
#include <stdexcept>
#include <vector>

#include "engine/random/sampling.h"
#include "engine/tensor.h"

namespace gradlab::bench {
namespace {

// torch.sin(torch.arange(n, dtype=torch.float32) * k) * scale, computed the way the .py files
// do (float32 product, then sin), so the check numbers agree with every peer.
Tensor wave(int64_t n, float k, bool use_cos, const Shape& shape, Device device, float scale = 1.0f) {
  std::vector<double> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    float arg = static_cast<float>(i) * k;
    v[static_cast<size_t>(i)] = scale * (use_cos ? std::cos(arg) : std::sin(arg));
  }
  return from_vector(v, shape, {.dtype = DType::Float32, .device = device});
}

TensorOptions grad_options(Device device) {
  TensorOptions o;
  o.device = device;
  o.requires_grad = true;
  return o;
}

Tensor leaf(Tensor t) {
  t.requires_grad_(true);
  return t;
}

// Waiting for the device: reading 4 bytes back blocks until queued work is done.
std::function<void()> syncer(Device device, Tensor leaf_with_grad) {
  if (!device.is_cuda()) return [] {};
  return [t = leaf_with_grad] {
    Tensor g = t.grad();
    float v;
    if (g.defined()) g.storage().backend->copy_to_host(&v, g.data(), sizeof v);
  };
}

double item(const Tensor& t) { return t.item().value; }

ApiWorkload w1_seed(Device device) {
  struct State { Tensor x, t; };
  auto s = std::make_shared<State>();
  auto row = [](double a, double b, double c) { return NestedData{std::vector<NestedData>{{a}, {b}, {c}}}; };
  return {
      [s, device, row] {
        TensorOptions grad_opts = grad_options(device);
        s->x = tensor(NestedData{4.0}, grad_opts);
        Tensor y = pow(s->x, Scalar(2));
        y.backward();
        NestedData lst{std::vector<NestedData>{row(2, 3, 1), row(4, 5, 3), row(7, 6, 4)}};
        s->t = tensor(lst, grad_opts);
        y = add(pow(s->t, Scalar(3)), pow(s->t, Scalar(2)));
        Tensor z = sum(y);
        z.backward();
      },
      [s] { return item(s->x.grad()) + item(sum(s->t.grad())); },
      device.is_cuda() ? std::function<void()>([s] { (void)item(s->t.grad()); }) : [] {},
  };
}

ApiWorkload w2_mlp(Device device) {
  struct State { Tensor x, target, w1, b1, w2, b2, loss; };
  auto s = std::make_shared<State>();
  s->x = wave(64 * 64, 0.1f, false, {64, 64}, device);
  s->target = wave(64 * 10, 0.2f, true, {64, 10}, device);
  s->w1 = leaf(wave(64 * 128, 0.37f, false, {64, 128}, device, 0.1f));
  s->b1 = zeros({128}, grad_options(device));
  s->w2 = leaf(wave(128 * 10, 0.53f, true, {128, 10}, device, 0.1f));
  s->b2 = zeros({10}, grad_options(device));
  const double lr = 0.01;
  return {
      [s, lr] {
        Tensor h = tanh(add(matmul(s->x, s->w1), s->b1));
        Tensor out = add(matmul(h, s->w2), s->b2);
        s->loss = mean(pow(sub(out, s->target), Scalar(2)));
        s->loss.backward();
        NoGradGuard no_grad;
        for (Tensor* p : {&s->w1, &s->b1, &s->w2, &s->b2}) {
          p->sub_(mul(p->grad(), Scalar(lr)));  // p -= lr * p.grad
          p->set_grad(Tensor());
        }
      },
      [s] { return item(s->loss); },
      device.is_cuda() ? std::function<void()>([s] { (void)item(s->loss); }) : [] {},
  };
}

ApiWorkload w3_matmul(Device device, int64_t n) {
  struct State { Tensor a, b; };
  auto s = std::make_shared<State>();
  s->a = leaf(wave(n * n, 0.01f, false, {n, n}, device));
  s->b = leaf(wave(n * n, 0.02f, true, {n, n}, device));
  return {
      [s] {
        s->a.set_grad(Tensor());
        s->b.set_grad(Tensor());
        Tensor c = matmul(s->a, s->b);
        sum(c).backward();
      },
      [s] { return item(sum(s->a.grad())) + item(sum(s->b.grad())); },
      syncer(device, s->b),
  };
}

ApiWorkload w4_elementwise(Device device, int64_t n) {
  auto x = std::make_shared<Tensor>(leaf(wave(n, 0.001f, false, {n}, device)));
  return {
      [x] {
        x->set_grad(Tensor());
        sum(add(pow(*x, Scalar(3)), pow(*x, Scalar(2)))).backward();
      },
      [x] { return item(sum(x->grad())); },
      syncer(device, *x),
  };
}

ApiWorkload w5_scalar_chain(Device device) {
  struct State { Tensor b, c; };
  auto s = std::make_shared<State>();
  TensorOptions grad_opts = grad_options(device);
  s->b = tensor(NestedData{0.5}, grad_opts);
  s->c = tensor(NestedData{1.0}, grad_opts);
  return {
      [s, grad_opts] {
        s->b.set_grad(Tensor());
        s->c.set_grad(Tensor());
        Tensor a = tensor(NestedData{1.0}, grad_opts);
        for (int i = 0; i < 10000; ++i) a = add(mul(a, s->b), s->c);
        a.backward();
      },
      [s] { return item(s->b.grad()) + item(s->c.grad()); },
      syncer(device, s->c),
  };
}

// R1: a million normals and a million uniforms from one seeded generator (CPU only: gradlab
// samples on the CPU).
ApiWorkload r1_random(Device device) {
  if (device.is_cuda()) throw std::invalid_argument("R1 samples on the CPU only");
  auto g = std::make_shared<random::CpuGenerator>(0);
  auto out = std::make_shared<std::pair<Tensor, Tensor>>(zeros({1000000}), zeros({1000000}));
  return {
      [g, out] {
        normal_(out->first, 0.0, 1.0, *g);
        uniform_(out->second, 0.0, 1.0, *g);
      },
      [out] { return item(sum(out->first)) + item(sum(out->second)); },
      syncer(device, out->second),
  };
}

}  // namespace

ApiWorkload make_api_workload(const std::string& name, Device device, int64_t size) {
  if (name == "W1") return w1_seed(device);
  if (name == "W2") return w2_mlp(device);
  if (name == "W3") return w3_matmul(device, size ? size : 512);
  if (name == "W4") return w4_elementwise(device, size ? size : 1000000);
  if (name == "W5") return w5_scalar_chain(device);
  if (name == "R1") return r1_random(device);
  throw std::invalid_argument("unknown workload " + name);
}

}  // namespace gradlab::bench
