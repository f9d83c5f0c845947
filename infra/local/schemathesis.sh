#!/usr/bin/env bash
# Schemathesis, the OpenAPI fuzzer of the test suite (apps/e2e/test/openapi-fuzzing.int-spec.ts), from PyPI.
#   infra/local/schemathesis.sh install|path
# Installed into its own virtualenv under .local/schemathesis/<version>, with every Python dependency pinned
# (infra/local/schemathesis-requirements.txt) so that a seeded run generates the same requests everywhere.
# `path` installs when needed and prints the `st` executable.
set -euo pipefail

# shellcheck source=infra/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=schemathesis
REQUIREMENTS="$JIANFU_LOCAL_DIR/schemathesis-requirements.txt"
VERSION="$(sed -n 's/^schemathesis==//p' "$REQUIREMENTS")"
VENV="$REPO/.local/schemathesis/$VERSION"
ST="$VENV/bin/st"
# Written last, and compared with the requirements: a half-done or outdated install is redone.
STAMP="$VENV/.requirements"

ensure_venv_module() {
  python3 -m venv --help >/dev/null 2>&1 && python3 -c 'import ensurepip' 2>/dev/null && return 0
  [[ $EUID -eq 0 ]] || die "$NAME: python3 with the venv module is required (Debian: the python3-venv package)"
  log_info "$NAME: installing Debian's python3-venv package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
}

cmd_install() {
  if [[ -x "$ST" ]] && cmp -s "$REQUIREMENTS" "$STAMP"; then
    return 0
  fi
  command -v python3 >/dev/null 2>&1 || die "$NAME: python3 is required to install Schemathesis"
  ensure_venv_module
  log_info "$NAME: installing schemathesis==$VERSION from PyPI into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV" || die "$NAME: could not create a virtualenv in $VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-cache-dir \
    --require-virtualenv -r "$REQUIREMENTS" >&2 || {
    rm -rf "$VENV"
    die "$NAME: pip could not install $REQUIREMENTS"
  }
  "$ST" --version >/dev/null || die "$NAME: $ST does not run"
  cp "$REQUIREMENTS" "$STAMP"
  log_info "$NAME: $("$ST" --version)"
}

case "${1:-}" in
  install) cmd_install ;;
  path)
    cmd_install >&2
    printf '%s\n' "$ST"
    ;;
  *)
    echo "usage: $0 install|path" >&2
    exit 2
    ;;
esac
