#!/usr/bin/env bash
# One-command setup on Debian/Ubuntu: the servers the tests use (Dovecot, PostgreSQL, openssl)
# and a virtualenv .venv with mailbot and its test tools. Safe to re-run.
# Needs root for apt (run as root or with sudo); skips apt when everything is there.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DEBIAN_FRONTEND=noninteractive
PYTHON=${PYTHON:-python3}

step() { printf '\n==> %s\n' "$*"; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
have_initdb() {
    command -v initdb >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

step "System packages (Dovecot, PostgreSQL, openssl, Chromium for the tests)"
missing=()
installed dovecot-imapd || missing+=(dovecot-imapd)
{ have_initdb && getent passwd postgres >/dev/null; } || missing+=(postgresql)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# tests/test_digest.py opens the digest preview in headless Chromium (fonts: DejaVu, pulled in
# through fontconfig, is enough to read it).
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
"$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
    # The tests start private instances on free loopback ports; the system services are not
    # needed (and a system Dovecot on 143/993 would not clash anyway).
    for service in dovecot postgresql; do
        if command -v systemctl >/dev/null 2>&1; then
            as_root systemctl disable --now "$service" >/dev/null 2>&1 || true
        fi
        as_root service "$service" stop >/dev/null 2>&1 || true
    done
else
    echo "dovecot, postgresql, openssl, chromium and python venv already installed"
fi

step "Virtualenv .venv with mailbot[test]"
if [[ ! -x .venv/bin/python ]]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
.venv/bin/mailbot --help >/dev/null
echo "ready: .venv/bin/mailbot demo   |   .venv/bin/python -m pytest"
