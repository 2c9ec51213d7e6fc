#!/usr/bin/env bash
# Restart timing on the imported fixture chain (issue #3: "the P2P and RPC ports accept within 0.5 s").
# Imports regtest-chain-ref.dat.gz once (-loadblock), stops the node, then restarts it RESTARTS times and reports,
# from exec: the P2P port accepting a TCP connection, the RPC port accepting one, and getblockcount answered (the
# warm-up over, the chain loaded), each also as the CPU time the process had used by then (user + system, all
# threads), which a loaded machine disturbs far less than wall time. Each restart is stopped cleanly with SIGTERM.
# Medians, min and max per build, with the load average (noisy on shared machines: compare runs at similar load).
#
# Usage: tests/Faithcoin.Benchmarks/restart-fixture.sh [fd] [r2r]   (default: fd; r2r = self-contained ReadyToRun,
#        built as packaging/publish.sh does). Environment: RESTARTS (5), FIXTURE, KEEP (1: leave the temp folder).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
fixture="${FIXTURE:-/work/shared/fixtures/regtest-chain-ref.dat.gz}"
restarts="${RESTARTS:-5}"
builds=("$@"); [ ${#builds[@]} -gt 0 ] || builds=(fd)
out="$(mktemp -d)"
trap '[ "${KEEP:-0}" = 1 ] || rm -rf "$out"' EXIT
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"

publish() {
  case "$1" in
    fd) dotnet publish "$root/src/Faithcoin.Node" -c Release -o "$out/fd" --nologo -v q >/dev/null ;;
    r2r) dotnet publish "$root/src/Faithcoin.Node" -c Release -r "$rid" --self-contained true -p:PublishReadyToRun=true \
           -o "$out/r2r" --nologo -v q >/dev/null ;;
    *) echo "unknown build '$1' (fd, r2r)" >&2; exit 1 ;;
  esac
}

# Starts faithcoind, polls both ports every 2 ms and getblockcount every 10 ms, prints
# "p2p_ms rpc_ms ready_ms p2p_cpu_ms rpc_cpu_ms", then stops the node with SIGTERM and waits for it.
probe() {
  python3 - "$@" <<'PY'
import base64, json, os, socket, subprocess, sys, time, urllib.request
p2p_port, rpc_port, argv = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
hz = os.sysconf("SC_CLK_TCK")
t0 = time.monotonic()
proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def cpu_ms():
    fields = open(f"/proc/{proc.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 // hz
def accepts(port):
    s = socket.socket(); s.settimeout(1)
    try:
        s.connect(("127.0.0.1", port)); return True
    except OSError:
        return False
    finally:
        s.close()
auth = "Basic " + base64.b64encode(b"u:p").decode()
def answers():
    req = urllib.request.Request(f"http://127.0.0.1:{rpc_port}/", data=b'{"method":"getblockcount","id":1}', headers={"Authorization": auth})
    try:
        with urllib.request.urlopen(req, timeout=2) as r:
            return json.load(r).get("result") == 5000
    except Exception:
        return False
p2p = rpc = ready = p2p_cpu = rpc_cpu = None
last_rpc_try = 0.0
while p2p is None or rpc is None or ready is None:
    if proc.poll() is not None:
        sys.exit(f"faithcoind exited with {proc.returncode}")
    now = time.monotonic() - t0
    if now > 60:
        proc.terminate(); sys.exit("not ready within 60 s")
    if p2p is None and accepts(p2p_port): p2p, p2p_cpu = time.monotonic() - t0, cpu_ms()
    if rpc is None and accepts(rpc_port): rpc, rpc_cpu = time.monotonic() - t0, cpu_ms()
    if rpc is not None and ready is None and now - last_rpc_try >= 0.01:
        last_rpc_try = now
        if answers(): ready = time.monotonic() - t0
    time.sleep(0.002)
print(f"{p2p*1000:.0f} {rpc*1000:.0f} {ready*1000:.0f} {p2p_cpu} {rpc_cpu}")
proc.terminate(); proc.wait(30)
PY
}

stats() { sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "median %.0f ms (min %d, max %d)", m, a[1], a[NR]}'; }

gunzip -c "$fixture" > "$out/chain.dat"
for build in "${builds[@]}"; do
  publish "$build"
  bin="$out/$build/faithcoind"
  data="$out/data-$build"; mkdir "$data"
  rpc_port=$((20000 + RANDOM % 20000)); p2p_port=$((rpc_port + 1))
  args=(-regtest -datadir="$data" -rpcport="$rpc_port" -port="$p2p_port" -bind=127.0.0.1 -rpcuser=u -rpcpassword=p)
  "$bin" "${args[@]}" -loadblock="$out/chain.dat" -logtimemicros >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s --user u:p --data-binary '{"method":"getblockcount","id":1}' "http://127.0.0.1:$rpc_port/" | sed -n 's/.*"result":\([0-9-]*\).*/\1/p')" = 5000 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "import failed" >&2; exit 1; }
    sleep 0.2
  done
  kill -TERM "$pid"; wait "$pid" || true
  : > "$out/times-$build"
  for i in $(seq 1 "$restarts"); do
    line="$(probe "$p2p_port" "$rpc_port" "$bin" "${args[@]}" -logtimemicros)"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    echo "$build restart $i: P2P accept / RPC accept / getblockcount answered / CPU at P2P / CPU at RPC: $line ms (load $load)"
    echo "$line $load" >> "$out/times-$build"
  done
  t="$out/times-$build"
  echo "$build: P2P accept $(cut -d' ' -f1 "$t" | stats); RPC accept $(cut -d' ' -f2 "$t" | stats); getblockcount $(cut -d' ' -f3 "$t" | stats)"
  echo "$build: CPU used by P2P accept $(cut -d' ' -f4 "$t" | stats); by RPC accept $(cut -d' ' -f5 "$t" | stats); load $(cut -d' ' -f6 "$t" | sort -n | tr '\n' ' ')"
done
