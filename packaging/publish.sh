#!/usr/bin/env bash
# Publishes faithcoind and faithcoin-cli self-contained for Linux and packs one tarball per runtime
# identifier.
#
#   packaging/publish.sh                       # linux-arm64 and linux-x64
#   packaging/publish.sh linux-arm64           # one target
#   OUT=/tmp/pkg READY_TO_RUN=0 packaging/publish.sh linux-x64
#
# Result, per RID, in $OUT (default packaging/out):
#   <rid>/faithcoin-<version>-<rid>/bin/       faithcoind, faithcoin-cli, the .NET runtime, librocksdb.so and
#                                              libsecp256k1.so for <rid>
#   <rid>/faithcoin-<version>-<rid>/share/     faithcoin.conf (documented defaults), faithcoind.service
#   faithcoin-<version>-<rid>.tar.gz
#
# Why this shape:
# - Self-contained: a Pi or a chiseled container needs no .NET installed, only glibc >= 2.34 (the
#   RocksDB native library's floor: Debian 12 / Raspberry Pi OS Bookworm, Ubuntu 22.04 or newer).
# - JIT, not Native AOT: the RocksDB binding emits code at run time, which Native AOT cannot do.
# - ReadyToRun (READY_TO_RUN=1, the default) precompiles the assemblies, which shortens start-up most
#   where the JIT is slowest (a Pi, qemu); the JIT still tiers hot code up afterwards.
# - Only the glibc build of librocksdb is kept: the package also ships a musl build and a jemalloc
#   build (the latter needs libjemalloc.so.2 on the host). Set KEEP_ALL_ROCKSDB=1 to keep them.
#
# Environment: CONFIGURATION (Release), OUT, READY_TO_RUN (1), KEEP_ALL_ROCKSDB (0), TAR (1: make the
# .tar.gz; 0: folder only), VERSION (read from ClientVersion.cs).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

configuration=${CONFIGURATION:-Release}
out=${OUT:-$repo/packaging/out}
ready_to_run=${READY_TO_RUN:-1}
keep_all_rocksdb=${KEEP_ALL_ROCKSDB:-0}
make_tar=${TAR:-1}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "$#" -gt 0 ]; then
  rids=("$@")
else
  rids=(linux-arm64 linux-x64)
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "publish.sh: the .NET 10 SDK (dotnet) is required" >&2
  exit 1
fi

version=${VERSION:-$(sed -n 's/.*FullVersion = "v\([^"]*\)".*/\1/p' src/Faithcoin.Node/ClientVersion.cs | head -n1)}
version=${version:-dev}

# The daemon and its client travel together, published into one folder: both are self-contained on the
# same runtime, so they share its files.
projects=(src/Faithcoin.Node/Faithcoin.Node.csproj src/Faithcoin.Cli/Faithcoin.Cli.csproj)

for rid in "${rids[@]}"; do
  case "$rid" in
    linux-x64 | linux-arm64) ;;
    linux-arm)
      echo "publish.sh: linux-arm (32-bit) has no .NET runtime pack or RocksDB native library here; use a 64-bit OS" >&2
      exit 1 ;;
    *) echo "publish.sh: unsupported runtime identifier '$rid' (linux-x64, linux-arm64)" >&2; exit 1 ;;
  esac

  name="faithcoin-$version-$rid"
  stage="$out/$rid/$name"
  rm -rf "$stage"
  mkdir -p "$stage/bin" "$stage/share"

  for project in "${projects[@]}"; do
    echo "publish.sh: $project -> $stage/bin ($rid, $configuration, ReadyToRun=$ready_to_run)"
    dotnet publish "$project" -c "$configuration" -r "$rid" --self-contained true \
      -p:PublishReadyToRun="$([ "$ready_to_run" = 1 ] && echo true || echo false)" \
      -o "$stage/bin" -v:q -nologo
  done

  if [ "$keep_all_rocksdb" != 1 ]; then
    rm -f "$stage/bin/librocksdb-musl.so" "$stage/bin/librocksdb-jemalloc.so"
  fi
  if [ ! -f "$stage/bin/librocksdb.so" ]; then
    echo "publish.sh: librocksdb.so for $rid is missing from the publish output" >&2
    exit 1
  fi
  # Without it the node still validates, but every signature goes through NBitcoin's slower interpreter.
  if [ ! -f "$stage/bin/libsecp256k1.so" ]; then
    echo "publish.sh: libsecp256k1.so for $rid (Secp256k1.Net package) is missing from the publish output" >&2
    exit 1
  fi

  cp faithcoin.conf "$stage/share/faithcoin.conf"
  cp packaging/faithcoind.service "$stage/share/faithcoind.service"

  if [ "$make_tar" = 1 ]; then
    # Owner-neutral, sorted and dated by the last commit, so the same tree packs to the same bytes.
    mtime=$(git -C "$repo" log -1 --format=%cI 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)
    tar -C "$out/$rid" --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" \
      -cf - "$name" | gzip -n -6 > "$out/$name.tar.gz"
    echo "publish.sh: $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1); unpacked $(du -sh "$stage" | cut -f1))"
  else
    echo "publish.sh: $stage ($(du -sh "$stage" | cut -f1))"
  fi
done
