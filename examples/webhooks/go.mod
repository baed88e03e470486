module github.com/seed19b1029f/xendit-go/examples/webhooks

go 1.26.0

require (
	github.com/redis/go-redis/v9 v9.23.0
	github.com/seed19b1029f/xendit-go v0.0.0-00010101000000-000000000000
	github.com/seed19b1029f/xendit-go/redisstore v0.0.0-00010101000000-000000000000
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/hashicorp/go-cleanhttp v0.5.2 // indirect
	github.com/hashicorp/go-retryablehttp v0.7.8 // indirect
	go.uber.org/atomic v1.12.0 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/sys v0.48.0 // indirect
	golang.org/x/time v0.16.0 // indirect
)

// The example runs against the code beside it, never a published version.
replace (
	github.com/seed19b1029f/xendit-go => ../../
	github.com/seed19b1029f/xendit-go/redisstore => ../../redisstore
)
