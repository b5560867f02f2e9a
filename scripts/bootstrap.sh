#!/usr/bin/env bash
# Prepare a machine to run Tongban: Debian packages, the virtualenv and the Python install.
#
# Usage: scripts/bootstrap.sh [--test] [--bench]
#   --test   also install the [test] extra and Debian's chromium (browser journeys)
#   --bench  also install wrk (HTTP load generator for bench/)
#
# Re-runs are fast: apt is skipped when dpkg already has every package, and pip runs only when
# pyproject.toml changed since the last install (a stamp with its hash lives in .venv/).
set -euo pipefail

cd "$(dirname "$0")/.."

WANT_TEST=0
WANT_BENCH=0
for arg in "$@"; do
  case "$arg" in
    --test) WANT_TEST=1 ;;
    --bench) WANT_BENCH=1 ;;
    *) echo "bootstrap: unknown option $arg" >&2; exit 2 ;;
  esac
done

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

# --- Debian packages ----------------------------------------------------------------------------------------
# Runtime: CJK TrueType fonts and the pango/harfbuzz libraries WeasyPrint needs; gettext for translations.
DEBS=(fonts-wqy-microhei fonts-arphic-uming libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 gettext)
# Tests: chromium for the browser journeys, poppler-utils (pdftotext) to read the Chinese text back out of PDFs,
# faketime (libfaketime) for `make test-far-date`, which runs the suite with the clock at another date,
# libnss3-tools (certutil) for the NSS database against which pdfsig checks signed PDFs (docs/signing.md).
[[ $WANT_TEST == 1 ]] && DEBS+=(chromium poppler-utils faketime libnss3-tools)
[[ $WANT_BENCH == 1 ]] && DEBS+=(wrk)
# `python3 -m venv` needs ensurepip, which Debian ships separately in python3-venv.
if [[ ! -x "$VENV/bin/python" ]] && ! "$PYTHON" -c "import ensurepip" >/dev/null 2>&1; then
  DEBS+=(python3-venv)
fi

missing=()
for pkg in "${DEBS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bootstrap: these Debian packages are missing; install them with:" >&2
    echo "    sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    echo "bootstrap: continuing without them (PDFs, browser tests or benches may not work)." >&2
  fi
fi

# --- Python -------------------------------------------------------------------------------------------------
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "bootstrap: Tongban needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
  echo "bootstrap: set PYTHON=/path/to/python3.11 and run again." >&2
  exit 1
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  say "Creating virtualenv $VENV"
  "$PYTHON" -m venv "$VENV"
fi

# The stamp records the hash of pyproject.toml and which extras were installed with it.
STAMP="$VENV/.tongban-install"
HASH="$(sha256sum pyproject.toml | cut -d' ' -f1)"
EXTRAS="runtime"
[[ $WANT_TEST == 1 ]] && EXTRAS="test"

stamp_hash=""
stamp_extras=""
[[ -f "$STAMP" ]] && { read -r stamp_hash stamp_extras <"$STAMP" || true; }
# Once the test extra is in the venv, keep it current too rather than leave stale test tools behind.
[[ "$stamp_extras" == "test" ]] && EXTRAS="test"

need_install=1
if [[ "$stamp_hash" == "$HASH" ]] && [[ "$EXTRAS" == "runtime" || "$stamp_extras" == "test" ]]; then
  need_install=0
fi

if ((need_install)); then
  target="."
  [[ $EXTRAS == "test" ]] && target=".[test]"
  say "Installing Tongban into $VENV (pip install -e '$target')"
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q --upgrade pip
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q -e "$target"
  echo "$HASH $EXTRAS" >"$STAMP"
else
  say "Python packages up to date ($VENV, pyproject.toml unchanged)"
fi
