package product_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

type params struct{ Amount float64 }

func (p *params) Validate() error {
	if p.Amount <= 0 {
		return xendit.Invalid("amount", "must be positive")
	}
	return nil
}

func TestCheckRefusesNilParamsAndAppliesTheRules(t *testing.T) {
	t.Parallel()
	var verr *xendit.ValidationError

	err := product.Check[params]((*params)(nil))
	require.True(t, errors.As(err, &verr), "nil params: %v", err)
	assert.Equal(t, "params", verr.Field)

	err = product.Check(&params{Amount: 0})
	require.True(t, errors.As(err, &verr), "rules applied: %v", err)
	assert.Equal(t, "amount", verr.Field)

	assert.NoError(t, product.Check(&params{Amount: 1}))
}
