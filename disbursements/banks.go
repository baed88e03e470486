package disbursements

import (
	"context"
	"iter"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var listBanks = xendit.MustEndpoint("disbursements.list_banks")

// Bank is a destination Xendit can disburse to: a bank or an e-wallet.
type Bank struct {
	Name string `json:"name"`
	// Code is what [CreateDisbursementParams].BankCode takes.
	Code string `json:"code"`
	// CanDisburse and CanNameValidate are in the Disbursements section's
	// example only; the Batch Disbursement section's has name and code.
	CanDisburse     *bool `json:"can_disburse,omitzero"`
	CanNameValidate *bool `json:"can_name_validate,omitzero"`
}

// ListBanks returns the banks and e-wallets Xendit can disburse to today
// (140+ in Indonesia). The API answers all of them at once, so the page's
// HasMore is false.
//
// API: GET /available_disbursements_banks
func (s *Client) ListBanks(ctx context.Context, opts ...xendit.RequestOption) (*xendit.Page[Bank], error) {
	list, err := product.Do[[]Bank](ctx, s.c, &xendit.Request{Endpoint: listBanks, Options: opts})
	if err != nil {
		return nil, err
	}
	return bare(*list), nil
}

// AllBanks returns every bank of [Client.ListBanks], one at a time.
//
// API: GET /available_disbursements_banks
func (s *Client) AllBanks(ctx context.Context, opts ...xendit.RequestOption) iter.Seq2[*Bank, error] {
	return onePage(ctx, func(ctx context.Context) (*xendit.Page[Bank], error) {
		return s.ListBanks(ctx, opts...)
	})
}
