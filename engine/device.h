// Where a tensor's storage lives. `cpu` always exists; `cuda:N` when the CUDA backend is
// compiled in and a GPU is present. Printed as PyTorch prints it ("cpu", "cuda:0").
#pragma once
#include <cstdint>
#include <string>

namespace gradlab {

enum class DeviceType : uint8_t { CPU, CUDA };

struct Device {
  DeviceType type = DeviceType::CPU;
  int index = 0;
  bool operator==(const Device& o) const { return type == o.type && (type == DeviceType::CPU || index == o.index); }
  bool operator!=(const Device& o) const { return !(*this == o); }
  bool is_cuda() const { return type == DeviceType::CUDA; }
  std::string str() const { return type == DeviceType::CPU ? "cpu" : "cuda:" + std::to_string(index); }
};

// Parses "cpu", "cuda", "cuda:1"; throws RuntimeError like PyTorch on anything else.
Device parse_device(const std::string& text);

}  // namespace gradlab
