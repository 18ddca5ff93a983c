package loss

import (
	"path/filepath"
	"testing"

	"kt/internal/fixture"
)

// runTorchFile runs every case of loss/testdata/torch/<name>.json through
// the loss mk makes: output, gradients and error messages against
// PyTorch's.
func runTorchFile(t *testing.T, name string, mk func(*fixture.Case) (Loss, error)) {
	t.Helper()
	f, err := fixture.Load(filepath.Join("testdata", "torch", name+".json"))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(f.Cases) == 0 {
		t.Fatalf("%s: no cases", name)
	}
	for i := range f.Cases {
		c := &f.Cases[i]
		t.Run(c.Name, func(t *testing.T) { runCase(t, mk, c) })
	}
}

// optInt returns an integer option or its default.
func optInt(c *fixture.Case, name string, def int64) int64 {
	if v, ok := c.Int(name); ok {
		return int64(v)
	}
	return def
}

func TestNLLTorch(t *testing.T) {
	runTorchFile(t, "nll", func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		if err != nil {
			return nil, err
		}
		w, err := optTensor(c, "weight")
		return NLL{Weight: w, IgnoreIndex: optInt(c, "ignore_index", -100), Reduction: r}, err
	})
}

func TestCrossEntropyTorch(t *testing.T) {
	runTorchFile(t, "ce", func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		if err != nil {
			return nil, err
		}
		w, err := optTensor(c, "weight")
		return CrossEntropy{Weight: w, IgnoreIndex: optInt(c, "ignore_index", -100),
			LabelSmoothing: optFloat(c, "label_smoothing", 0), Reduction: r}, err
	})
}

func TestMultiMarginTorch(t *testing.T) {
	runTorchFile(t, "multimargin", func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		if err != nil {
			return nil, err
		}
		w, err := optTensor(c, "weight")
		return MultiMargin{P: optInt(c, "p", 1), Margin: optFloat(c, "margin", 1), Weight: w, Reduction: r}, err
	})
}

func TestMultiLabelMarginTorch(t *testing.T) {
	runTorchFile(t, "multilabel", func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return MultiLabelMargin{Reduction: r}, err
	})
}

func TestMultiLabelSoftMarginTorch(t *testing.T) {
	runTorchFile(t, "multisoft", func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		if err != nil {
			return nil, err
		}
		w, err := optTensor(c, "weight")
		return MultiLabelSoftMargin{Weight: w, Reduction: r}, err
	})
}

func TestCTCTorch(t *testing.T) {
	runTorchFile(t, "ctc", func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return CTC{Blank: optInt(c, "blank", 0), ZeroInfinity: optBool(c, "zero_infinity", false), Reduction: r}, err
	})
}

func TestCosineEmbeddingTorch(t *testing.T) {
	runTorchFile(t, "cosineloss", func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return CosineEmbedding{Margin: optFloat(c, "margin", 0), Reduction: r}, err
	})
}

func TestPairwiseDistanceTorch(t *testing.T) {
	runTorchFile(t, "pairwise", func(c *fixture.Case) (Loss, error) {
		return PairwiseDistance{P: optFloat(c, "p", 2), Eps: optFloat(c, "eps", 1e-6), Keepdim: optBool(c, "keepdim", false)}, nil
	})
}

func TestCosineSimilarityTorch(t *testing.T) {
	runTorchFile(t, "similar", func(c *fixture.Case) (Loss, error) {
		return CosineSimilarity{Dim: optInt(c, "dim", 1), Eps: optFloat(c, "eps", 1e-8)}, nil
	})
}

func TestTripletMarginTorch(t *testing.T) {
	runTorchFile(t, "triplet", func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return TripletMargin{Margin: optFloat(c, "margin", 1), P: optFloat(c, "p", 2), Eps: optFloat(c, "eps", 1e-6),
			Swap: optBool(c, "swap", false), Reduction: r}, err
	})
}
