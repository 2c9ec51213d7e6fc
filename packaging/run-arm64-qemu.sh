#!/usr/bin/env bash
# Runs the linux-arm64 build of faithcoind for real, under user-mode emulation (qemu-aarch64-static),
# on an x86-64 machine without binfmt: publish, start on regtest, RPC, the arm64 librocksdb, a P2P
# version handshake, generatetoaddress, faithcoin-cli, submitblock import from a native node, a clean
# SIGTERM stop (exit 0), and a restart that must find the chain again. Every step has a time limit (emulation is 7-17x slower than native); the whole run is
# bounded by TIME_LIMIT seconds (default 900).
#
#   packaging/run-arm64-qemu.sh
#   ARM64_DIR=/path/to/published/linux-arm64/bin packaging/run-arm64-qemu.sh   # skip the publish
#
# Exit status: 0 when every step that could run passed (what this machine cannot run prints SKIPPED and
# a reason), 1 on a failure. With STRICT=1 a missing tool is a failure instead of a skip.
# Everything it talks to is on 127.0.0.1; the only downloads are Debian packages (apt-get) and NuGet
# packages (dotnet publish).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=packaging/lib.sh
. "$repo/packaging/lib.sh"

time_limit=${TIME_LIMIT:-900}
strict=${STRICT:-0}
blocks_to_mine=${BLOCKS:-5}
out=${OUT:-$repo/packaging/out}
script_start=$(date +%s)

remaining() { echo $(( time_limit - ($(date +%s) - script_start) )); }
need_time() { [ "$(remaining)" -gt "$1" ] || die "time limit of ${time_limit}s reached before: $2"; }
skip_all() {
  skip "$*"
  [ "$strict" = 1 ] && exit 1
  exit 0
}

# --- 1. Tools: qemu-user-static and the arm64 C/C++ runtime the .NET host and librocksdb load -------
apt_updated=0
apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    return 1
  fi
  if [ "$apt_updated" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v qemu-aarch64-static >/dev/null 2>&1; then
  log "installing qemu-user-static"
  apt_install qemu-user-static || skip_all "qemu-aarch64-static is missing and cannot be installed (needs root and apt-get)"
fi

# libicu is not needed: faithcoind is built with InvariantGlobalization=true (checked below).
arm64_libs=(libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 zlib1g:arm64 libssl3:arm64)
if [ ! -e /lib/ld-linux-aarch64.so.1 ] || [ ! -e /usr/lib/aarch64-linux-gnu/libstdc++.so.6 ] \
  || [ ! -e /usr/lib/aarch64-linux-gnu/libssl.so.3 ]; then
  log "installing the arm64 runtime libraries (${arm64_libs[*]})"
  if [ "$(id -u)" = 0 ] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
    dpkg --add-architecture arm64
    apt_updated=0
  fi
  apt_install "${arm64_libs[@]}" || skip_all "the arm64 libraries (${arm64_libs[*]}) are missing and cannot be installed"
fi
qemu=(qemu-aarch64-static -L /)
log "$(qemu-aarch64-static --version | head -n1)"

# --- 2. Publish for linux-arm64 (self-contained, ReadyToRun) and the RocksDB probe ----------------
if [ -n "${ARM64_DIR:-}" ]; then
  bin=$ARM64_DIR
else
  log "publishing faithcoind for linux-arm64"
  OUT="$out" TAR=0 "$repo/packaging/publish.sh" linux-arm64
  bin=$(ls -d "$out"/linux-arm64/faithcoin-*-linux-arm64/bin | head -n1)
fi
[ -x "$bin/faithcoind" ] || die "no faithcoind in $bin"
[ -x "$bin/faithcoin-cli" ] || die "no faithcoin-cli in $bin"
file -b "$bin/faithcoind" 2>/dev/null | grep -q 'aarch64' || die "$bin/faithcoind is not an aarch64 executable"
[ -f "$bin/librocksdb.so" ] && file -b "$bin/librocksdb.so" | grep -q aarch64 \
  || die "$bin/librocksdb.so is missing or not aarch64"
grep -q '"System.Globalization.Invariant": true' "$bin/faithcoind.runtimeconfig.json" \
  || die "faithcoind is not built with InvariantGlobalization; it would need libicu72:arm64"
log "faithcoind arm64: $(du -sh "$bin" | cut -f1) in $bin; librocksdb.so: $(file -b "$bin/librocksdb.so" | cut -d, -f1-2)"

probe_dir="$out/rocksdb-probe-linux-arm64"
log "publishing the RocksDB probe for linux-arm64"
dotnet publish "$repo/packaging/rocksdb-probe/RocksDbProbe.csproj" -c Release -r linux-arm64 --self-contained true \
  -p:PublishReadyToRun=true -o "$probe_dir" -v:q -nologo >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/faithcoin-arm64.XXXXXX")
daemon_pid=""
daemon_log=""
cleanup() {
  if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill -KILL "$daemon_pid" 2>/dev/null || true
  fi
  [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

# --- 3. The arm64 librocksdb, directly ------------------------------------------------------------
need_time 60 "the RocksDB probe"
t0=$(now_ms)
timeout 300 "${qemu[@]}" "$probe_dir/rocksdb-probe" "$work/probe-db" || die "the arm64 RocksDB probe failed under qemu"
log "arm64 RocksDB probe under qemu: $(( $(now_ms) - t0 )) ms (start, open, write, flush, reopen, read)"

# --- 4. faithcoind on regtest under qemu ----------------------------------------------------------
datadir="$work/data"
mkdir -p "$datadir"
rpc_port=$(free_port)
p2p_port=$(free_port)
url="http://127.0.0.1:$rpc_port/"
cookie="$datadir/regtest/.cookie"

start_daemon() { # $1: log file
  "${qemu[@]}" "$bin/faithcoind" -regtest -datadir="$datadir" -printtoconsole \
    -rpcport="$rpc_port" -port="$p2p_port" -bind=127.0.0.1 >"$1" 2>&1 &
  daemon_pid=$!
  daemon_log=$1
}

stop_daemon() { # SIGTERM (what Kubernetes, docker stop and systemd send); expects exit 0
  local t0 status=0
  t0=$(now_ms)
  kill -TERM "$daemon_pid"
  if ! timeout "${1:-120}" tail --pid="$daemon_pid" -f /dev/null; then
    die "faithcoind did not exit within ${1:-120}s of SIGTERM"
  fi
  wait "$daemon_pid" || status=$?
  daemon_pid=""
  if [ "$status" != 0 ]; then
    grep -v 'UpdateTip: ' "$daemon_log" | tail -n 40 >&2 || true
    die "faithcoind exited $status after SIGTERM (expected 0); the last lines of its log are above"
  fi
  log "SIGTERM -> exit 0 in $(( $(now_ms) - t0 )) ms"
}

need_time 120 "starting faithcoind"
t0=$(now_ms)
start_daemon "$work/run1.log"
if ! wait_for_rpc "$url" "@$cookie" "$(( $(remaining) < 300 ? $(remaining) : 300 ))" "$daemon_pid"; then
  tail -n 30 "$work/run1.log" >&2 || true
  die "faithcoind (arm64) did not answer RPC"
fi
start_ms=$(( $(now_ms) - t0 ))
log "faithcoind arm64 under qemu: start to first RPC answer (getblockcount) in $start_ms ms"
auth=$(cat "$cookie")

info=$(rpc_call "$url" "$auth" getblockchaininfo)
printf '%s' "$info" | grep -q '"chain":"regtest"' || die "getblockchaininfo: $info"
log "getblockchaininfo: $(printf '%s' "$info" | cut -c1-160)..."

if grep -q librocksdb "/proc/$daemon_pid/maps" 2>/dev/null; then
  log "the daemon has the arm64 librocksdb.so mapped: $(grep -o '/[^ ]*librocksdb[^ ]*' "/proc/$daemon_pid/maps" | sort -u | head -n1)"
  daemon_uses_rocksdb=1
else
  skip "the daemon has not loaded librocksdb.so (this build does not open its chainstate yet); the probe above ran the arm64 library"
  daemon_uses_rocksdb=0
fi

port_open "$p2p_port" || die "nothing accepts TCP on the P2P port 127.0.0.1:$p2p_port"
log "P2P listening on 127.0.0.1:$p2p_port"
handshake=$(python3 "$repo/packaging/p2p-handshake.py" 127.0.0.1 "$p2p_port" fabfb5da 120) \
  || die "P2P version handshake on 127.0.0.1:$p2p_port failed"
log "$handshake"

# Mining: generatetoaddress on regtest (about two scrypt hashes per block at powLimit).
mined=0
need_time 60 "mining"
reply=$(RPC_TIMEOUT=$(( $(remaining) < 300 ? $(remaining) : 300 )) rpc_call "$url" "$auth" generatetoaddress "[$blocks_to_mine,\"$REGTEST_ADDRESS\"]" || true)
code=$(rpc_error_code "$reply")
if [ -n "$code" ] || [ -z "$reply" ]; then
  die "generatetoaddress: ${reply:-no reply}"
fi
count=$(rpc_result "$(rpc_call "$url" "$auth" getblockcount)")
[ "$count" = "$blocks_to_mine" ] || die "after mining $blocks_to_mine blocks getblockcount is $count"
mined=$blocks_to_mine
log "generatetoaddress mined $mined regtest blocks under qemu; height $count"

# The arm64 faithcoin-cli from the same build, also under qemu, with the daemon's cookie.
cli_count=$("${qemu[@]}" "$bin/faithcoin-cli" -regtest -datadir="$datadir" -rpcport="$rpc_port" getblockcount 2>&1) \
  || die "faithcoin-cli getblockcount failed: $cli_count"
[ "$cli_count" = "$count" ] || die "faithcoin-cli getblockcount says '$cli_count', RPC says $count"
log "faithcoin-cli (arm64) getblockcount -> $cli_count"

# Import: blocks mined by a native x86-64 node, fed to the arm64 node with submitblock.
imported=0
x64_bin=$(ls -d "$out"/linux-x64/faithcoin-*-linux-x64/bin 2>/dev/null | head -n1 || true)
probe=$(rpc_call "$url" "$auth" submitblock '["00"]' || true)
if [ "$(rpc_error_code "$probe")" = -32601 ]; then
  skip "submitblock is not implemented yet (-32601): no block import"
elif [ "$mined" = 0 ]; then
  skip "block import needs generatetoaddress on the source node, which is not implemented yet"
else
  if [ -z "$x64_bin" ]; then
    OUT="$out" TAR=0 "$repo/packaging/publish.sh" linux-x64 >/dev/null
    x64_bin=$(ls -d "$out"/linux-x64/faithcoin-*-linux-x64/bin | head -n1)
  fi
  src_dir="$work/source"
  mkdir -p "$src_dir"
  src_port=$(free_port)
  "$x64_bin/faithcoind" -regtest -datadir="$src_dir" -rpcport="$src_port" -port="$(free_port)" -bind=127.0.0.1 >"$work/source.log" 2>&1 &
  src_pid=$!
  wait_for_rpc "http://127.0.0.1:$src_port/" "@$src_dir/regtest/.cookie" 60 "$src_pid" || die "the x86-64 source node did not start"
  src_url="http://127.0.0.1:$src_port/"
  src_auth=$(cat "$src_dir/regtest/.cookie")
  import_count=$(( mined + 5 ))
  # Mine a longer chain on the native node, then hand its blocks over one by one.
  rpc_call "$src_url" "$src_auth" generatetoaddress "[$import_count,\"$REGTEST_ADDRESS\"]" >/dev/null
  t0=$(now_ms)
  for height in $(seq 1 "$import_count"); do
    hash=$(rpc_result "$(rpc_call "$src_url" "$src_auth" getblockhash "[$height]")")
    raw=$(rpc_result "$(rpc_call "$src_url" "$src_auth" getblock "[\"$hash\",0]")")
    [ -n "$raw" ] || die "getblock $hash 0 on the source node gave no hex"
    reply=$(rpc_call "$url" "$auth" submitblock "[\"$raw\"]")
    case "$reply" in
      *'"error":null'*) ;;
      *) die "submitblock at height $height: $reply" ;;
    esac
  done
  kill -TERM "$src_pid"; wait "$src_pid" || true
  count=$(rpc_result "$(rpc_call "$url" "$auth" getblockcount)")
  best=$(rpc_result "$(rpc_call "$url" "$auth" getbestblockhash)")
  [ "$count" = "$import_count" ] && [ "$best" = "$hash" ] \
    || die "after importing $import_count blocks the arm64 node is at height $count ($best), expected $hash"
  imported=$import_count
  log "imported $imported blocks from a native node in $(( $(now_ms) - t0 )) ms (a reorg over the $mined mined under qemu); tip $best"
fi

height_before=$(rpc_result "$(rpc_call "$url" "$auth" getblockcount)")
need_time 60 "stopping faithcoind"
stop_daemon 120

# --- 5. Restart: the chain must come back from disk -----------------------------------------------
need_time 90 "restarting faithcoind"
t0=$(now_ms)
start_daemon "$work/run2.log"
wait_for_rpc "$url" "@$cookie" "$(( $(remaining) < 300 ? $(remaining) : 300 ))" "$daemon_pid" || {
  tail -n 30 "$work/run2.log" >&2 || true
  die "faithcoind (arm64) did not answer RPC after a restart"
}
restart_ms=$(( $(now_ms) - t0 ))
auth=$(cat "$cookie")
height_after=$(rpc_result "$(rpc_call "$url" "$auth" getblockcount)")
if [ "$height_after" != "$height_before" ]; then
  die "height $height_before before the restart, $height_after after"
fi
log "restart to first RPC answer in $restart_ms ms; height $height_after kept"
stop_daemon 120

# --- 6. -loadblock import of the original daemon's regtest chain, checked against a native node ------
# tests/data/fixture-slice.dat.gz: the first blocks of a regtest chain made by the original faithcoind
# (bootstrap.dat framing). The arm64 node imports until its height stops moving (at most IMPORT_SECONDS,
# default 300); the block it has at
# its height H must be the one a native x86-64 node has at H, and must still be there after a restart.
loadblock_height=0
fixture="$repo/tests/data/fixture-slice.dat.gz"
if [ ! -f "$fixture" ]; then
  skip "no $fixture: no -loadblock import"
else
  gunzip -c "$fixture" >"$work/bootstrap.dat"
  datadir="$work/import"
  mkdir -p "$datadir"
  cookie="$datadir/regtest/.cookie"
  need_time 120 "the -loadblock import"
  "${qemu[@]}" "$bin/faithcoind" -regtest -datadir="$datadir" -printtoconsole -rpcport="$rpc_port" -port="$p2p_port" \
    -bind=127.0.0.1 -loadblock="$work/bootstrap.dat" >"$work/import.log" 2>&1 &
  daemon_pid=$!
  daemon_log=$work/import.log
  wait_for_rpc "$url" "@$cookie" "$(( $(remaining) < 300 ? $(remaining) : 300 ))" "$daemon_pid" || die "faithcoind (arm64) with -loadblock did not answer RPC"
  auth=$(cat "$cookie")
  if grep -q 'Option -loadblock .* is not used' "$work/import.log"; then
    skip "-loadblock is not implemented in this build: no import"
    stop_daemon 120
  else
    # Until the height stops moving (the whole file is in) or IMPORT_SECONDS have passed. The stop below
    # comes after the import on purpose: a SIGTERM in the middle of one is a separate case (see README).
    import_seconds=${IMPORT_SECONDS:-300}
    need_time $(( import_seconds + 90 )) "the -loadblock import"
    import_start=$(date +%s)
    previous=-1
    steady=0
    while [ $(( $(date +%s) - import_start )) -lt "$import_seconds" ] && [ "$steady" -lt 5 ]; do
      sleep 1
      loadblock_height=$(rpc_result "$(rpc_call "$url" "$auth" getblockcount)")
      if [ "${loadblock_height:-0}" -gt 0 ] && [ "$loadblock_height" = "$previous" ]; then
        steady=$((steady + 1))
      else
        steady=0
      fi
      previous=${loadblock_height:-0}
    done
    import_seconds=$(( $(date +%s) - import_start ))
    [ "${loadblock_height:-0}" -gt 0 ] || die "-loadblock imported nothing in ${import_seconds}s"
    arm_hash=$(rpc_result "$(rpc_call "$url" "$auth" getblockhash "[$loadblock_height]")")
    log "arm64 under qemu imported $loadblock_height blocks in ${import_seconds}s (-loadblock); block $loadblock_height is $arm_hash"
    stop_daemon 120

    # The same file on a native node, up to the same height.
    x64_bin=$(ls -d "$out"/linux-x64/faithcoin-*-linux-x64/bin 2>/dev/null | head -n1 || true)
    if [ -z "$x64_bin" ]; then
      OUT="$out" TAR=0 "$repo/packaging/publish.sh" linux-x64 >/dev/null
      x64_bin=$(ls -d "$out"/linux-x64/faithcoin-*-linux-x64/bin | head -n1)
    fi
    ref_dir="$work/reference"
    mkdir -p "$ref_dir"
    ref_port=$(free_port)
    "$x64_bin/faithcoind" -regtest -datadir="$ref_dir" -rpcport="$ref_port" -port="$(free_port)" -bind=127.0.0.1 \
      -loadblock="$work/bootstrap.dat" >"$work/reference.log" 2>&1 &
    ref_pid=$!
    ref_url="http://127.0.0.1:$ref_port/"
    wait_for_rpc "$ref_url" "@$ref_dir/regtest/.cookie" 60 "$ref_pid" || die "the native reference node did not start"
    ref_auth=$(cat "$ref_dir/regtest/.cookie")
    deadline=$(( $(date +%s) + 300 ))
    while [ "$(rpc_result "$(rpc_call "$ref_url" "$ref_auth" getblockcount)")" -lt "$loadblock_height" ]; do
      [ "$(date +%s)" -lt "$deadline" ] || die "the native reference node did not reach height $loadblock_height"
      sleep 0.5
    done
    ref_hash=$(rpc_result "$(rpc_call "$ref_url" "$ref_auth" getblockhash "[$loadblock_height]")")
    kill -TERM "$ref_pid"
    wait "$ref_pid" || die "the native reference node did not exit 0"
    [ "$ref_hash" = "$arm_hash" ] || die "block $loadblock_height: arm64 has $arm_hash, native x86-64 has $ref_hash"
    log "native x86-64 node agrees: block $loadblock_height is $ref_hash"

    start_daemon_in() { "${qemu[@]}" "$bin/faithcoind" -regtest -datadir="$1" -printtoconsole -rpcport="$rpc_port" \
      -port="$p2p_port" -bind=127.0.0.1 >"$2" 2>&1 & daemon_pid=$!; daemon_log=$2; }
    start_daemon_in "$datadir" "$work/import-restart.log"
    wait_for_rpc "$url" "@$cookie" "$(( $(remaining) < 300 ? $(remaining) : 300 ))" "$daemon_pid" || die "no RPC after the import restart"
    auth=$(cat "$cookie")
    kept=$(rpc_result "$(rpc_call "$url" "$auth" getblockcount)")
    kept_hash=$(rpc_result "$(rpc_call "$url" "$auth" getblockhash "[$loadblock_height]")")
    [ "${kept:-0}" -ge "$loadblock_height" ] && [ "$kept_hash" = "$arm_hash" ] \
      || die "after a restart the arm64 node has height ${kept:-?} and block $loadblock_height ${kept_hash:-missing}"
    log "after SIGTERM and a restart the arm64 node still has the imported chain (height $kept)"
    stop_daemon 120
  fi
fi

log "arm64 under qemu: OK (start ${start_ms} ms, restart ${restart_ms} ms, mined ${mined}, submitblock-imported ${imported}, -loadblock-imported ${loadblock_height}, daemon RocksDB $([ "$daemon_uses_rocksdb" = 1 ] && echo used || echo 'not opened yet'); total $(( $(date +%s) - script_start )) s)"
