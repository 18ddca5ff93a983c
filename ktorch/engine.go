package ktorch

import (
	"fmt"
	"math"

	"kt/loss"
	"kt/tensor"
)

// reductions maps ktorch's reduction symbols to the engine's.
var reductions = map[string]loss.Reduction{"none": loss.None, "mean": loss.Mean, "sum": loss.Sum, "batchmean": loss.BatchMean}

// module makes the engine's loss from a loss's settings, which parsing has
// already checked.
func module(st *Settings) loss.Loss {
	red := reductions[st.Reduction()]
	w := st.Weight()
	switch st.Spec.Name {
	case "bce":
		return loss.BCE{Reduction: red}
	case "bcelogits":
		return loss.BCEWithLogits{PosWeight: w, Reduction: red}
	case "ce":
		return loss.CrossEntropy{Weight: w, IgnoreIndex: st.Int("ignore"), LabelSmoothing: st.Float("smoothing"), Reduction: red}
	case "cosineloss":
		return loss.CosineEmbedding{Margin: st.Float("margin"), Reduction: red}
	case "ctc":
		return loss.CTC{Blank: st.Int("blank"), ZeroInfinity: st.Flag("zeroinf"), Reduction: red}
	case "hinge":
		return loss.Hinge{Margin: st.Float("margin"), Reduction: red}
	case "huber":
		return loss.Huber{Delta: st.Float("delta"), Reduction: red}
	case "kl":
		return loss.KLDiv{Reduction: red}
	case "l1":
		return loss.L1{Reduction: red}
	case "margin":
		return loss.MarginRanking{Margin: st.Float("margin"), Reduction: red}
	case "mse":
		return loss.MSE{Reduction: red}
	case "multilabel":
		return loss.MultiLabelMargin{Reduction: red}
	case "multimargin":
		return loss.MultiMargin{P: st.Int("p"), Margin: st.Float("margin"), Weight: w, Reduction: red}
	case "multisoft":
		return loss.MultiLabelSoftMargin{Weight: w, Reduction: red}
	case "nll":
		return loss.NLL{Weight: w, IgnoreIndex: st.Int("ignore"), Reduction: red}
	case "pairwise":
		return loss.PairwiseDistance{P: st.Float("p"), Eps: st.Float("eps"), Keepdim: st.Flag("keepdim")}
	case "poissonloss":
		return loss.PoissonNLL{LogInput: st.Flag("log"), Full: st.Flag("full"), Eps: st.Float("eps"), Reduction: red}
	case "similar":
		return loss.CosineSimilarity{Dim: st.Int("dim"), Eps: st.Float("eps")}
	case "smoothl1":
		beta := st.Float("beta")
		if math.IsNaN(beta) { // unset: PyTorch's default
			beta = 1
		}
		return loss.SmoothL1{Beta: beta, Reduction: red}
	case "softmargin":
		return loss.SoftMargin{Reduction: red}
	case "triplet":
		return loss.TripletMargin{Margin: st.Float("margin"), P: st.Float("p"), Eps: st.Float("eps"), Swap: st.Flag("swap"), Reduction: red}
	}
	return nil
}

// forward computes a loss on its tensors, recording for autograd.
func forward(st *Settings, ts []*tensor.Tensor) (*tensor.Tensor, error) {
	if st.mod == nil {
		return nil, fmt.Errorf("unrecognized loss module")
	}
	return st.mod.Forward(nil, ts...)
}
