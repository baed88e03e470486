package ewallets_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/ewallets"
)

func TestCheckLinkingCustomerFollowsEachChannelsRequirements(t *testing.T) {
	mobile := xendit.Ptr("+6287774441111")
	cases := []struct {
		channel ewallets.LinkingChannel
		params  customers.CreateParamsV20200519
		field   string // "" when valid
	}{
		{ewallets.LinkOVO, customers.CreateParamsV20200519{ReferenceID: "r", GivenNames: "John", MobileNumber: mobile}, ""},
		{ewallets.LinkOVO, customers.CreateParamsV20200519{ReferenceID: "r", MobileNumber: mobile}, "given_names"},
		{ewallets.LinkOVO, customers.CreateParamsV20200519{ReferenceID: "r", GivenNames: "John"}, "mobile_number"},
		{ewallets.LinkOVO, customers.CreateParamsV20200519{ReferenceID: "r", GivenNames: "John", MobileNumber: xendit.Ptr("087774441111")}, "mobile_number"},
		{ewallets.LinkLinkAja, customers.CreateParamsV20200519{ReferenceID: "r", MobileNumber: mobile}, ""},
		{ewallets.LinkLinkAja, customers.CreateParamsV20200519{ReferenceID: "r"}, "mobile_number"},
		{ewallets.LinkDANA, customers.CreateParamsV20200519{ReferenceID: "r"}, ""},
		{ewallets.LinkGCash, customers.CreateParamsV20200519{}, "reference_id"},
	}
	for _, tc := range cases {
		err := ewallets.CheckLinkingCustomer(tc.channel, &tc.params)
		if tc.field == "" {
			assert.NoError(t, err, "%s %+v", tc.channel, tc.params)
			continue
		}
		var ve *xendit.ValidationError
		require.ErrorAs(t, err, &ve, "%s %+v", tc.channel, tc.params)
		assert.Equal(t, tc.field, ve.Field)
	}
	assert.Error(t, ewallets.CheckLinkingCustomer(ewallets.LinkOVO, nil))
}
