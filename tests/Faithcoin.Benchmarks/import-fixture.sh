#!/usr/bin/env bash
# Imports the full fixture chain with the Release faithcoind (-loadblock), polls getblockcount until the tip, and
# reports wall time, blocks/s, peak RSS (VmHWM), RSS at rest after the import (REST_SECONDS, default 10, after the tip)
# and the tip's hash and chainwork against regtest-chain-ref.json.
# Usage: tests/Faithcoin.Benchmarks/import-fixture.sh [extra faithcoind options, e.g. -checkblockindex=0 -dbcache=4]
# Environment: BIN (a folder with a published faithcoind: skips the publish, so runs can go side by side), FIXTURE.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
fixture="${FIXTURE:-/work/shared/fixtures/regtest-chain-ref.dat.gz}"
expected_hash=76c5db708033919072e548279746df4dfce2123c75c43f892aff8b9e415e75f8
expected_work=0000000000000000000000000000000000000000000000000000000000002712
out="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$out"' EXIT

bin="${BIN:-$out/bin}"
[ -n "${BIN:-}" ] || dotnet publish "$root/src/Faithcoin.Node" -c Release -o "$bin" --nologo -v q >/dev/null
plain="$out/chain.dat"
gunzip -c "$fixture" > "$plain"   # the original reads plain files; measure the same work
port=$((20000 + RANDOM % 20000))
mkdir "$out/data"
start=$(date +%s.%N)
"$bin/faithcoind" -regtest -datadir="$out/data" -rpcport="$port" -rpcuser=u -rpcpassword=p -listen=0 \
  -loadblock="$plain" "$@" &
pid=$!
rpc() { curl -s --user u:p --data-binary "{\"method\":\"$1\",\"params\":${2:-[]},\"id\":1}" "http://127.0.0.1:$port/" || true; }
peak=0
while true; do
  kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  [ "${kb:-0}" -gt "$peak" ] && peak=$kb
  count=$(rpc getblockcount | sed -n 's/.*"result":\([0-9-]*\).*/\1/p')
  [ "${count:-0}" = "5000" ] && break
  kill -0 "$pid" || { echo "faithcoind exited"; exit 1; }
  sleep 0.1
done
end=$(date +%s.%N)
kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status"); [ "$kb" -gt "$peak" ] && peak=$kb
# CPU seconds (user + system) of the daemon: a figure that shared, loaded machines disturb less than wall time.
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
# At rest: the import done, caches as the import left them, the GC given time to settle.
sleep "${REST_SECONDS:-10}"
rest=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
info=$(rpc getblockchaininfo)
hash=$(echo "$info" | sed -n 's/.*"bestblockhash":"\([0-9a-f]*\)".*/\1/p')
work=$(echo "$info" | sed -n 's/.*"chainwork":"\([0-9a-f]*\)".*/\1/p')
rpc stop >/dev/null; wait "$pid" || true
secs=$(echo "$end - $start" | bc -l)
printf 'import (%s): %.1f s wall, %.0f blocks/s, %s s CPU, peak RSS %d MiB, RSS at rest %d MiB, load average %s\n' "$*" "$secs" "$(echo "5000 / $secs" | bc -l)" "$cpu" $((peak / 1024)) $((rest / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
echo "tip $hash chainwork $work"
[ "$hash" = "$expected_hash" ] && [ "$work" = "$expected_work" ] && echo "tip and chainwork match regtest-chain-ref.json" || { echo "MISMATCH"; exit 1; }
