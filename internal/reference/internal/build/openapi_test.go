package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/seed19b1029f/xendit-go/internal/reference"
)

// widgets is a small OpenAPI file with what the generator must read: a
// shared path parameter, an idempotency header, allOf, anyOf, a schema
// that contains itself, an array of objects, named and schema examples,
// and error codes.
const widgets = `openapi: 3.0.0
servers:
- url: https://api.xendit.co
paths:
  /widgets/{widgetId}:
    parameters:
    - in: path
      name: widgetId
      required: true
      schema: {type: string}
    post:
      operationId: makeWidget
      summary: Make a widget
      parameters:
      - in: header
        name: idempotency-key
        required: true
        schema: {type: string}
      - $ref: '#/components/parameters/Limit'
      requestBody:
        content:
          application/json:
            examples:
              A small one:
                value: {size: 2, name: w, when: 2023-01-01T00:00:00Z, gone: null, ok: true}
            schema:
              $ref: '#/components/schemas/Widget'
      responses:
        "201":
          description: made
        "200":
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Widget'
          description: made or replayed
        "409":
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Conflict'
          description: Conflict
        default:
          description: Anything else
components:
  parameters:
    Limit:
      in: query
      name: limit
      schema: {type: integer}
  schemas:
    Widget:
      example: {name: w, size: 1}
      allOf:
      - $ref: '#/components/schemas/Base'
      - properties:
          size: {type: integer}
          parts:
            type: array
            items: {$ref: '#/components/schemas/Widget'}
          colour:
            $ref: '#/components/schemas/Colour'
          props:
            anyOf:
            - $ref: '#/components/schemas/Round'
            - {properties: {edges: {type: integer}}, required: [edges]}
        required: [size]
    Base:
      properties:
        name: {type: string}
      required: [name]
    Colour:
      enum: [RED, BLUE, null]
      type: string
    Round:
      properties:
        radius: {type: number}
    Conflict:
      properties:
        error_code:
          enum: [DUPLICATE_ERROR]
          type: string
`

func readWidgets(t *testing.T, ops map[string]string) (*gen, error) {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(widgets), &doc))
	g := &gen{areas: map[string]*reference.Area{}}
	s := &spec{gen: g, file: openAPIFile{area: "widgets", file: "widgets.yaml", ops: ops}, source: "openapi/widgets.yaml", root: doc.Content[0]}
	if err := s.read(); err != nil {
		return g, err
	}
	return g, g.err
}

func TestOpenAPIOperationIsNormalised(t *testing.T) {
	t.Parallel()
	g, err := readWidgets(t, map[string]string{"makeWidget": "make"})
	require.NoError(t, err)
	require.Len(t, g.areas["widgets"].Endpoints, 1)
	e := g.areas["widgets"].Endpoints[0]

	assert.Equal(t, "widgets.make", e.ID)
	assert.Equal(t, "widgets", e.Area)
	assert.Equal(t, "POST", e.Method)
	assert.Equal(t, "/widgets/{widgetId}", e.Path)
	assert.Empty(t, e.BaseURL, "the default base URL is left out")
	assert.Equal(t, "Make a widget", e.Title)
	assert.Equal(t, reference.Source{File: "openapi/widgets.yaml", From: 11, To: 44}, e.Source)
	assert.Equal(t, []reference.Param{{Name: "widgetId", Type: "string", Required: reference.Required}}, e.PathParams)
	assert.Equal(t, []reference.Param{{Name: "limit", Type: "integer", Required: reference.Optional}}, e.Query)
	assert.Equal(t, "idempotency-key", e.IdempotencyHeader)
	assert.True(t, e.IdempotencyRequired)
	assert.Equal(t, 200, e.SuccessStatus, "the lowest 2xx, not the first in the file")
	assert.Equal(t, []reference.Error{{Code: "DUPLICATE_ERROR", HTTPStatus: 409, Message: "Conflict"}}, e.Errors)
	assert.Equal(t, "application/json", e.ContentType)

	byName := map[string]reference.Param{}
	for _, p := range e.Body {
		byName[p.Name] = p
	}
	assert.Equal(t, reference.Required, byName["name"].Required, "allOf merges the members' required lists")
	assert.Equal(t, reference.Required, byName["size"].Required)
	assert.Equal(t, []string{"RED", "BLUE"}, byName["colour"].Enum, "a null in an enum is nullability, not a value")
	parts := byName["parts"]
	assert.Equal(t, "array<object>", parts.Type)
	assert.Empty(t, parts.Children, "a schema inside itself ends the recursion")
	props := byName["props"]
	assert.Equal(t, "object", props.Type)
	require.Len(t, props.Variants, 2)
	assert.Equal(t, "Round", props.Variants[0].Label)
	assert.Equal(t, "anyOf 2", props.Variants[1].Label)
	assert.Equal(t, []reference.Param{{Name: "edges", Type: "integer", Required: reference.Required}}, props.Variants[1].Fields)

	require.Len(t, e.Examples, 2)
	req, resp := e.Examples[0], e.Examples[1]
	assert.Equal(t, "widgets.make.request.a_small_one.json", req.Name)
	assert.Equal(t, `{"size":2,"name":"w","when":"2023-01-01T00:00:00Z","gone":null,"ok":true}`, string(req.JSON),
		"key order, numbers, timestamps, null and booleans as the file has them")
	assert.Equal(t, reference.ExampleResponse, resp.Kind)
	assert.Equal(t, "widgets.make.response.schema_Widget.json", resp.Name)
	assert.JSONEq(t, `{"name":"w","size":1}`, string(resp.JSON))
}

func TestOpenAPIOperationsMustBeNamed(t *testing.T) {
	t.Parallel()
	_, err := readWidgets(t, map[string]string{})
	require.ErrorContains(t, err, `"makeWidget" has no name`)

	_, err = readWidgets(t, map[string]string{"makeWidget": "make", "dropWidget": "drop"})
	require.ErrorContains(t, err, `"dropWidget" is no longer in the file`)
}
