// The op table: one row per differentiable op, generating the OpId enum, the PyTorch node
// names shown as `grad_fn=<...>`, each op's derivative rule for the graph picture, and the test
// registry (tests/cpp/test_ops.cpp fails when a row has no test). The forward and backward of
// each row live side by side in ops/<family>.cpp.
//
//   X(Id, "python name", "PyTorch node name", "derivative rule")
//
// Note [Derivative rules]
// The fourth column is the op's local derivative as a short formula template, as the page shows
// it next to the node (engine/graph_json.cpp puts it in the node's "rule"; web/src/graph.js
// fills it in). The template language:
//   {a}, {b}, {c}  the node's inputs in order: one per Edge of the node (record_op's input list;
//                  a Python number operand, as in `x * 2`, keeps its slot). The page writes the
//                  learner's variable names there, or the number.
//   {p}, {q}       the node's scalar attributes Node::a and Node::b (exponent, alpha, clamp
//                  bounds, slope, ...); graph_json sends them as "p" and "q" for rules that use
//                  them, so only use them where the op stores that meaning in a/b.
//   {out}          the op's output;  G  the incoming gradient (the gradient of the output).
// One part per input slot, in input order, separated by "; " (and "; " nowhere else); a slot
// that never gets a gradient from this op says so ("{b}: no gradient"); an optional last input
// (convolution's bias) keeps its part, which the page leaves out when the node has no such slot.
// Ops that only move, pick or copy values have one sentence for their one input. Rules describe
// the backward as implemented beside each forward, not just the textbook derivative. Keep them
// short: they are shown in a picture.
#pragma once
#include <cstddef>

#define GRADLAB_OPS(X)                                 \
  /* binary.cpp */                                     \
  X(Add, "add", "AddBackward0", "∂/∂{a} = 1; ∂/∂{b} = {p}") \
  X(Sub, "sub", "SubBackward0", "∂/∂{a} = 1; ∂/∂{b} = −{p}") \
  X(RSub, "rsub", "RsubBackward1", "∂/∂{a} = −1") \
  X(AddScalar, "add", "AddBackward1", "∂/∂{a} = 1") \
  X(SubScalar, "sub", "SubBackward1", "∂/∂{a} = 1") \
  X(Mul, "mul", "MulBackward0", "∂/∂{a} = {b}; ∂/∂{b} = {a}") \
  X(Div, "div", "DivBackward0", "∂/∂{a} = 1/{b}; ∂/∂{b} = −{a}/{b}²") \
  X(PowTensor, "pow", "PowBackward1", "∂/∂{a} = {b}·{a}^({b}−1); ∂/∂{b} = {a}^{b}·ln {a}") \
  X(PowScalarBase, "pow", "PowBackward2", "∂/∂{a} = {p}^{a}·ln {p}") \
  X(Maximum, "maximum", "MaximumBackward0", "∂/∂{a} = 1 where {a} > {b}, ½ where equal, else 0; ∂/∂{b} = 1 where {b} > {a}, ½ where equal, else 0") \
  X(Minimum, "minimum", "MinimumBackward0", "∂/∂{a} = 1 where {a} < {b}, ½ where equal, else 0; ∂/∂{b} = 1 where {b} < {a}, ½ where equal, else 0") \
  X(RemainderScalar, "remainder", "RemainderBackward0", "∂/∂{a} = 1; ∂/∂{b} = −floor({a}/{b})") \
  X(RemainderTensor, "remainder", "RemainderBackward1", "∂/∂{a} = 1; ∂/∂{b} = −floor({a}/{b})") \
  X(FmodScalar, "fmod", "FmodBackward0", "∂/∂{a} = 1") \
  X(FmodTensor, "fmod", "FmodBackward1", "∂/∂{a} = 1; ∂/∂{b} = −trunc({a}/{b})") \
  /* unary.cpp */                                      \
  X(Neg, "neg", "NegBackward0", "∂/∂{a} = −1") \
  X(PowScalar, "pow", "PowBackward0", "∂/∂{a} = {p}·{a}^({p}−1)") \
  X(Reciprocal, "reciprocal", "ReciprocalBackward0", "∂/∂{a} = −1/{a}²") \
  X(Exp, "exp", "ExpBackward0", "∂/∂{a} = e^{a}") \
  X(Log, "log", "LogBackward0", "∂/∂{a} = 1/{a}") \
  X(Sqrt, "sqrt", "SqrtBackward0", "∂/∂{a} = 1/(2·√{a})") \
  X(Abs, "abs", "AbsBackward0", "∂/∂{a} = sign({a})") \
  X(Sin, "sin", "SinBackward0", "∂/∂{a} = cos({a})") \
  X(Cos, "cos", "CosBackward0", "∂/∂{a} = −sin({a})") \
  X(Sigmoid, "sigmoid", "SigmoidBackward0", "∂/∂{a} = σ({a})·(1 − σ({a}))") \
  X(Tanh, "tanh", "TanhBackward0", "∂/∂{a} = 1 − tanh²({a})") \
  X(Relu, "relu", "ReluBackward0", "∂/∂{a} = 1 where {a} > 0, else 0") \
  X(SigmoidGrad, "sigmoid_backward", "SigmoidBackwardBackward0", "∂/∂{a} = {b}·(1 − {b}); ∂/∂{b} = {a}·(1 − 2·{b})") \
  X(TanhGrad, "tanh_backward", "TanhBackwardBackward0", "∂/∂{a} = 1 − {b}²; ∂/∂{b} = −2·{a}·{b}") \
  X(ThresholdGrad, "threshold_backward", "ThresholdBackwardBackward0", "∂/∂{a} = 1 where {b} > 0, else 0; ∂/∂{b} = 0") \
  X(Clamp, "clamp", "ClampBackward1", "∂/∂{a} = 1 where {p} ≤ {a} ≤ {q}, else 0") \
  X(ClampMin, "clamp_min", "ClampMinBackward0", "∂/∂{a} = 1 where {a} ≥ {p}, else 0") \
  X(ClampMax, "clamp_max", "ClampMaxBackward0", "∂/∂{a} = 1 where {a} ≤ {q}, else 0") \
  X(ToCopy, "to", "ToCopyBackward0", "∂/∂{a} = 1 (the gradient is cast back to the input's dtype and device)") \
  X(Clone, "clone", "CloneBackward0", "∂/∂{a} = 1") \
  /* pointwise_math.cpp */                             \
  X(Floor, "floor", "FloorBackward0", "∂/∂{a} = 0") \
  X(Ceil, "ceil", "CeilBackward0", "∂/∂{a} = 0") \
  X(Round, "round", "RoundBackward0", "∂/∂{a} = 0") \
  X(RoundDecimals, "round", "RoundBackward1", "∂/∂{a} = 0") \
  X(Trunc, "trunc", "TruncBackward0", "∂/∂{a} = 0") \
  X(Frac, "frac", "FracBackward0", "∂/∂{a} = 1") \
  X(Sign, "sign", "SignBackward0", "∂/∂{a} = 0") \
  X(Sgn, "sgn", "SgnBackward0", "∂/∂{a} = 0 (for real {a})") \
  X(Rsqrt, "rsqrt", "RsqrtBackward0", "∂/∂{a} = −1/(2·{a}^(3/2))") \
  X(Exp2, "exp2", "Exp2Backward0", "∂/∂{a} = 2^{a}·ln 2") \
  X(Expm1, "expm1", "Expm1Backward0", "∂/∂{a} = e^{a}") \
  X(Log1p, "log1p", "Log1PBackward0", "∂/∂{a} = 1/(1 + {a})") \
  X(Erf, "erf", "ErfBackward0", "∂/∂{a} = (2/√π)·e^(−{a}²)") \
  X(Log2, "log2", "Log2Backward0", "∂/∂{a} = 1/({a}·ln 2)") \
  X(Log10, "log10", "Log10Backward0", "∂/∂{a} = 1/({a}·ln 10)") \
  X(Sinh, "sinh", "SinhBackward0", "∂/∂{a} = cosh({a})") \
  X(Cosh, "cosh", "CoshBackward0", "∂/∂{a} = sinh({a})") \
  X(Asinh, "asinh", "AsinhBackward0", "∂/∂{a} = 1/√({a}² + 1)") \
  X(Acosh, "acosh", "AcoshBackward0", "∂/∂{a} = 1/√({a}² − 1)") \
  X(Atanh, "atanh", "AtanhBackward0", "∂/∂{a} = 1/(1 − {a}²)") \
  /* trig.cpp */                                        \
  X(Tan, "tan", "TanBackward0", "∂/∂{a} = 1 + tan²({a})") \
  X(Asin, "asin", "AsinBackward0", "∂/∂{a} = 1/√(1 − {a}²)") \
  X(Acos, "acos", "AcosBackward0", "∂/∂{a} = −1/√(1 − {a}²)") \
  X(Atan, "atan", "AtanBackward0", "∂/∂{a} = 1/(1 + {a}²)") \
  X(Erfc, "erfc", "ErfcBackward0", "∂/∂{a} = −(2/√π)·e^(−{a}²)") \
  X(Atan2, "atan2", "Atan2Backward0", "∂/∂{a} = {b}/({a}² + {b}²); ∂/∂{b} = −{a}/({a}² + {b}²)") \
  X(Hypot, "hypot", "HypotBackward0", "∂/∂{a} = {a}/{out}; ∂/∂{b} = {b}/{out}") \
  /* special.cpp */                                     \
  X(Xlogy, "xlogy", "XlogyBackward0", "∂/∂{a} = ln {b} (0 where {a} = 0); ∂/∂{b} = {a}/{b}") \
  X(XlogyScalarSelf, "xlogy", "XlogyBackward1", "∂/∂{a} = {p}/{a}") \
  X(XlogyScalarOther, "xlogy", "XlogyBackward2", "∂/∂{a} = ln {p} (0 where {a} = 0)") \
  X(NanToNum, "nan_to_num", "NanToNumBackward0", "∂/∂{a} = 1 where {a} is finite, else 0") \
  /* nn.cpp */                                         \
  X(DivScalar, "div", "DivBackward1", "∂/∂{a} = 1/{p}") \
  X(MulScalar, "mul", "MulBackward1", "∂/∂{a} = {p}") \
  X(IndexPutZero, "index_put_", "IndexPutBackward0", "∂/∂{a} = 0 at the positions written, else 1") \
  X(Softmax, "softmax", "SoftmaxBackward0", "∂{out}ᵢ/∂{a}ⱼ = {out}ᵢ·(δᵢⱼ − {out}ⱼ) along the dim") \
  X(LogSoftmax, "log_softmax", "LogSoftmaxBackward0", "∂{out}ᵢ/∂{a}ⱼ = δᵢⱼ − softmax({a})ⱼ along the dim") \
  X(LeakyRelu, "leaky_relu", "LeakyReluBackward0", "∂/∂{a} = 1 where {a} > 0, else {p}") \
  X(RreluWithNoise, "rrelu", "RreluWithNoiseBackward0", "∂/∂{a} = 1 where {a} > 0, else {p}") \
  X(Hardtanh, "hardtanh", "HardtanhBackward0", "∂/∂{a} = 1 where {p} < {a} < {q}, else 0") \
  X(Silu, "silu", "SiluBackward0", "∂/∂{a} = σ({a})·(1 + {a}·(1 − σ({a})))") \
  X(SoftmaxGrad, "_softmax_backward_data", "SoftmaxBackwardDataBackward0", "∂/∂{a} = {b}·(G − Σ G·{b}); ∂/∂{b} = G·({a} − Σ {a}·{b}) − {a}·Σ G·{b} (Σ along the dim)") \
  X(LogSoftmaxGrad, "_log_softmax_backward_data", "LogSoftmaxBackwardDataBackward0", "∂/∂{a} = G − Σ G·e^{b}; ∂/∂{b} = −G·e^{b}·Σ {a} (Σ along the dim)") \
  X(LeakyReluGrad, "leaky_relu_backward", "LeakyReluBackwardBackward0", "∂/∂{a} = 1 where {b} > 0, else {p}; ∂/∂{b} = 0") \
  /* norm.cpp */                                       \
  X(Embedding, "embedding", "EmbeddingBackward0", "∂/∂{a}: each row of G is added to the row of {a} it was looked up from") \
  X(LayerNorm, "layer_norm", "NativeLayerNormBackward0", "∂/∂{a} = (ĝ − mean ĝ − x̂·mean(ĝ·x̂))/σ, ĝ = G·{b}, x̂ = ({a} − μ)/σ; ∂/∂{b} = Σ G·x̂; ∂/∂{c} = Σ G") \
  X(BatchNorm, "batch_norm", "NativeBatchNormBackward0", "∂/∂{a} = (ĝ − mean ĝ − x̂·mean(ĝ·x̂))/σ per channel, ĝ = G·{b}, x̂ = ({a} − μ)/σ (eval: ĝ/σ); ∂/∂{b} = Σ G·x̂; ∂/∂{c} = Σ G") \
  /* activation.cpp */                                 \
  X(Elu, "elu", "EluBackward0", "∂/∂{a} = 1 where {a} > 0, else α·e^{a} (selu: both times its scale)") \
  X(Celu, "celu", "CeluBackward0", "∂/∂{a} = 1 where {a} > 0, else e^({a}/{p})") \
  X(Softplus, "softplus", "SoftplusBackward0", "∂/∂{a} = 1 where {p}·{a} > {q}, else σ({p}·{a})") \
  X(Gelu, "gelu", "GeluBackward0", "∂/∂{a} = Φ({a}) + {a}·φ({a}) (approximate='tanh': of the tanh form)") \
  X(LogSigmoid, "logsigmoid", "LogSigmoidBackward0", "∂/∂{a} = 1 − σ({a})") \
  X(Mish, "mish", "MishBackward0", "∂/∂{a} = tanh(s) + {a}·σ({a})·(1 − tanh²(s)), s = softplus({a})") \
  X(Hardsigmoid, "hardsigmoid", "HardsigmoidBackward0", "∂/∂{a} = 1/6 where −3 < {a} < 3, else 0") \
  X(Hardswish, "hardswish", "HardswishBackward0", "∂/∂{a} = 0 where {a} < −3, {a}/3 + 1/2 where {a} ≤ 3, else 1") \
  /* loss.cpp */                                       \
  X(MseLoss, "mse_loss", "MseLossBackward0", "∂/∂{a} = 2·({a} − {b}) (÷n for mean); ∂/∂{b} = −2·({a} − {b}) (÷n for mean)") \
  X(SmoothL1Loss, "smooth_l1_loss", "SmoothL1LossBackward0", "∂/∂{a} = ({a} − {b})/{p} where |{a} − {b}| < {p}, else sign({a} − {b}) (÷n for mean); ∂/∂{b} = −∂/∂{a}") \
  X(HuberLoss, "huber_loss", "HuberLossBackward0", "∂/∂{a} = {a} − {b} where |{a} − {b}| < {p}, else {p}·sign({a} − {b}) (÷n for mean); ∂/∂{b} = −∂/∂{a}") \
  X(NllLoss, "nll_loss", "NllLossBackward0", "∂/∂{a} = −w at each row's target class (÷ total weight for mean), else 0") \
  X(BinaryCrossEntropy, "binary_cross_entropy", "BinaryCrossEntropyBackward0", "∂/∂{a} = ({a} − {b})/max({a}·(1 − {a}), 1e-12) (·weight, ÷n for mean); {b}: no gradient") \
  X(BinaryCrossEntropyWithLogits, "binary_cross_entropy_with_logits", "BinaryCrossEntropyWithLogitsBackward0", "∂/∂{a} = σ({a}) − {b} (pos_weight w: (w·{b} + 1 − {b})·σ({a}) − w·{b}), ·weight, ÷n for mean; {b}: no gradient") \
  X(MseLossGrad, "mse_loss_backward", "MseLossBackwardBackward0", "∂/∂{a} = 2·({b} − {c}) (÷n for mean); ∂/∂{b} = 2·{a} (÷n for mean); ∂/∂{c} = −2·{a} (÷n for mean)") \
  X(NllLossGrad, "nll_loss_backward", "NllLossBackwardBackward0", "∂/∂{a}: nll_loss of G (−w·G at each target, ÷ total weight for mean); ∂/∂{b} = 0") \
  /* inplace.cpp */                                    \
  X(Zero, "zero_", "ZeroBackward0", "∂/∂{a} = 0 (every value was overwritten)") \
  X(Fill, "fill_", "FillBackward2", "∂/∂{a} = 0 (every value was overwritten)") \
  /* autograd/higher_order.cpp */                      \
  X(CopyBackwards, "copy_", "CopyBackwards", "∂/∂{a} = 1") \
  /* reduce.cpp */                                     \
  X(Sum, "sum", "SumBackward0", "∂/∂{a}ᵢ = 1: the gradient is copied to every entry") \
  X(SumDim, "sum", "SumBackward1", "∂/∂{a}ᵢ = 1: the gradient is copied along the summed dims") \
  X(Mean, "mean", "MeanBackward0", "∂/∂{a}ᵢ = 1/{p} (the number of entries)") \
  X(MeanDim, "mean", "MeanBackward1", "∂/∂{a}ᵢ = 1/{p} (the number of entries averaged)") \
  X(MaxAll, "max", "MaxBackward1", "∂/∂{a}ᵢ = 1/k where {a}ᵢ is the maximum (k ties), else 0") \
  X(MaxDim, "max", "MaxBackward0", "∂/∂{a}ᵢ = 1 at the index returned along the dim, else 0") \
  X(MinAll, "min", "MinBackward1", "∂/∂{a}ᵢ = 1/k where {a}ᵢ is the minimum (k ties), else 0") \
  X(MinDim, "min", "MinBackward0", "∂/∂{a}ᵢ = 1 at the index returned along the dim, else 0") \
  X(Amax, "amax", "AmaxBackward0", "∂/∂{a}ᵢ = 1/k where {a}ᵢ is the maximum along the dims (k ties), else 0") \
  X(Amin, "amin", "AminBackward0", "∂/∂{a}ᵢ = 1/k where {a}ᵢ is the minimum along the dims (k ties), else 0") \
  X(Norm, "norm", "NormBackward1", "∂/∂{a} = {a}·|{a}|^({p}−2)/{out}^({p}−1) (p = ∞: shared by the largest |{a}ᵢ|)") \
  X(LinalgVectorNorm, "linalg_vector_norm", "LinalgVectorNormBackward0", "∂/∂{a} = {a}·|{a}|^({p}−2)/{out}^({p}−1) (p = ∞: shared by the largest |{a}ᵢ|)") \
  X(Dist, "dist", "DistBackward0", "∂/∂{a} = ({a} − {b})/{out}; ∂/∂{b} = −({a} − {b})/{out}") \
  /* cumulative.cpp */                                 \
  X(Cumsum, "cumsum", "CumsumBackward0", "∂{out}ⱼ/∂{a}ᵢ = 1 for j ≥ i: the gradient is G summed from the end along the dim") \
  X(Cumprod, "cumprod", "CumprodBackward0", "∂{out}ⱼ/∂{a}ᵢ = {out}ⱼ/{a}ᵢ for j ≥ i, else 0 (computed without dividing where {a} has zeros)") \
  /* variance.cpp */                                   \
  X(Std, "std", "StdBackward0", "∂/∂{a} = ({a} − mean)/((n − {p})·{out})") \
  X(Var, "var", "VarBackward0", "∂/∂{a} = 2·({a} − mean)/(n − {p})") \
  /* sort.cpp */                                       \
  X(Sort, "sort", "SortBackward0", "moves values: each entry of G goes back to the position its value came from") \
  X(Topk, "topk", "TopkBackward0", "picks entries: the gradient goes back to the positions read (added where read twice), 0 elsewhere") \
  /* sort.cpp: order statistics (select.h) */          \
  X(MedianAll, "median", "MedianBackward0", "∂/∂{a}ᵢ = 1/k where {a}ᵢ equals the median (k ties), else 0") \
  X(MedianDim, "median", "MedianBackward1", "∂/∂{a}ᵢ = 1 at the index returned along the dim, else 0") \
  X(NanmedianAll, "nanmedian", "NanmedianBackward0", "∂/∂{a}ᵢ = 1/k where {a}ᵢ equals the median (k ties), else 0") \
  X(NanmedianDim, "nanmedian", "NanmedianBackward1", "∂/∂{a}ᵢ = 1 at the index returned along the dim, else 0") \
  X(Kthvalue, "kthvalue", "KthvalueBackward0", "∂/∂{a}ᵢ = 1 at the index returned along the dim, else 0") \
  X(Mode, "mode", "ModeBackward0", "∂/∂{a}ᵢ = 1 at the index returned along the dim, else 0") \
  /* product.cpp */                                    \
  X(Prod, "prod", "ProdBackward0", "∂/∂{a}ᵢ = ∏ⱼ≠ᵢ {a}ⱼ") \
  X(ProdDim, "prod", "ProdBackward1", "∂/∂{a}ᵢ = the product of the other entries along the dim") \
  /* matmul.cpp */                                     \
  X(Mm, "mm", "MmBackward0", "∂/∂{a} = G @ {b}ᵀ; ∂/∂{b} = {a}ᵀ @ G") \
  X(Addmm, "addmm", "AddmmBackward0", "∂/∂{a} = {q}·G; ∂/∂{b} = {p}·G @ {c}ᵀ; ∂/∂{c} = {p}·{b}ᵀ @ G") \
  X(Mv, "mv", "MvBackward0", "∂/∂{a} = G ⊗ {b} (outer product); ∂/∂{b} = {a}ᵀ @ G") \
  X(Dot, "dot", "DotBackward0", "∂/∂{a} = {b}; ∂/∂{b} = {a}") \
  X(Bmm, "bmm", "BmmBackward0", "∂/∂{a} = G @ {b}ᵀ; ∂/∂{b} = {a}ᵀ @ G (per batch)") \
  /* shape.cpp */                                      \
  X(T, "t", "TBackward0", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(Transpose, "transpose", "TransposeBackward0", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(View, "view", "ViewBackward0", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(Reshape, "reshape", "ReshapeAliasBackward0", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(UnsafeView, "reshape", "UnsafeViewBackward0", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(Permute, "permute", "PermuteBackward0", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(SqueezeInplace, "squeeze_", "SqueezeBackward3", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(Unsqueeze, "unsqueeze", "UnsqueezeBackward0", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(Squeeze, "squeeze", "SqueezeBackward0", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(SqueezeDim, "squeeze", "SqueezeBackward1", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(Expand, "expand", "ExpandBackward0", "copies values: the gradient is summed over the copies back to the input's shape") \
  X(Select, "select", "SelectBackward0", "picks entries: the gradient goes back to their positions, 0 elsewhere") \
  X(Slice, "slice", "SliceBackward0", "picks entries: the gradient goes back to their positions, 0 elsewhere") \
  X(SelectGrad, "select_backward", "SelectBackwardBackward0", "places {a} into zeros: its gradient is the same window of G") \
  X(SliceGrad, "slice_backward", "SliceBackwardBackward0", "places {a} into zeros: its gradient is the same window of G") \
  X(Diagonal, "diagonal", "DiagonalBackward0", "picks the diagonal: the gradient goes back to it, 0 elsewhere") \
  /* mask.cpp */                                       \
  X(Where, "where", "WhereBackward0", "∂/∂{a} = 1 where the condition holds, else 0; ∂/∂{b} = 0 where it holds, else 1") \
  X(MaskedFill, "masked_fill", "MaskedFillBackward0", "∂/∂{a} = 0 where the mask is set, else 1") \
  X(MaskedFillTensor, "masked_fill", "MaskedFillBackward1", "∂/∂{a} = 0 where the mask is set, else 1; ∂/∂{b} = Σ G over the masked entries") \
  X(IndexMask, "index", "IndexBackward0", "picks the entries where the mask is set: the gradient goes back there, 0 elsewhere") \
  X(IndexPut, "index_put_", "IndexPutBackward0", "∂/∂{a} = 0 at the positions written, else 1; ∂/∂{b}: G at the positions written") \
  X(MaskedSelect, "masked_select", "MaskedSelectBackward0", "picks the entries where the mask is set: the gradient goes back there, 0 elsewhere") \
  /* conv.cpp */                                       \
  X(Convolution, "conv2d", "ConvolutionBackward0", "∂/∂{a} = G convolved back with {b} (transposed convolution); ∂/∂{b} = {a} correlated with G; ∂/∂{c} = Σ G per channel") \
  /* pool.cpp */                                       \
  X(MaxPool2d, "max_pool2d", "MaxPool2DWithIndicesBackward0", "∂/∂{a}: each entry of G goes to the maximum of its window (added where windows overlap)") \
  X(AvgPool2d, "avg_pool2d", "AvgPool2DBackward0", "∂/∂{a}: each entry of G is shared equally by its window's entries (÷ the divisor)") \
  X(AdaptiveAvgPool2d, "adaptive_avg_pool2d", "AdaptiveAvgPool2DBackward0", "∂/∂{a}: each entry of G is shared equally by its window's entries (÷ window size)") \
  /* index.cpp */                                      \
  X(Index, "index", "IndexBackward0", "picks entries: the gradient goes back to the positions read (added where read twice), 0 elsewhere") \
  X(IndexGrad, "_index_put_impl_", "IndexPutImplBackward0", "{a}: no gradient; ∂/∂{b}: G read back at the positions written") \
  X(IndexPutTensors, "index_put_", "IndexPutBackward0", "∂/∂{a} = 0 at the positions written, else 1; ∂/∂{b}: G at the positions written") \
  X(IndexSelect, "index_select", "IndexSelectBackward0", "picks entries: the gradient goes back to the positions read (added where read twice), 0 elsewhere") \
  X(Gather, "gather", "GatherBackward0", "picks entries: the gradient goes back to the positions read (added where read twice), 0 elsewhere") \
  X(Scatter, "scatter", "ScatterBackward0", "∂/∂{a} = 0 at the positions written, else 1; ∂/∂{b}: G read at the positions each entry was written to") \
  X(ScatterValue, "scatter", "ScatterBackward1", "∂/∂{a} = 0 at the positions written, else 1") \
  X(ScatterAdd, "scatter_add", "ScatterAddBackward0", "∂/∂{a} = 1; ∂/∂{b}: G read at the positions each entry was added to") \
  X(Take, "take", "TakeBackward0", "picks entries: the gradient goes back to the positions read (added where read twice), 0 elsewhere") \
  X(IndexAdd, "index_add", "IndexAddBackward0", "∂/∂{a} = 1; ∂/∂{b} = {q}·G at the positions each entry was added to") \
  /* rearrange.cpp */                                  \
  X(Flip, "flip", "FlipBackward0", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(Roll, "roll", "RollBackward0", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(Repeat, "repeat", "RepeatBackward0", "copies values: the gradient is summed over the copies back to the input's shape") \
  X(Tril, "tril", "TrilBackward0", "∂/∂{a} = 1 in the kept triangle, else 0") \
  X(Triu, "triu", "TriuBackward0", "∂/∂{a} = 1 in the kept triangle, else 0") \
  X(Diag, "diag", "DiagBackward0", "moves the diagonal (vector ↔ matrix): the gradient is moved back, 0 off the diagonal") \
  X(Trace, "trace", "TraceBackward0", "∂/∂{a} = 1 on the diagonal, else 0") \
  /* movement.cpp */                                   \
  X(Rot90, "rot90", "Rot90Backward0", "moves values without changing them: the gradient is moved back to the input's layout") \
  X(Unfold, "unfold", "UnfoldBackward0", "copies windows: the gradient is summed back over overlapping windows") \
  /* logsumexp.cpp */                                  \
  X(Logsumexp, "logsumexp", "LogsumexpBackward0", "∂/∂{a} = e^({a} − {out}) = softmax({a}) along the dims") \
  /* lerp.cpp */                                       \
  X(Lerp, "lerp", "LerpBackward0", "∂/∂{a} = 1 − {p}; ∂/∂{b} = {p}") \
  X(LerpTensor, "lerp", "LerpBackward1", "∂/∂{a} = 1 − {c}; ∂/∂{b} = {c}; ∂/∂{c} = {b} − {a}") \
  /* cross.cpp */                                      \
  X(Cross, "cross", "LinalgCrossBackward0", "∂/∂{a} = {b} × G; ∂/∂{b} = G × {a}")

namespace gradlab {

enum class OpId : unsigned char {
#define GRADLAB_OP_ENUM(id, py, node, rule) id,
  GRADLAB_OPS(GRADLAB_OP_ENUM)
#undef GRADLAB_OP_ENUM
  AccumulateGrad,  // the sink of a leaf; not an op, but a node of the graph
  Custom,          // a Python autograd.Function (autograd/custom_node.h); named by its class
};

inline constexpr size_t kOpCount = static_cast<size_t>(OpId::AccumulateGrad);

// What the table says about one op; AccumulateGrad and Custom have rows of their own.
struct OpInfo {
  const char* python_name;
  const char* node_name;  // a Custom node is named by its Function class instead
  const char* derivative_rule;  // Note [Derivative rules]
};

inline const OpInfo& op_info(OpId op) {
  static const OpInfo infos[] = {
#define GRADLAB_OP_INFO(id, py, node, rule) {py, node, rule},
      GRADLAB_OPS(GRADLAB_OP_INFO)
#undef GRADLAB_OP_INFO
      {"accumulate_grad", "AccumulateGrad", "{a}.grad += G"},
      {"custom", "CustomBackward", "the Function's own backward"}};
  return infos[static_cast<size_t>(op)];
}

inline const char* op_node_name(OpId op) { return op_info(op).node_name; }
inline const char* op_python_name(OpId op) { return op_info(op).python_name; }
inline const char* op_derivative_rule(OpId op) { return op_info(op).derivative_rule; }

}  // namespace gradlab
