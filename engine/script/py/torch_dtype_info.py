# torch.finfo and torch.iinfo (PyTorch's C++ THPFInfo/THPIInfo): a dtype's limits as Python
# numbers, its name as a string ('float32'), and a repr printed as C++ streams print doubles (%g,
# so iinfo(torch.int32) shows min=-2.14748e+09 as in PyTorch). Run on first use.
import torch

# name: (bits, eps, max, tiny (= smallest_normal), resolution)
_FLOATS = {
    'float16': (16, 0.0009765625, 65504.0, 6.103515625e-05, 0.001),
    'bfloat16': (16, 0.0078125, 3.3895313892515355e+38, 1.1754943508222875e-38, 0.01),
    'float32': (32, 1.1920928955078125e-07, 3.4028234663852886e+38, 1.1754943508222875e-38, 1e-06),
    'float64': (64, 2.220446049250313e-16, 1.7976931348623157e+308, 2.2250738585072014e-308, 1e-15),
}
# name: (bits, min, max)
_INTS = {
    'uint8': (8, 0, 255),
    'int8': (8, -128, 127),
    'int16': (16, -32768, 32767),
    'int32': (32, -2147483648, 2147483647),
    'int64': (64, -9223372036854775807 - 1, 9223372036854775807),
}


def _dtype_name(kind, type):
    if not isinstance(type, torch.dtype):
        raise TypeError(kind + "(): argument 'type' (position 1) must be torch.dtype, not " + type.__class__.__name__)
    return str(type)[len('torch.'):]


class finfo:
    def __init__(self, type=None):
        name = _dtype_name('finfo', torch.get_default_dtype() if type is None else type)
        if name not in _FLOATS:
            raise TypeError("torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'")
        self.bits, self.eps, self.max, self.tiny, self.resolution = _FLOATS[name]
        self.min = -self.max
        self.smallest_normal = self.tiny
        self.dtype = name

    def __repr__(self):
        return 'finfo(resolution=%g, min=%g, max=%g, eps=%g, smallest_normal=%g, tiny=%g, dtype=%s)' % (
            self.resolution, self.min, self.max, self.eps, self.smallest_normal, self.tiny, self.dtype)

    __str__ = __repr__


class iinfo:
    def __init__(self, type):
        name = _dtype_name('iinfo', type)
        if name == 'bool':
            raise TypeError('torch.bool is not supported by torch.iinfo')
        if name not in _INTS:
            raise TypeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
        self.bits, self.min, self.max = _INTS[name]
        self.dtype = name

    def __repr__(self):
        return 'iinfo(min=%g, max=%g, dtype=%s)' % (self.min, self.max, self.dtype)

    __str__ = __repr__
