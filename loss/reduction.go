package loss

import "fmt"

// Reduction says how a loss reduces its elementwise values, as PyTorch's
// reduction argument.
type Reduction int

// The reductions. The numbering of None, Mean and Sum is PyTorch's
// (at::Reduction). BatchMean is KLDiv's alone: the sum divided by the
// size of the first dimension.
const (
	None Reduction = iota
	Mean
	Sum
	BatchMean
)

var reductionNames = [...]string{"none", "mean", "sum", "batchmean"}

// String returns the PyTorch name: "none", "mean", "sum" or "batchmean".
func (r Reduction) String() string {
	if r >= 0 && int(r) < len(reductionNames) {
		return reductionNames[r]
	}
	return fmt.Sprintf("Reduction(%d)", int(r))
}

// ParseReduction returns the reduction named s, or PyTorch's error for an
// unknown name.
func ParseReduction(s string) (Reduction, error) {
	for i, n := range reductionNames {
		if n == s {
			return Reduction(i), nil
		}
	}
	return 0, fmt.Errorf("%s is not a valid value for reduction", s)
}

// check returns an error unless r is None, Mean or Sum, or BatchMean when
// batchMean is allowed.
func (r Reduction) check(batchMean bool) error {
	if r == None || r == Mean || r == Sum || (r == BatchMean && batchMean) {
		return nil
	}
	return fmt.Errorf("%v is not a valid value for reduction", r)
}
