package ktorch

import (
	"math"

	"kt/k"
)

// Kind is the k type an option takes.
type Kind int

// Option kinds.
const (
	Bool   Kind = iota // boolean atom
	Long               // long atom (positional: long only; named: short, int or long)
	Double             // double (a long is taken as a double; a real is refused)
	Reduce             // reduction mode symbol
	Weight             // tensor: a k array, a tensor pointer, or () / :: for none
)

// Family is how a loss reads its positional options; it follows the
// reference implementation's groups of losses.
type Family int

// Families of positional parsing.
const (
	// ReduceOnly losses take at most one positional option, the reduction.
	ReduceOnly Family = iota
	// Ordered losses take a trailing symbol as the reduction, then the other
	// options by position in declared order.
	Ordered
	// ClassWeight losses (bcelogits, multisoft) take a trailing symbol as the
	// reduction and at most one more positional option, the class weights.
	ClassWeight
	// MarginOnly losses (hinge, cosineloss, margin) take a trailing symbol as
	// the reduction and at most one more positional option, the margin.
	MarginOnly
	// Distance modules (pairwise, similar) follow the module rules: no
	// reduction, options by position.
	Distance
	// Optimizer options (sgd) follow the optimizer rules: by position, then
	// by name, with the optimizer's own messages.
	Optimizer
)

// Option declares one option of a loss: its k name, kind and default.
type Option struct {
	Name    string
	Kind    Kind
	Default k.V  // k.Null for a tensor option that is not set; 0n for an unset smoothl1 beta
	Always  bool // shown in a definition even when it has its default (sgd's lr)
}

// Spec declares a loss: the single source of truth from which option
// parsing, help, options and the definition dictionary are derived.
type Spec struct {
	Name       string   // ktorch's symbol, e.g. ce
	PyTorch    string   // PyTorch's class, e.g. torch.nn.CrossEntropyLoss
	Min        int      // least number of tensors for the forward calculation
	Args       int      // number of tensors the forward calculation takes at most
	Family     Family   // how positional options are read
	Options    []Option // in the reference's order
	Reductions []string // accepted reduction symbols, in the order its error message lists them
}

var (
	red3     = []string{"none", "mean", "sum"}
	redKL    = []string{"none", "batchmean", "mean", "sum"}
	noWeight = Option{Name: "weight", Kind: Weight, Default: k.Null}
	mean     = Option{Name: "reduce", Kind: Reduce, Default: k.Sym("mean")}
)

func dbl(name string, def float64) Option {
	return Option{Name: name, Kind: Double, Default: k.Float(def)}
}
func lng(name string, def int64) Option { return Option{Name: name, Kind: Long, Default: k.Long(def)} }
func boo(name string, def bool) Option  { return Option{Name: name, Kind: Bool, Default: k.Bool(def)} }

// Specs lists the 21 losses in the order of help`loss.
var Specs = []*Spec{
	{"bce", "torch.nn.BCELoss", 2, 3, ReduceOnly, []Option{mean}, red3},
	{"bcelogits", "torch.nn.BCEWithLogitsLoss", 2, 3, ClassWeight, []Option{noWeight, mean}, red3},
	{"ce", "torch.nn.CrossEntropyLoss", 2, 2, Ordered, []Option{noWeight, lng("ignore", -100), dbl("smoothing", 0), mean}, red3},
	{"cosineloss", "torch.nn.CosineEmbeddingLoss", 3, 3, MarginOnly, []Option{dbl("margin", 0), mean}, red3},
	{"ctc", "torch.nn.CTCLoss", 4, 4, Ordered, []Option{lng("blank", 0), boo("zeroinf", false), mean}, red3},
	{"hinge", "torch.nn.HingeEmbeddingLoss", 2, 2, MarginOnly, []Option{dbl("margin", 1), mean}, red3},
	{"huber", "torch.nn.HuberLoss", 2, 2, Ordered, []Option{dbl("delta", 1), mean}, red3},
	{"kl", "torch.nn.KLDivLoss", 2, 2, ReduceOnly, []Option{mean}, redKL},
	{"l1", "torch.nn.L1Loss", 2, 2, ReduceOnly, []Option{mean}, red3},
	{"margin", "torch.nn.MarginRankingLoss", 3, 3, MarginOnly, []Option{dbl("margin", 0), mean}, red3},
	{"mse", "torch.nn.MSELoss", 2, 2, ReduceOnly, []Option{mean}, red3},
	{"multilabel", "torch.nn.MultiLabelMarginLoss", 2, 2, ReduceOnly, []Option{mean}, red3},
	{"multimargin", "torch.nn.MultiMarginLoss", 2, 2, Ordered, []Option{lng("p", 1), dbl("margin", 1), noWeight, mean}, red3},
	{"multisoft", "torch.nn.MultiLabelSoftMarginLoss", 2, 2, ClassWeight, []Option{noWeight, mean}, red3},
	{"nll", "torch.nn.NLLLoss", 2, 2, Ordered, []Option{noWeight, lng("ignore", -100), mean}, red3},
	{"pairwise", "torch.nn.PairwiseDistance", 2, 2, Distance, []Option{dbl("p", 2), dbl("eps", 1e-6), boo("keepdim", false)}, nil},
	{"poissonloss", "torch.nn.PoissonNLLLoss", 2, 2, Ordered, []Option{boo("log", true), boo("full", false), dbl("eps", 1e-8), mean}, red3},
	{"similar", "torch.nn.CosineSimilarity", 2, 2, Distance, []Option{lng("dim", 1), dbl("eps", 1e-8)}, nil},
	{"smoothl1", "torch.nn.SmoothL1Loss", 2, 2, Ordered, []Option{dbl("beta", math.NaN()), mean}, red3},
	{"softmargin", "torch.nn.SoftMarginLoss", 2, 2, ReduceOnly, []Option{mean}, red3},
	{"triplet", "torch.nn.TripletMarginLoss", 3, 3, Ordered, []Option{dbl("margin", 1), dbl("p", 2), dbl("eps", 1e-6), boo("swap", false), mean}, red3},
}

// SGD declares the SGD optimizer's options as ktorch names them.
var SGD = &Spec{Name: "sgd", PyTorch: "torch.optim.SGD", Family: Optimizer, Options: []Option{
	{Name: "lr", Kind: Double, Default: k.Float(0.01), Always: true},
	dbl("momentum", 0), dbl("dampening", 0), dbl("decay", 0), boo("nesterov", false),
}}

// optimizerSettings are the option names the reference knows for its
// optimizers; one outside them is an unrecognized optimizer setting.
var optimizerSettings = map[string]bool{
	"lr": true, "lrdecay": true, "decay": true, "init": true, "eps": true, "beta1": true, "beta2": true,
	"amsgrad": true, "momentum": true, "dampening": true, "nesterov": true, "alpha": true, "centered": true,
	"iter": true, "eval": true, "gradtol": true, "changetol": true, "history": true, "search": true,
	"unbiased": true, "globalnorm": true, "trustclip": true, "trustmin": true, "trustmax": true,
}

// lossSettings are the option names the reference knows for losses; a name
// outside them is an unrecognized loss setting, a name inside them that a
// loss does not take is an option that loss does not recognize.
var lossSettings = map[string]bool{
	"beta": true, "blank": true, "eps": true, "delta": true, "full": true, "ignore": true, "log": true,
	"margin": true, "p": true, "reduce": true, "smoothing": true, "swap": true, "weight": true, "zeroinf": true,
}

// moduleSettings are the option names of the distance modules' table.
var moduleSettings = map[string]bool{"p": true, "eps": true, "keepdim": true, "dim": true}

// Lookup finds a loss by its symbol.
func Lookup(name string) (*Spec, bool) {
	for _, s := range Specs {
		if s.Name == name {
			return s, true
		}
	}
	return nil, false
}

// index returns the position of the named option, or -1.
func (s *Spec) index(name string) int {
	for i, o := range s.Options {
		if o.Name == name {
			return i
		}
	}
	return -1
}
