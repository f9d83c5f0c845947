#!/usr/bin/env bash
# The browser the console's tests drive (apps/console/test/*.browser-spec.ts): Debian's chromium, with a CJK
# font so that Chinese renders in the screenshots (Playwright's own browser download does not work here).
#   infra/local/browser.sh install|path
# `path` installs when needed and prints the chromium executable.
set -euo pipefail

# shellcheck source=infra/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=browser
CHROMIUM="${JIANFU_CHROMIUM:-/usr/bin/chromium}"

has_cjk_font() {
  command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh family 2>/dev/null | grep -q .
}

cmd_install() {
  if [[ -x "$CHROMIUM" ]] && has_cjk_font; then
    return 0
  fi
  [[ $EUID -eq 0 ]] || die "$NAME: chromium and a CJK font are required (Debian: apt-get install chromium fonts-noto-cjk)"
  log_info "$NAME: installing Debian's chromium and fonts-noto-cjk packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig >/dev/null
  [[ -x "$CHROMIUM" ]] || die "$NAME: $CHROMIUM is missing after the install"
}

case "${1:-}" in
  install) cmd_install ;;
  path)
    cmd_install >&2
    printf '%s\n' "$CHROMIUM"
    ;;
  *)
    echo "usage: $0 install|path" >&2
    exit 2
    ;;
esac
