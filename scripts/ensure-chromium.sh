#!/usr/bin/env bash
# Ensure headless Chromium and its WebDriver are installed (Debian packages
# `chromium` and `chromium-driver`), for the browser tests in
# src/test/java/org/broadsheet/web/*BrowserTest.java (BrowserHarness).
#
# Idempotent: does nothing when /usr/bin/chromium and /usr/bin/chromedriver
# already exist. Otherwise runs `apt-get update` and a non-interactive
# `apt-get install` (needs root, or sudo without a password).
set -euo pipefail

have() { [ -x "$1" ]; }

if have /usr/bin/chromium && have /usr/bin/chromedriver; then
  echo "ensure-chromium: chromium and chromedriver already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "ensure-chromium: not root and no passwordless sudo; cannot install chromium" >&2
    echo "ensure-chromium: the browser tests will be skipped" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure-chromium: installing chromium and chromium-driver with apt-get"
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-dejavu-core

if have /usr/bin/chromium && have /usr/bin/chromedriver; then
  echo "ensure-chromium: installed: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
else
  echo "ensure-chromium: install finished but /usr/bin/chromium or /usr/bin/chromedriver is missing" >&2
  exit 1
fi
