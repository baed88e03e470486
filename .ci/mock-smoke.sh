#!/usr/bin/env bash
# Smoke test of cmd/xendit-mock from outside Go, as a service in another
# language meets it: build it, serve it on a free loopback port, create and
# get a customer with curl, have the fake send a callback and trigger
# webhooks to a receiver written in Python (stdlib only), then stop it with
# SIGTERM. Needs go, curl and python3 (a fresh Debian has the last two);
# leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in go curl python3; do
	command -v "$tool" >/dev/null || { echo "mock-smoke: $tool is required" >&2; exit 1; }
done
work=$(mktemp -d)
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

fail() {
	echo "mock-smoke: $*" >&2
	for f in serve.out serve.err receiver.log; do
		[[ -f "$work/$f" ]] && { echo "--- $f" >&2; cat "$work/$f" >&2; }
	done
	exit 1
}

# wait_for FILE PATTERN: up to 10 s for a line to appear.
wait_for() {
	for _ in $(seq 100); do
		grep -q "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	fail "timed out waiting for '$2' in $(basename "$1")"
}

go build -o "$work/xendit-mock" ./cmd/xendit-mock

# The receiver logs each POST as one JSON line (path, headers, body) and
# answers 200, or 500 on /fail.
cat >"$work/receiver.py" <<'EOF'
import http.server, json, sys
log, portfile = sys.argv[1], sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(log, "a") as f:
            f.write(json.dumps({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()},
                                "body": json.loads(body)}) + "\n")
        self.send_response(500 if self.path == "/fail" else 200)
        self.end_headers()
    def log_message(self, *args):
        pass
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
with open(portfile, "w") as f:
    f.write(str(srv.server_address[1]) + "\n")
srv.serve_forever()
EOF
python3 "$work/receiver.py" "$work/receiver.log" "$work/receiver.port" &
pids+=($!)
wait_for "$work/receiver.port" '^[0-9]'
hooks="http://127.0.0.1:$(cat "$work/receiver.port")"

"$work/xendit-mock" serve -addr 127.0.0.1:0 -v \
	-callback-url "$hooks/xendit" -callback-token smoke-callback-token \
	>"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
pids+=("$serve_pid")
wait_for "$work/serve.out" 'serving the fake Xendit API on http://'
base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" | head -1)
key=$(sed -n 's/^secret key: \([^ ]*\).*/\1/p' "$work/serve.out")
[[ -n "$key" ]] || fail "serve printed no secret key"

# api METHOD PATH [JSON]: call the fake as $key, print the status, keep the
# answer in body.json.
api() {
	local args=(-sS -o "$work/body.json" -w '%{http_code}' -u "$key:" -X "$1")
	[[ $# -lt 3 ]] || args+=(-H 'Content-Type: application/json' --data "$3")
	curl "${args[@]}" "$base$2"
}
# field NAME: the top-level field NAME of the last answer.
field() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], ""))' "$work/body.json" "$1"; }

echo "mock-smoke: create a customer"
status=$(api POST /customers '{"reference_id":"smoke-1","type":"INDIVIDUAL","individual_detail":{"given_names":"Ann"}}')
[[ "$status" == 200 ]] || fail "create: $status $(cat "$work/body.json")"
id=$(field id)
[[ "$id" == cust-* ]] || fail "create answered no customer id: $(cat "$work/body.json")"

echo "mock-smoke: get it back"
status=$(api GET "/customers/$id")
[[ "$status" == 200 && "$(field reference_id)" == smoke-1 ]] || fail "get: $status $(cat "$work/body.json")"

echo "mock-smoke: a wrong key is refused"
status=$(key=xnd_development_wrong api GET "/customers/$id")
[[ "$status" == 401 ]] || fail "wrong key: status $status"
grep -q '"error_code":"INVALID_API_KEY"' "$work/body.json" || fail "wrong key: $(cat "$work/body.json")"

echo "mock-smoke: the fake sends its own callback (a report completes)"
status=$(api POST /reports '{"type":"BALANCE_HISTORY","filter":{"from":"2026-01-01T00:00:00Z","to":"2026-01-02T00:00:00Z"}}')
[[ "$status" == 201 ]] || fail "report: $status $(cat "$work/body.json")"
wait_for "$work/receiver.log" '"event": "reports.completed"'
grep '"event": "reports.completed"' "$work/receiver.log" | grep -q '"x-callback-token": "smoke-callback-token"' ||
	fail "the report callback lacks the token"

echo "mock-smoke: trigger ewallet.capture"
"$work/xendit-mock" trigger ewallet.capture -url "$hooks/xendit" -token smoke-callback-token \
	-webhook-id smoke-webhook-1 -id ewc_smoke -set capture_amount=20000 || fail "trigger ewallet.capture failed"
line=$(grep '"webhook-id": "smoke-webhook-1"' "$work/receiver.log") || fail "the receiver got no webhook-id smoke-webhook-1"
python3 - "$line" <<'EOF' || fail "the triggered webhook is not as sent"
import json, sys
r = json.loads(sys.argv[1])
assert r["headers"]["x-callback-token"] == "smoke-callback-token", r["headers"]
assert r["body"]["event"] == "ewallet.capture" and r["body"]["data"]["id"] == "ewc_smoke", r["body"]
assert r["body"]["data"]["capture_amount"] == 20000, r["body"]
EOF

echo "mock-smoke: trigger a SNAP notification"
"$work/xendit-mock" trigger snap_virtual_account.payment -url "$hooks/snap" -webhook-id smoke-snap-1 ||
	fail "trigger snap_virtual_account.payment failed"
line=$(grep '"x-external-id": "smoke-snap-1"' "$work/receiver.log") || fail "the receiver got no SNAP callback"
for h in x-timestamp x-signature x-partner-id channel-id; do
	grep -q "\"$h\": " <<<"$line" || fail "the SNAP callback lacks $h"
done

echo "mock-smoke: trigger fails when the receiver does not answer 2xx"
if "$work/xendit-mock" trigger paylater.payment -url "$hooks/fail" 2>"$work/trigger.err"; then
	fail "trigger succeeded against a 500"
fi
grep -q '500' "$work/trigger.err" || fail "trigger did not print the status: $(cat "$work/trigger.err")"

echo "mock-smoke: SIGTERM stops the server"
kill -TERM "$serve_pid"
wait "$serve_pid" || fail "serve exited with status $?"
grep -q 'xendit-mock: stopped' "$work/serve.err" || fail "serve did not stop cleanly"
if grep -q "$key" "$work/serve.err"; then fail "the request log printed the secret key"; fi
echo "mock-smoke: ok"
