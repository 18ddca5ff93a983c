package loss

import (
	"kt/internal/fixture"
)

func init() {
	fixtureLosses["l1"] = func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return L1{r}, err
	}
	fixtureLosses["smoothl1"] = func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return SmoothL1{Beta: optFloat(c, "beta", 1), Reduction: r}, err
	}
	fixtureLosses["huber"] = func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return Huber{Delta: optFloat(c, "delta", 1), Reduction: r}, err
	}
}

func init() {
	fixtureLosses["bce"] = func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return BCE{r}, err
	}
	fixtureLosses["bcelogits"] = func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		if err != nil {
			return nil, err
		}
		pw, err := optTensor(c, "pos_weight")
		return BCEWithLogits{PosWeight: pw, Reduction: r}, err
	}
	fixtureLosses["softmargin"] = func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return SoftMargin{r}, err
	}
	fixtureLosses["hinge"] = func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return Hinge{Margin: optFloat(c, "margin", 1), Reduction: r}, err
	}
	fixtureLosses["kl"] = func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return KLDiv{LogTarget: optBool(c, "log_target", false), Reduction: r}, err
	}
	fixtureLosses["poissonloss"] = func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return PoissonNLL{LogInput: optBool(c, "log_input", true), Full: optBool(c, "full", false),
			Eps: optFloat(c, "eps", 1e-8), Reduction: r}, err
	}
	fixtureLosses["margin"] = func(c *fixture.Case) (Loss, error) {
		r, err := reductionOf(c)
		return MarginRanking{Margin: optFloat(c, "margin", 0), Reduction: r}, err
	}
}
