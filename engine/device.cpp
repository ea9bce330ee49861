// Device parsing with PyTorch's error messages (torch.device("...")). PyTorch first checks the
// shape `name[:index]` (name of letters/underscores, index without leading zeros), then the
// name, then that the index fits an int.
#include "engine/device.h"

#include <cctype>
#include <climits>

#include "engine/error.h"

namespace gradlab {

Device parse_device(const std::string& text) {
  if (text.empty()) runtime_error("Device string must not be empty");
  const size_t colon = text.find(':');
  const std::string type = text.substr(0, colon);
  const std::string index = colon == std::string::npos ? "" : text.substr(colon + 1);

  bool well_formed = !type.empty();
  for (char c : type) well_formed = well_formed && (std::isalpha(static_cast<unsigned char>(c)) || c == '_');
  if (colon != std::string::npos) {
    well_formed = well_formed && !index.empty() && (index == "0" || index[0] != '0');
    for (char c : index) well_formed = well_formed && std::isdigit(static_cast<unsigned char>(c));
  }
  if (!well_formed) runtime_error("Invalid device string: '" + text + "'");

  Device d;
  if (type == "cpu") {
    d.type = DeviceType::CPU;
  } else if (type == "cuda") {
    d.type = DeviceType::CUDA;
  } else {
    runtime_error("Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, ort, xla, lazy, "
                  "vulkan, mps, meta, hpu, privateuseone device type at start of device string: " + type);
  }
  if (!index.empty()) {
    if (index.size() > 10 || std::stoll(index) > INT_MAX) {
      runtime_error("Could not parse device index '" + index + "' in device string '" + text + "'");
    }
    d.index = std::stoi(index);
  }
  return d;
}

}  // namespace gradlab
