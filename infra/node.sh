#!/usr/bin/env bash
# Sourced by the project's entry scripts: puts a Node 24 on PATH.
# The machines ship an older Node, and the npm registry's `node` package carries real Node binaries,
# so a missing Node 24 is installed under .local/ from the registry rather than by hand.
JIANFU_NODE_VERSION="${JIANFU_NODE_VERSION:-24.21.0}"
_jianfu_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_jianfu_node_prefix="$_jianfu_repo/.local/node"

# A registry reached through a TLS-inspecting proxy presents a certificate signed by the machine's own CA, which
# Node's bundled store lacks: npm (and every Node process) also trusts the system's bundle, where Debian keeps the
# locally added CAs, unless the environment already names one.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi

_jianfu_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(_jianfu_node_major)" -lt 24 ]; then
  if [ ! -x "$_jianfu_node_prefix/node_modules/node/bin/node" ]; then
    echo "[node] installing Node $JIANFU_NODE_VERSION from the npm registry into .local/node" >&2
    mkdir -p "$_jianfu_node_prefix"
    npm install --prefix "$_jianfu_node_prefix" --no-save --no-package-lock --loglevel=error \
      "node@$JIANFU_NODE_VERSION" >&2
  fi
  export PATH="$_jianfu_node_prefix/node_modules/node/bin:$PATH"
fi
if [ "$(_jianfu_node_major)" -lt 24 ]; then
  echo "[node] Node 24 is required; found $(node --version 2>/dev/null || echo none)" >&2
  return 1 2>/dev/null || exit 1
fi
