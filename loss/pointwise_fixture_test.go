package loss

import "kt/internal/fixture"

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
