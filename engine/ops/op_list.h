// The op table: one row per differentiable op, generating the OpId enum, the PyTorch node
// names shown as `grad_fn=<...>`, and the test registry (tests/cpp/test_ops.cpp fails when a
// row has no test). The forward and backward of each row live side by side in ops/<family>.cpp.
//
//   X(Id, "python name", "PyTorch node name")
#pragma once
#include <cstddef>

#define GRADLAB_OPS(X)                                 \
  /* binary.cpp */                                     \
  X(Add, "add", "AddBackward0")                        \
  X(Sub, "sub", "SubBackward0")                        \
  X(RSub, "rsub", "RsubBackward1")                     \
  X(AddScalar, "add", "AddBackward1")                  \
  X(SubScalar, "sub", "SubBackward1")                  \
  X(Mul, "mul", "MulBackward0")                        \
  X(Div, "div", "DivBackward0")                        \
  X(PowTensor, "pow", "PowBackward1")                  \
  X(PowScalarBase, "pow", "PowBackward2")              \
  X(Maximum, "maximum", "MaximumBackward0")            \
  X(Minimum, "minimum", "MinimumBackward0")            \
  X(RemainderScalar, "remainder", "RemainderBackward0") \
  X(RemainderTensor, "remainder", "RemainderBackward1") \
  X(FmodScalar, "fmod", "FmodBackward0")               \
  X(FmodTensor, "fmod", "FmodBackward1")               \
  /* unary.cpp */                                      \
  X(Neg, "neg", "NegBackward0")                        \
  X(PowScalar, "pow", "PowBackward0")                  \
  X(Reciprocal, "reciprocal", "ReciprocalBackward0")   \
  X(Exp, "exp", "ExpBackward0")                        \
  X(Log, "log", "LogBackward0")                        \
  X(Sqrt, "sqrt", "SqrtBackward0")                     \
  X(Abs, "abs", "AbsBackward0")                        \
  X(Sin, "sin", "SinBackward0")                        \
  X(Cos, "cos", "CosBackward0")                        \
  X(Sigmoid, "sigmoid", "SigmoidBackward0")            \
  X(Tanh, "tanh", "TanhBackward0")                     \
  X(Relu, "relu", "ReluBackward0")                     \
  X(SigmoidGrad, "sigmoid_backward", "SigmoidBackwardBackward0") \
  X(TanhGrad, "tanh_backward", "TanhBackwardBackward0")  \
  X(ThresholdGrad, "threshold_backward", "ThresholdBackwardBackward0") \
  X(Clamp, "clamp", "ClampBackward1")                  \
  X(ClampMin, "clamp_min", "ClampMinBackward0")        \
  X(ClampMax, "clamp_max", "ClampMaxBackward0")        \
  X(ToCopy, "to", "ToCopyBackward0")                   \
  X(Clone, "clone", "CloneBackward0")                  \
  /* pointwise_math.cpp */                             \
  X(Floor, "floor", "FloorBackward0")                  \
  X(Ceil, "ceil", "CeilBackward0")                     \
  X(Round, "round", "RoundBackward0")                  \
  X(RoundDecimals, "round", "RoundBackward1")          \
  X(Trunc, "trunc", "TruncBackward0")                  \
  X(Frac, "frac", "FracBackward0")                     \
  X(Sign, "sign", "SignBackward0")                     \
  X(Sgn, "sgn", "SgnBackward0")                        \
  X(Rsqrt, "rsqrt", "RsqrtBackward0")                  \
  X(Exp2, "exp2", "Exp2Backward0")                     \
  X(Expm1, "expm1", "Expm1Backward0")                  \
  X(Log1p, "log1p", "Log1PBackward0")                  \
  X(Erf, "erf", "ErfBackward0")                        \
  X(Log2, "log2", "Log2Backward0")                     \
  X(Log10, "log10", "Log10Backward0")                  \
  X(Sinh, "sinh", "SinhBackward0")                     \
  X(Cosh, "cosh", "CoshBackward0")                     \
  X(Asinh, "asinh", "AsinhBackward0")                  \
  X(Acosh, "acosh", "AcoshBackward0")                  \
  X(Atanh, "atanh", "AtanhBackward0")                  \
  /* trig.cpp */                                        \
  X(Tan, "tan", "TanBackward0")                        \
  X(Asin, "asin", "AsinBackward0")                     \
  X(Acos, "acos", "AcosBackward0")                     \
  X(Atan, "atan", "AtanBackward0")                     \
  X(Erfc, "erfc", "ErfcBackward0")                     \
  X(Atan2, "atan2", "Atan2Backward0")                  \
  X(Hypot, "hypot", "HypotBackward0")                  \
  /* special.cpp */                                     \
  X(Xlogy, "xlogy", "XlogyBackward0")                  \
  X(XlogyScalarSelf, "xlogy", "XlogyBackward1")        \
  X(XlogyScalarOther, "xlogy", "XlogyBackward2")       \
  X(NanToNum, "nan_to_num", "NanToNumBackward0")       \
  /* nn.cpp */                                         \
  X(DivScalar, "div", "DivBackward1")                  \
  X(MulScalar, "mul", "MulBackward1")                  \
  X(IndexPutZero, "index_put_", "IndexPutBackward0")   \
  X(Softmax, "softmax", "SoftmaxBackward0")            \
  X(LogSoftmax, "log_softmax", "LogSoftmaxBackward0")  \
  X(LeakyRelu, "leaky_relu", "LeakyReluBackward0")     \
  X(RreluWithNoise, "rrelu", "RreluWithNoiseBackward0") \
  X(Hardtanh, "hardtanh", "HardtanhBackward0")         \
  X(Silu, "silu", "SiluBackward0")                     \
  X(SoftmaxGrad, "_softmax_backward_data", "SoftmaxBackwardDataBackward0") \
  X(LogSoftmaxGrad, "_log_softmax_backward_data", "LogSoftmaxBackwardDataBackward0") \
  X(LeakyReluGrad, "leaky_relu_backward", "LeakyReluBackwardBackward0") \
  /* norm.cpp */                                       \
  X(Embedding, "embedding", "EmbeddingBackward0")      \
  X(LayerNorm, "layer_norm", "NativeLayerNormBackward0") \
  X(BatchNorm, "batch_norm", "NativeBatchNormBackward0") \
  /* activation.cpp */                                 \
  X(Elu, "elu", "EluBackward0")                        \
  X(Celu, "celu", "CeluBackward0")                     \
  X(Softplus, "softplus", "SoftplusBackward0")         \
  X(Gelu, "gelu", "GeluBackward0")                     \
  X(LogSigmoid, "logsigmoid", "LogSigmoidBackward0")   \
  X(Mish, "mish", "MishBackward0")                     \
  X(Hardsigmoid, "hardsigmoid", "HardsigmoidBackward0") \
  X(Hardswish, "hardswish", "HardswishBackward0")      \
  /* loss.cpp */                                       \
  X(MseLoss, "mse_loss", "MseLossBackward0")           \
  X(SmoothL1Loss, "smooth_l1_loss", "SmoothL1LossBackward0") \
  X(HuberLoss, "huber_loss", "HuberLossBackward0")     \
  X(NllLoss, "nll_loss", "NllLossBackward0")           \
  X(BinaryCrossEntropy, "binary_cross_entropy", "BinaryCrossEntropyBackward0") \
  X(BinaryCrossEntropyWithLogits, "binary_cross_entropy_with_logits", "BinaryCrossEntropyWithLogitsBackward0") \
  X(MseLossGrad, "mse_loss_backward", "MseLossBackwardBackward0") \
  X(NllLossGrad, "nll_loss_backward", "NllLossBackwardBackward0") \
  /* inplace.cpp */                                    \
  X(Zero, "zero_", "ZeroBackward0")                    \
  X(Fill, "fill_", "FillBackward2")                    \
  /* autograd/higher_order.cpp */                      \
  X(CopyBackwards, "copy_", "CopyBackwards")           \
  /* reduce.cpp */                                     \
  X(Sum, "sum", "SumBackward0")                        \
  X(SumDim, "sum", "SumBackward1")                     \
  X(Mean, "mean", "MeanBackward0")                     \
  X(MeanDim, "mean", "MeanBackward1")                  \
  X(MaxAll, "max", "MaxBackward1")                     \
  X(MaxDim, "max", "MaxBackward0")                     \
  X(MinAll, "min", "MinBackward1")                     \
  X(MinDim, "min", "MinBackward0")                     \
  X(Amax, "amax", "AmaxBackward0")                     \
  X(Amin, "amin", "AminBackward0")                     \
  X(Norm, "norm", "NormBackward1")                     \
  X(LinalgVectorNorm, "linalg_vector_norm", "LinalgVectorNormBackward0") \
  X(Dist, "dist", "DistBackward0")                     \
  /* cumulative.cpp */                                 \
  X(Cumsum, "cumsum", "CumsumBackward0")               \
  X(Cumprod, "cumprod", "CumprodBackward0")            \
  /* variance.cpp */                                   \
  X(Std, "std", "StdBackward0")                        \
  X(Var, "var", "VarBackward0")                        \
  /* sort.cpp */                                       \
  X(Sort, "sort", "SortBackward0")                     \
  X(Topk, "topk", "TopkBackward0")                     \
  /* sort.cpp: order statistics (select.h) */          \
  X(MedianAll, "median", "MedianBackward0")            \
  X(MedianDim, "median", "MedianBackward1")            \
  X(NanmedianAll, "nanmedian", "NanmedianBackward0")   \
  X(NanmedianDim, "nanmedian", "NanmedianBackward1")   \
  X(Kthvalue, "kthvalue", "KthvalueBackward0")         \
  X(Mode, "mode", "ModeBackward0")                     \
  /* product.cpp */                                    \
  X(Prod, "prod", "ProdBackward0")                     \
  X(ProdDim, "prod", "ProdBackward1")                  \
  /* matmul.cpp */                                     \
  X(Mm, "mm", "MmBackward0")                           \
  X(Addmm, "addmm", "AddmmBackward0")                  \
  X(Mv, "mv", "MvBackward0")                           \
  X(Dot, "dot", "DotBackward0")                        \
  X(Bmm, "bmm", "BmmBackward0")                        \
  /* shape.cpp */                                      \
  X(T, "t", "TBackward0")                              \
  X(Transpose, "transpose", "TransposeBackward0")      \
  X(View, "view", "ViewBackward0")                     \
  X(Reshape, "reshape", "ReshapeAliasBackward0")       \
  X(UnsafeView, "reshape", "UnsafeViewBackward0")      \
  X(Permute, "permute", "PermuteBackward0")            \
  X(SqueezeInplace, "squeeze_", "SqueezeBackward3")    \
  X(Unsqueeze, "unsqueeze", "UnsqueezeBackward0")      \
  X(Squeeze, "squeeze", "SqueezeBackward0")            \
  X(SqueezeDim, "squeeze", "SqueezeBackward1")         \
  X(Expand, "expand", "ExpandBackward0")               \
  X(Select, "select", "SelectBackward0")               \
  X(Slice, "slice", "SliceBackward0")                  \
  X(SelectGrad, "select_backward", "SelectBackwardBackward0") \
  X(SliceGrad, "slice_backward", "SliceBackwardBackward0") \
  X(Diagonal, "diagonal", "DiagonalBackward0")         \
  /* mask.cpp */                                       \
  X(Where, "where", "WhereBackward0")                  \
  X(MaskedFill, "masked_fill", "MaskedFillBackward0")  \
  X(MaskedFillTensor, "masked_fill", "MaskedFillBackward1") \
  X(IndexMask, "index", "IndexBackward0")              \
  X(IndexPut, "index_put_", "IndexPutBackward0")       \
  X(MaskedSelect, "masked_select", "MaskedSelectBackward0") \
  /* conv.cpp */                                       \
  X(Convolution, "conv2d", "ConvolutionBackward0")      \
  /* pool.cpp */                                       \
  X(MaxPool2d, "max_pool2d", "MaxPool2DWithIndicesBackward0") \
  X(AvgPool2d, "avg_pool2d", "AvgPool2DBackward0")     \
  X(AdaptiveAvgPool2d, "adaptive_avg_pool2d", "AdaptiveAvgPool2DBackward0") \
  /* index.cpp */                                      \
  X(Index, "index", "IndexBackward0")                  \
  X(IndexGrad, "_index_put_impl_", "IndexPutImplBackward0") \
  X(IndexPutTensors, "index_put_", "IndexPutBackward0") \
  X(IndexSelect, "index_select", "IndexSelectBackward0") \
  X(Gather, "gather", "GatherBackward0")               \
  X(Scatter, "scatter", "ScatterBackward0")            \
  X(ScatterValue, "scatter", "ScatterBackward1")       \
  X(ScatterAdd, "scatter_add", "ScatterAddBackward0")  \
  X(Take, "take", "TakeBackward0")                     \
  X(IndexAdd, "index_add", "IndexAddBackward0")        \
  /* rearrange.cpp */                                  \
  X(Flip, "flip", "FlipBackward0")                     \
  X(Roll, "roll", "RollBackward0")                     \
  X(Repeat, "repeat", "RepeatBackward0")               \
  X(Tril, "tril", "TrilBackward0")                     \
  X(Triu, "triu", "TriuBackward0")                     \
  X(Diag, "diag", "DiagBackward0")                     \
  X(Trace, "trace", "TraceBackward0")                  \
  /* movement.cpp */                                   \
  X(Rot90, "rot90", "Rot90Backward0")                  \
  X(Unfold, "unfold", "UnfoldBackward0")               \
  /* logsumexp.cpp */                                  \
  X(Logsumexp, "logsumexp", "LogsumexpBackward0")     \
  /* lerp.cpp */                                       \
  X(Lerp, "lerp", "LerpBackward0")                     \
  X(LerpTensor, "lerp", "LerpBackward1")               \
  /* cross.cpp */                                      \
  X(Cross, "cross", "LinalgCrossBackward0")

namespace gradlab {

enum class OpId : unsigned char {
#define GRADLAB_OP_ENUM(id, py, node) id,
  GRADLAB_OPS(GRADLAB_OP_ENUM)
#undef GRADLAB_OP_ENUM
  AccumulateGrad,  // the sink of a leaf; not an op, but a node of the graph
  Custom,          // a Python autograd.Function (autograd/custom_node.h); named by its class
};

inline constexpr size_t kOpCount = static_cast<size_t>(OpId::AccumulateGrad);

inline const char* op_node_name(OpId op) {
  static const char* const names[] = {
#define GRADLAB_OP_NAME(id, py, node) node,
      GRADLAB_OPS(GRADLAB_OP_NAME)
#undef GRADLAB_OP_NAME
      "AccumulateGrad", "CustomBackward"};
  return names[static_cast<size_t>(op)];
}

inline const char* op_python_name(OpId op) {
  static const char* const names[] = {
#define GRADLAB_OP_PY(id, py, node) py,
      GRADLAB_OPS(GRADLAB_OP_PY)
#undef GRADLAB_OP_PY
      "accumulate_grad", "custom"};
  return names[static_cast<size_t>(op)];
}

}  // namespace gradlab
