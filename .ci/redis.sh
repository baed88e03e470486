# shellcheck shell=bash
# Starts a throwaway redis-server on loopback for the real-Redis tests of
# ./redisstore, and exports REDIS_ADDR=127.0.0.1:<port> for them.
#
#   source .ci/redis.sh && go test -race github.com/seed19b1029f/xendit-go/...
#
# Source it (do not execute it): the server runs in the background of the
# calling shell and is killed, by its PID, when that shell exits. The trap
# chains onto an EXIT trap the caller set before sourcing; a trap the caller
# sets afterwards should call redis_stop itself. redis-server comes from
# Debian's package, installed with apt-get when it is missing. When
# REDIS_ADDR already answers PING, that server is used and nothing starts.
# Nothing is persisted (--save '' --appendonly no).
#
# Returns non-zero, and prints the server's log, when Redis cannot be
# started. It does not change the caller's shell options.

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
	echo "redis.sh: source this script (source .ci/redis.sh), do not run it" >&2
	exit 2
fi

REDIS_PID=""
REDIS_DIR=""

# _redis_kill stops the server this script started, if it runs.
_redis_kill() {
	[[ -n "$REDIS_PID" ]] || return 0
	kill "$REDIS_PID" 2>/dev/null || true
	local _
	for _ in $(seq 50); do
		kill -0 "$REDIS_PID" 2>/dev/null || break
		sleep 0.1
	done
	kill -9 "$REDIS_PID" 2>/dev/null || true
	wait "$REDIS_PID" 2>/dev/null || true
	REDIS_PID=""
}

# redis_stop stops the server and removes its directory; the EXIT trap runs it.
redis_stop() {
	_redis_kill
	if [[ -n "$REDIS_DIR" ]]; then
		rm -rf "$REDIS_DIR"
		REDIS_DIR=""
	fi
}

_redis_install() {
	if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then
		return 0
	fi
	echo "redis.sh: installing redis-server from Debian's packages" >&2
	local sudo=""
	if [[ $(id -u) -ne 0 ]]; then
		sudo="sudo"
	fi
	$sudo apt-get update -qq >&2 &&
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >&2
}

# _redis_try_port starts redis-server on port and waits up to 10 s for PONG.
_redis_try_port() {
	local port=$1 _
	redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
		--daemonize no --dir "$REDIS_DIR" >"$REDIS_DIR/redis.log" 2>&1 &
	REDIS_PID=$!
	for _ in $(seq 100); do
		if [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == "PONG" ]]; then
			return 0
		fi
		kill -0 "$REDIS_PID" 2>/dev/null || break # exited: port taken, or worse
		sleep 0.1
	done
	_redis_kill
	return 1
}

_redis_start() {
	if [[ -n "${REDIS_ADDR:-}" ]] && command -v redis-cli >/dev/null &&
		[[ "$(redis-cli -h "${REDIS_ADDR%:*}" -p "${REDIS_ADDR##*:}" ping 2>/dev/null)" == "PONG" ]]; then
		echo "redis.sh: using the Redis server already at $REDIS_ADDR" >&2
		return 0
	fi
	if ! _redis_install; then
		echo "redis.sh: could not install redis-server" >&2
		return 1
	fi
	REDIS_DIR=$(mktemp -d) || return 1
	local port attempt
	for attempt in 1 2 3 4 5 6 7 8; do
		# Below Linux's ephemeral range (32768 and up), where outgoing
		# connections take their ports.
		port=$((10000 + RANDOM % 22000))
		# A port something already answers on is taken.
		if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			continue
		fi
		if _redis_try_port "$port"; then
			export REDIS_ADDR="127.0.0.1:$port"
			echo "redis.sh: $(redis-server --version | cut -d' ' -f1-3) (pid $REDIS_PID) on $REDIS_ADDR" >&2
			return 0
		fi
		echo "redis.sh: redis-server did not start on port $port (attempt $attempt): $(tail -n 1 "$REDIS_DIR/redis.log")" >&2
	done
	echo "redis.sh: giving up; the last attempt's log:" >&2
	cat "$REDIS_DIR/redis.log" >&2
	redis_stop
	return 1
}

# _redis_trap chains redis_stop onto the caller's EXIT trap instead of
# replacing it (in a function, so that `set --` leaves the caller's
# arguments alone).
_redis_trap() {
	local prev="" current
	current=$(trap -p EXIT)
	if [[ -n "$current" ]]; then
		eval "set -- $current" # trap -- 'command' EXIT
		prev=$3
	fi
	# shellcheck disable=SC2064 # expand the previous trap now
	trap "redis_stop; $prev" EXIT
}

_redis_trap
_redis_start
