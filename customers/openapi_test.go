package customers_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
)

// customers.openapi.response.json is the Customer example of Xendit's
// customer.yaml, with metadata and meta as the objects its schema says
// instead of the string "{}" the example shows.
func TestOpenAPIExampleDecodesIntoNamedFields(t *testing.T) {
	t.Parallel()
	var c customers.Customer
	jsontest.Strict(t, "customers.openapi.response.json", &c)
	d := c.IndividualDetail
	require.NotNil(t, d)
	assert.Equal(t, "middle_name", *d.MiddleName)
	assert.Equal(t, "given_names_non_roman", *d.GivenNamesNonRoman)
	assert.Equal(t, "surname_non_roman", *d.SurnameNonRoman)
	assert.Equal(t, "mother_maiden_name", *d.MotherMaidenName)

	a := c.Addresses[0]
	assert.Equal(t, "d290f1ee-6c54-4b01-90e6-d701748f0851", a.ID)
	assert.Nil(t, a.Status)
	assert.Equal(t, 2016, a.Created.Year())
	assert.Equal(t, 2016, a.Updated.Year())
	assert.Equal(t, map[string]any{}, a.Meta)

	ia := c.IdentityAccounts[0]
	assert.Equal(t, "d290f1ee-6c54-4b01-90e6-d701748f0851", ia.ID)
	assert.Equal(t, "code", *ia.Code)
	assert.Equal(t, "holder_name", *ia.HolderName)
	assert.Equal(t, 2016, ia.Created.Year())
	assert.Nil(t, c.Status, "the example's status is null")

	require.NoError(t, json.Unmarshal([]byte(`{"status":"BLOCKED","addresses":[{"country":"ID","status":"DELETED"}]}`), &c))
	assert.Equal(t, customers.StatusBlocked, *c.Status)
	assert.Equal(t, customers.AddressStatusDeleted, *c.Addresses[0].Status)
}

// The OpenAPI file's KYC document has document_images, nullable; an empty
// list the API sends comes back as one, not as a missing key.
func TestEmptyDocumentImagesSurviveARoundTrip(t *testing.T) {
	t.Parallel()
	in := []byte(`{"country":"ID","type":"IDENTITY_CARD","document_images":[]}`)
	var d customers.KYCDocument
	require.NoError(t, json.Unmarshal(in, &d))
	out, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Empty(t, jsontest.Diff(in, out))
}
