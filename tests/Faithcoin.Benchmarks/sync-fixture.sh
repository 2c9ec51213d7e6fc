#!/usr/bin/env bash
# P2P initial download of the full fixture chain: imports it once into a source node (Release faithcoind,
# -loadblock), copies that data folder for a second source, then syncs a fresh node from one source and from two,
# polling getblockcount until the tip. Reports blocks/s, peak RSS (VmHWM) of the syncing node and its tip, chain
# work and UTXO hash against regtest-chain-ref.json, with the two-source time as a ratio of the one-source time.
# Then the same over slow links: each source behind its own link-limiter.py relay (LINK_RATE bytes/s each way,
# default 1,000,000, about 53 of the fixture's ~19 KB blocks a second, and LINK_DELAY_MS one way, default 25), where
# one source's link, not the syncing node's validation, sets the pace and a second source should nearly halve the time.
# CASES="fast slow" (default) picks the loopback and/or the slow-link pair; SOURCE_DATADIR=dir starts the sources
# from copies of a data folder that already holds the fixture chain instead of importing it (saves the import's minute).
# Usage: [LINK_RATE=...] [LINK_DELAY_MS=...] [CASES=...] [SOURCE_DATADIR=...] tests/Faithcoin.Benchmarks/sync-fixture.sh [extra options for the syncing node]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
fixture="${FIXTURE:-/work/shared/fixtures/regtest-chain-ref.dat.gz}"
expected_hash=76c5db708033919072e548279746df4dfce2123c75c43f892aff8b9e415e75f8
expected_work=0000000000000000000000000000000000000000000000000000000000002712
expected_utxo=86258f6f129bb91c2a10cc4d39991536c2730cc94b2e5fcdcf9b19547ef051ea
out="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

dotnet publish "$root/src/Faithcoin.Node" -c Release -o "$out/bin" --nologo -v q >/dev/null
daemon="$out/bin/faithcoind"
base=$((20000 + RANDOM % 20000))

rpc() { curl -s --user u:p --data-binary "{\"method\":\"$2\",\"params\":${3:-[]},\"id\":1}" "http://127.0.0.1:$1/" || true; }
count() { rpc "$1" getblockcount | sed -n 's/.*"result":\([0-9-]*\).*/\1/p'; }
wait_rpc() { for _ in $(seq 600); do [ -n "$(count "$1")" ] && return 0; sleep 0.1; done; echo "no RPC on $1"; exit 1; }
start() { # name rpcport p2pport options... (sets pid)
  local name=$1 rpcport=$2 port=$3; shift 3
  mkdir -p "$out/$name"
  "$daemon" -regtest -datadir="$out/$name" -rpcport="$rpcport" -port="$port" -bind=127.0.0.1 -rpcuser=u -rpcpassword=p \
    -whitelist=127.0.0.1 -dnsseed=0 "$@" >/dev/null &
  pid=$!
  pids+=("$pid")
}
stop() { rpc "$1" stop >/dev/null; }
# CPU seconds (user + system) of a process: less disturbed than wall time on a shared machine.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }

# One imported chain, copied for the second source while the first is stopped.
if [ -n "${SOURCE_DATADIR:-}" ]; then
  cp -r "$SOURCE_DATADIR" "$out/source1"
else
  gunzip -c "$fixture" > "$out/chain.dat"
  start source1 $((base + 1)) $((base + 2)) -loadblock="$out/chain.dat" -checkblockindex=0
  wait_rpc $((base + 1))
  until [ "$(count $((base + 1)))" = "5000" ]; do sleep 0.5; done
  stop $((base + 1)); wait "$pid" || true
fi
cp -r "$out/source1" "$out/source2"
start source1 $((base + 1)) $((base + 2))
source1_pid=$pid
start source2 $((base + 3)) $((base + 4))
source2_pid=$pid
wait_rpc $((base + 1)); wait_rpc $((base + 3))

sync_from() { # label rpcport p2pport connect-options...
  local label=$1 rpcport=$2 port=$3; shift 3
  local start_ns peak=0 kb
  start_ns=$(date +%s%N)
  start "$label" "$rpcport" "$port" -listen=0 "$@" "${extra[@]}"
  while true; do
    kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${kb:-0}" -gt "$peak" ] && peak=$kb
    [ "$(count "$rpcport")" = "5000" ] && break
    kill -0 "$pid" || { echo "$label: faithcoind exited"; exit 1; }
    sleep 0.1
  done
  local secs; secs=$(echo "($(date +%s%N) - $start_ns) / 1000000000" | bc -l)
  kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status"); [ "$kb" -gt "$peak" ] && peak=$kb
  local cpu src_cpu src2_cpu
  cpu=$(cpu_seconds "$pid"); src_cpu=$(cpu_seconds "$source1_pid"); src2_cpu=$(cpu_seconds "$source2_pid")
  local info hash work utxo
  info=$(rpc "$rpcport" getblockchaininfo)
  hash=$(echo "$info" | sed -n 's/.*"bestblockhash":"\([0-9a-f]*\)".*/\1/p')
  work=$(echo "$info" | sed -n 's/.*"chainwork":"\([0-9a-f]*\)".*/\1/p')
  utxo=$(rpc "$rpcport" gettxoutsetinfo | sed -n 's/.*"hash_serialized_2":"\([0-9a-f]*\)".*/\1/p')
  stop "$rpcport"; wait "$pid" || true
  printf '%s: %.1f s, %.0f blocks/s, peak RSS %d MiB, CPU %s s (sources so far: %s s, %s s), load average %s\n' "$label" "$secs" "$(echo "5000 / $secs" | bc -l)" $((peak / 1024)) "$cpu" "$src_cpu" "$src2_cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  if [ "$hash" = "$expected_hash" ] && [ "$work" = "$expected_work" ] && [ "$utxo" = "$expected_utxo" ]; then
    echo "  tip, chainwork and hash_serialized_2 match regtest-chain-ref.json"
  else
    echo "  MISMATCH: $hash $work $utxo"; exit 1
  fi
  eval "${label//-/_}_secs=$secs"
}

extra=("$@")
cases=${CASES:-fast slow}
if [[ $cases == *fast* ]]; then
sync_from one-source $((base + 5)) $((base + 6)) -connect=127.0.0.1:$((base + 2))
sync_from two-sources $((base + 7)) $((base + 8)) -connect=127.0.0.1:$((base + 2)) -connect=127.0.0.1:$((base + 4))
printf 'two sources take %.2f of the one-source time\n' "$(echo "$two_sources_secs / $one_source_secs" | bc -l)"
fi
[[ $cases == *slow* ]] || exit 0

rate=${LINK_RATE:-1000000}
delay=${LINK_DELAY_MS:-25}
python3 "$root/tests/Faithcoin.Benchmarks/link-limiter.py" $((base + 9)) $((base + 2)) "$rate" "$delay" &
pids+=($!)
python3 "$root/tests/Faithcoin.Benchmarks/link-limiter.py" $((base + 10)) $((base + 4)) "$rate" "$delay" &
pids+=($!)
echo "each source behind a link of $rate bytes/s each way and $delay ms one-way delay:"
sync_from slow-one-source $((base + 11)) $((base + 12)) -connect=127.0.0.1:$((base + 9))
sync_from slow-two-sources $((base + 13)) $((base + 14)) -connect=127.0.0.1:$((base + 9)) -connect=127.0.0.1:$((base + 10))
printf 'over slow links two sources take %.2f of the one-source time\n' "$(echo "$slow_two_sources_secs / $slow_one_source_secs" | bc -l)"
