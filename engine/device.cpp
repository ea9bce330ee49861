// Device parsing with PyTorch's error messages (torch.device("...")).
#include "engine/device.h"

#include <cctype>

#include "engine/error.h"

namespace gradlab {

Device parse_device(const std::string& text) {
  auto fail = [&]() -> Device {
    runtime_error("Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, ort, xla, lazy, vulkan, mps, meta, hpu, privateuseone device type at start of device string: " + text);
  };
  std::string type = text, index;
  if (auto colon = text.find(':'); colon != std::string::npos) {
    type = text.substr(0, colon);
    index = text.substr(colon + 1);
  }
  Device d;
  if (type == "cpu") {
    d.type = DeviceType::CPU;
  } else if (type == "cuda") {
    d.type = DeviceType::CUDA;
  } else {
    return fail();
  }
  if (text.find(':') != std::string::npos) {
    bool digits = !index.empty() && index.size() < 9;
    for (char c : index) digits = digits && std::isdigit(static_cast<unsigned char>(c));
    if (!digits || (index.size() > 1 && index[0] == '0')) runtime_error("Invalid device string: '" + text + "'");
    d.index = std::stoi(index);
  }
  return d;
}

}  // namespace gradlab
