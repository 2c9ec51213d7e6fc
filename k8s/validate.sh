#!/usr/bin/env bash
# Offline check of the Kubernetes manifests: `kubectl kustomize` renders every kustomization under
# k8s/, and every rendered object is validated against the Kubernetes schemas (npm package
# kubernetes-models, with js-yaml), installed on first use into k8s/validate/node_modules from the
# committed package-lock.json. No cluster is needed.
#
#   k8s/validate.sh [OUT_DIR]      # rendered YAML and JSON land in OUT_DIR (default k8s/validate/out)
#
# Exit status: 0 valid, 1 invalid or a render failed, 3 a tool is missing (printed as SKIPPED).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/validate/out}

for tool in kubectl node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIPPED: $tool is not installed; k8s/validate.sh needs kubectl (kustomize), node and npm" >&2
    exit 3
  fi
done

# Dependencies: npm ci from the lock file, again only when the lock file changes.
modules="$here/validate/node_modules"
stamp="$modules/.faithcoin-lock.sha256"
lock_sum=$(sha256sum "$here/validate/package-lock.json" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  (cd "$here/validate" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_sum" >"$stamp"
fi

rm -rf "$out"
mkdir -p "$out/yaml" "$out/json"
status=0
rendered=()
while IFS= read -r kustomization; do
  dir=$(dirname "$kustomization")
  rel=${dir#"$here"/}
  name=${rel//\//-}
  if kubectl kustomize "$dir" >"$out/yaml/$name.yaml" 2>"$out/yaml/$name.err"; then
    rendered+=("$out/yaml/$name.yaml")
    rm -f "$out/yaml/$name.err"
  else
    echo "kubectl kustomize $rel failed:" >&2
    cat "$out/yaml/$name.err" >&2
    status=1
  fi
done < <(find "$here" -name kustomization.yaml -not -path '*/node_modules/*' -not -path "$out/*" | sort)

if [ "${#rendered[@]}" -gt 0 ]; then
  node "$here/validate/validate.mjs" --json-out "$out/json" "${rendered[@]}" || status=1
fi
exit "$status"
