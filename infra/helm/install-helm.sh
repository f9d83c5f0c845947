#!/usr/bin/env bash
# Installs Helm 4 into .local/helm/bin/helm by building the Go module helm.sh/helm/v4/cmd/helm with this machine's
# Go toolchain from the Go module proxy (no prebuilt binary is downloaded). A second call finds it and returns.
#   bash infra/helm/install-helm.sh        prints the path of the helm binary
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HELM_VERSION="${JIANFU_HELM_VERSION:-v4.3.2}"
PREFIX="$REPO/.local/helm"
BIN="$PREFIX/bin/helm"

if [[ -x "$BIN" ]] && "$BIN" version --short 2>/dev/null | grep -q "^${HELM_VERSION}"; then
  echo "$BIN"
  exit 0
fi
# Go's official tarball installs to /usr/local/go, whose bin a bare environment (cron, `env -i`) does not have on
# its PATH; look there before giving up.
if ! command -v go >/dev/null && [[ -x /usr/local/go/bin/go ]]; then
  PATH="/usr/local/go/bin:$PATH"
fi
command -v go >/dev/null || { echo "install-helm: Go is needed to build Helm (not on PATH nor in /usr/local/go/bin)" >&2; exit 1; }
mkdir -p "$PREFIX/bin"
echo "install-helm: building helm ${HELM_VERSION} from the Go module proxy (takes minutes on a small machine)" >&2
# Go's own module and build caches (outside the checkout) make the build of a fresh clone on the same machine quick.
export CGO_ENABLED=0
GOBIN="$PREFIX/bin" go install -ldflags "-s -w -X helm.sh/helm/v4/internal/version.version=${HELM_VERSION}" \
  "helm.sh/helm/v4/cmd/helm@${HELM_VERSION}" >&2
echo "$BIN"
