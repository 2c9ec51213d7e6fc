# Helpers shared by packaging/run-arm64-qemu.sh and docker/build-and-test.sh (sourced, not run).
# Every network call here goes to 127.0.0.1 only.

# A regtest P2PKH address (version byte 111 + twenty zero bytes, base58check); nobody holds its key,
# which is fine for throw-away regtest coinbases.
REGTEST_ADDRESS=mfWxJ45yp2SFn7UciZyNpvDKrzbhyfKrY8

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
skip() { printf '%s SKIPPED: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '%s FAILED: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; exit 1; }

# now_ms: wall clock in milliseconds.
now_ms() { date +%s%3N; }

# free_port: a TCP port nobody listens on at 127.0.0.1.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# rpc_call URL USERPASS METHOD PARAMS_JSON: prints the reply body (whatever the HTTP status, since the
# original answers -32601 with 404 and other errors with 500); returns curl's status.
rpc_call() {
  curl -s --max-time "${RPC_TIMEOUT:-120}" --user "$2" -H 'Content-Type: application/json' \
    --data-binary "{\"jsonrpc\":\"1.0\",\"id\":\"pkg\",\"method\":\"$3\",\"params\":${4:-[]}}" "$1"
}

# rpc_error_code REPLY: the error code of a JSON-RPC reply, or empty when it has none.
rpc_error_code() { printf '%s' "$1" | sed -n 's/.*"error":{"code":\(-\{0,1\}[0-9]*\).*/\1/p'; }

# rpc_result REPLY: the result of a reply whose result is a number or a string (quotes removed).
rpc_result() { printf '%s' "$1" | sed -n 's/^{"result":"\{0,1\}\([^",}]*\)"\{0,1\},"error":null.*/\1/p'; }

# wait_for_rpc URL USERPASS_FILE_OR_VALUE DEADLINE_S PID: polls getblockcount until it answers a number
# (not the -28 warm-up error). USERPASS may be "@file" to read the cookie once it exists.
wait_for_rpc() {
  local url=$1 auth=$2 deadline=$(( $(date +%s) + $3 )) pid=${4:-} reply userpass
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      return 2
    fi
    userpass=$auth
    if [ "${auth#@}" != "$auth" ]; then
      userpass=$(cat "${auth#@}" 2>/dev/null || true)
    fi
    if [ -n "$userpass" ]; then
      reply=$(RPC_TIMEOUT=10 rpc_call "$url" "$userpass" getblockcount '[]' || true)
      if [ -n "$(rpc_result "$reply")" ]; then
        return 0
      fi
    fi
    sleep 0.2
  done
  return 1
}
