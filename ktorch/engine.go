package ktorch

import (
	"fmt"
	"math"

	"kt/loss"
	"kt/tensor"
)

// module makes the engine's loss from a loss's settings.
func module(st *Settings) (loss.Loss, error) {
	var red loss.Reduction
	if r := st.Reduction(); r != "" {
		var err error
		if red, err = loss.ParseReduction(r); err != nil {
			return nil, err
		}
	}
	w := st.Weight()
	switch st.Spec.Name {
	case "bce":
		return loss.BCE{Reduction: red}, nil
	case "bcelogits":
		return loss.BCEWithLogits{PosWeight: w, Reduction: red}, nil
	case "ce":
		return loss.CrossEntropy{Weight: w, IgnoreIndex: st.Int("ignore"), LabelSmoothing: st.Float("smoothing"), Reduction: red}, nil
	case "cosineloss":
		return loss.CosineEmbedding{Margin: st.Float("margin"), Reduction: red}, nil
	case "ctc":
		return loss.CTC{Blank: st.Int("blank"), ZeroInfinity: st.Flag("zeroinf"), Reduction: red}, nil
	case "hinge":
		return loss.Hinge{Margin: st.Float("margin"), Reduction: red}, nil
	case "huber":
		return loss.Huber{Delta: st.Float("delta"), Reduction: red}, nil
	case "kl":
		return loss.KLDiv{Reduction: red}, nil
	case "l1":
		return loss.L1{Reduction: red}, nil
	case "margin":
		return loss.MarginRanking{Margin: st.Float("margin"), Reduction: red}, nil
	case "mse":
		return loss.MSE{Reduction: red}, nil
	case "multilabel":
		return loss.MultiLabelMargin{Reduction: red}, nil
	case "multimargin":
		return loss.MultiMargin{P: st.Int("p"), Margin: st.Float("margin"), Weight: w, Reduction: red}, nil
	case "multisoft":
		return loss.MultiLabelSoftMargin{Weight: w, Reduction: red}, nil
	case "nll":
		return loss.NLL{Weight: w, IgnoreIndex: st.Int("ignore"), Reduction: red}, nil
	case "pairwise":
		return loss.PairwiseDistance{P: st.Float("p"), Eps: st.Float("eps"), Keepdim: st.Flag("keepdim")}, nil
	case "poissonloss":
		return loss.PoissonNLL{LogInput: st.Flag("log"), Full: st.Flag("full"), Eps: st.Float("eps"), Reduction: red}, nil
	case "similar":
		return loss.CosineSimilarity{Dim: st.Int("dim"), Eps: st.Float("eps")}, nil
	case "smoothl1":
		beta := st.Float("beta")
		if math.IsNaN(beta) { // unset: PyTorch's default
			beta = 1
		}
		return loss.SmoothL1{Beta: beta, Reduction: red}, nil
	case "softmargin":
		return loss.SoftMargin{Reduction: red}, nil
	case "triplet":
		return loss.TripletMargin{Margin: st.Float("margin"), P: st.Float("p"), Eps: st.Float("eps"), Swap: st.Flag("swap"), Reduction: red}, nil
	}
	return nil, fmt.Errorf("unrecognized loss module")
}

// forward computes a loss on its tensors, recording for autograd.
func forward(st *Settings, ts []*tensor.Tensor) (*tensor.Tensor, error) {
	m, err := module(st)
	if err != nil {
		return nil, err
	}
	return m.Forward(nil, ts...)
}
