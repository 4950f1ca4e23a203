#!/usr/bin/env bash
# Make this machine able to run the project: Debian packages when missing, then .venv with the project.
# Idempotent: a second run only checks. Used by `make demo`, `make test` and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v tesseract >/dev/null 2>&1 || need_apt+=(tesseract-ocr tesseract-ocr-eng)
if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx osd; then
  need_apt+=(tesseract-ocr-osd)
fi
# chromium drives the review page's browser tests (Playwright with executable_path; never `playwright install`).
# ENDORSE_NO_CHROMIUM=1 skips it (about 410 MB); those tests then skip with the reason.
if [[ ${ENDORSE_NO_CHROMIUM:-0} != 1 ]] && ! command -v chromium >/dev/null 2>&1; then
  need_apt+=(chromium)
fi
if ((${#need_apt[@]})); then
  if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null; then
    echo "setup: need Debian packages ${need_apt[*]}; run as root or install them first" >&2
    exit 1
  fi
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  echo "setup: installing ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv"
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [[ ! -f $stamp ]]; then
  echo "setup: installing Python packages into .venv (about a minute the first time)"
  .venv/bin/pip install -q --disable-pip-version-check -e '.[dev]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi
