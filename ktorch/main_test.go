package ktorch

import (
	"testing"

	"kt/tensor/tensortest"
)

// TestMain runs the tests with the storage cache poisoned: every element
// of an output or gradient must be written.
func TestMain(m *testing.M) { tensortest.Main(m) }
