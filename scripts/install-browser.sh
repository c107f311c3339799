#!/usr/bin/env bash
# Install Debian's Chromium for the explorer's browser tests (tests/test_web.py) and screenshots.
# Run by `make test` and `make screenshots`. It never fails the run: without apt or root it prints a
# warning, and the browser tests skip themselves. Playwright's own browser download is never used.
set -u
CHROMIUM="${ANNALES_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
warn() { echo "install-browser: warning: $*; the browser tests will be skipped" >&2; exit 0; }
command -v apt-get >/dev/null 2>&1 || warn "apt-get not found, cannot install chromium"
[ "$(id -u)" = 0 ] || warn "not root, cannot install chromium (sudo apt-get install chromium)"
echo "install-browser: installing Debian's chromium for the browser tests ..."
export DEBIAN_FRONTEND=noninteractive
apt_opts=(-qq -o DPkg::Lock::Timeout=300)
log="$(mktemp)"
# a failed update may still leave usable package lists: try the install either way
timeout 600 apt-get "${apt_opts[@]}" update >"$log" 2>&1 || echo "install-browser: apt-get update failed, trying the install anyway" >&2
if ! timeout 900 apt-get "${apt_opts[@]}" install -y --no-install-recommends chromium fonts-dejavu-core >>"$log" 2>&1; then
    tail -5 "$log" >&2
    rm -f "$log"
    warn "apt-get install chromium failed"
fi
rm -f "$log"
[ -x "$CHROMIUM" ] || warn "chromium installed but $CHROMIUM is missing"
echo "install-browser: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed"
