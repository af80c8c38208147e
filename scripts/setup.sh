#!/usr/bin/env bash
# Installs what the build (and, with `test`, the tests) need; quick when all is there already.
#   scripts/setup.sh build   the wasm target, the wasm-bindgen CLI that Cargo.lock pins, npm packages
#   scripts/setup.sh test    the same plus Chromium, Firefox, their WebDriver servers and wasm-pack
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-build}

say() { printf 'setup: %s\n' "$*"; }
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
command -v node >/dev/null && command -v npm >/dev/null || apt_packages+=(nodejs npm)
if [ "$what" = test ]; then
  [ -x /usr/bin/chromium ] || apt_packages+=(chromium)
  [ -x /usr/bin/chromedriver ] || apt_packages+=(chromium-driver)
  command -v firefox >/dev/null || apt_packages+=(firefox-esr)
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  say "installing Debian packages: ${apt_packages[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must be exactly the wasm-bindgen version in Cargo.lock. No --locked: with it, resolution
# fails on these registries (see README, "Set-up notes").
pinned=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $pinned" ]; then
  say "installing wasm-bindgen-cli $pinned (takes a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$pinned" --force
fi

if [ "$what" = test ]; then
  command -v geckodriver >/dev/null || { say "installing geckodriver"; cargo install geckodriver --locked; }
  command -v wasm-pack >/dev/null || { say "installing wasm-pack"; cargo install wasm-pack --locked; }
fi

# npm ci only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
