#!/usr/bin/env bash
# The on-target stage of the test command (tools/test.sh): the device code on the real
# nanoFramework runtime.
#   1. builds every device project to .pe with the real class libraries and the real metadata
#      processor, from the compile lists the .nfproj files give Visual Studio (board image for
#      ESP32 and for STM32);
#   2. runs the on-target suite (tests/Charger.DeviceTests, assembly NFUnitTest) on the 32-bit
#      nanoCLR, whose 12-byte heap blocks match the boards; a test row that never reports counts
#      as failed;
#   3. runs the differential session (tests/Charger.Differential) on the 32-bit nanoCLR with the
#      board heap budget and on desktop .NET, and requires byte-identical transcripts.
# Each build, test row and comparison is one pass or one failure; the last line is
# "on-target: N passed, N failed". Exit code 0 only when nothing failed.
#
# The toolchain comes from NF_TOOLCHAIN, else ../shared/nanoframework-toolchain beside the
# repository. Without one the stage is skipped with a reason (a failure under CI=true).
set -u
cd "$(dirname "$0")/../.."
root=$(pwd)

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "on-target: FAILED: $*"; }

tc="${NF_TOOLCHAIN:-$root/../shared/nanoframework-toolchain}"
if [ ! -x "$tc/bin/nf-build-project.sh" ] || [ ! -x "$tc/bin/nanoclr32" ]; then
  echo "on-target: SKIPPED: no nanoFramework toolchain at $tc"
  echo "on-target: set NF_TOOLCHAIN to a nanoframework-toolchain folder (real class libraries, metadata"
  echo "on-target: processor, nanoCLR for Linux); it is built from public sources by its own"
  echo "on-target: rebuild/rebuild-toolchain.sh, and CI has one at ../shared/nanoframework-toolchain."
  if [ "${CI:-}" = "true" ]; then
    echo "on-target: CI must run this stage"
    echo "on-target: 0 passed, 1 failed"
    exit 1
  fi
  echo "on-target: 0 passed, 0 failed"
  exit 0
fi

# The 32-bit nanoCLR is a static i386 binary. Some x86-64 kernels run no 32-bit code (IA32
# emulation off: "Exec format error"); there the same binary runs under qemu-i386 user emulation
# (tools/install-deps.sh installs qemu-user-static when it is needed). Heap and behaviour are the
# binary's own; only the time figures grow. NF_CLR32 tells the scripts below which way it runs;
# NF_FORCE_QEMU=1 takes the emulated way on any kernel (to check it).
if [ "${NF_FORCE_QEMU:-}" != 1 ] && "$tc/bin/nanoclr32" 2>&1 </dev/null | grep -q "nanoFramework"; then
  export NF_CLR32=""
elif command -v qemu-i386-static >/dev/null 2>&1; then
  mkdir -p "${NF_OUT:-$root/out/nf}"
  export NF_CLR32="$(cd "${NF_OUT:-$root/out/nf}" && pwd)/../nanoclr32-qemu"
  printf '#!/bin/sh\nexec qemu-i386-static "%s" "$@"\n' "$tc/bin/nanoclr32" >"$NF_CLR32"
  chmod +x "$NF_CLR32"
  echo "on-target: nanoclr32 runs under qemu-i386-static (this kernel runs no 32-bit code, or NF_FORCE_QEMU=1); time figures are the emulator's"
else
  echo "on-target: nanoclr32 cannot run on this kernel and qemu-i386-static is missing (apt-get install qemu-user-static)"
  echo "on-target: 0 passed, 1 failed"
  exit 1
fi
clr32=(--32 ${NF_CLR32:+--clr "$NF_CLR32"})

out="${NF_OUT:-$root/out/nf}"
heap="${NF_SESSION_HEAP:-}"
rm -rf "$out"
mkdir -p "$out/esp32" "$out/stm32" "$out/tests" "$out/diff"
logs="$out/logs"
mkdir -p "$logs"

# 1. Build. Each project is built with its ProjectReferences, as the .nfproj defines them.
build() { # <project> <outdir> [msbuild args...]
  local proj=$1 dir=$2; shift 2
  local name
  name=$(basename "$proj" .nfproj)
  if "$tc/bin/nf-build-project.sh" "$proj" --out "$dir" "$@" >"$logs/build-$name-$(basename "$dir").log" 2>&1; then
    pass
    grep -E "^nf-build-project.sh: $name OK" "$logs/build-$name-$(basename "$dir").log" | sed 's/^nf-build-project.sh: /on-target: built /'
  else
    tail -30 "$logs/build-$name-$(basename "$dir").log"
    fail "build $proj $*"
  fi
}

echo "== on-target: build (real class libraries, metadata processor)"
for proj in $(find hal firmware -name '*.nfproj' | sort); do
  case "$proj" in
    */Charger.Device.nfproj) ;;
    *) build "$proj" "$out/lib" ;;
  esac
done
build firmware/Charger.Device/Charger.Device.nfproj "$out/esp32" -p:NfBoard=ESP32
build firmware/Charger.Device/Charger.Device.nfproj "$out/stm32" -p:NfBoard=STM32
build tests/Charger.DeviceTests/Charger.DeviceTests.nfproj "$out/tests"
build tests/Charger.DeviceTests.Features/Charger.DeviceTests.Features.nfproj "$out/features"
[ -f tests/Charger.Differential/Charger.Differential.nfproj ] && build tests/Charger.Differential/Charger.Differential.nfproj "$out/diff"

# The board image's size, assembly by assembly (README, "On the real runtime").
if [ -f "$out/esp32/Charger.Device.pe" ]; then
  total=0
  for pe in "$out"/esp32/*.pe; do
    size=$(stat -c %s "$pe"); total=$((total + size))
    printf 'on-target: pe %-22s %7d bytes\n' "$(basename "$pe" .pe)" "$size"
  done
  printf 'on-target: pe %-22s %7d bytes (ESP32 board image, application assemblies)\n' "total" "$total"
fi

# 2. The on-target suites on the 32-bit nanoCLR: the core suite and the feature suite (crypto,
#    certificates, TLS, security log, OTA, smart charging, firmware update) are two assemblies,
#    since one NFUnitTest holding both overflowed the metadata processor's string table.
suite() { # <label> <folder with NFUnitTest.pe> <test sources>
  local label=$1 dir=$2 src=$3 log="$logs/tests-$1.log"
  echo "== on-target: $label tests (NFUnitTest on nanoclr32)"
  if [ ! -f "$dir/NFUnitTest.pe" ]; then
    fail "no NFUnitTest.pe to run for the $label suite"
    return
  fi
  "$tc/bin/nf-test.sh" "${clr32[@]}" --timeout 900 "$dir/NFUnitTest.pe" >"$log" 2>&1
  python3 tools/ontarget/expected-tests.py "$src" | sort -u >"$logs/expected-$label.txt"
  grep -E "^Test (passed|failed|skipped)," "$log" >"$logs/results-$label.txt"
  tp=$(grep -c "^Test passed," "$logs/results-$label.txt")
  tf=$(grep -c "^Test failed," "$logs/results-$label.txt")
  grep "^Test failed," "$logs/results-$label.txt" | head -40 | sed 's/^/on-target: /'
  # Rows the sources declare that the launcher never reported.
  cut -d, -f2 "$logs/results-$label.txt" | sort -u >"$logs/reported-$label.txt"
  missing=$(comm -23 "$logs/expected-$label.txt" "$logs/reported-$label.txt" | wc -l)
  comm -23 "$logs/expected-$label.txt" "$logs/reported-$label.txt" | head -20 | sed 's/^/on-target: never reported: /'
  if ! grep -qE "^[0-9]+ passed, [0-9]+ failed" "$log"; then
    tail -20 "$log"
    fail "the $label launcher did not finish"
  fi
  passed=$((passed + tp)); failed=$((failed + tf + missing))
  echo "on-target: $label tests $tp passed, $tf failed, $missing never reported (of $(wc -l <"$logs/expected-$label.txt") declared)"
}
suite core "$out/tests" tests/Charger.DeviceTests
suite features "$out/features" tests/Charger.DeviceTests.Features

# 3. The differential session: nanoCLR against desktop .NET.
if [ -f tests/Charger.Differential/Charger.Differential.nfproj ]; then
  echo "== on-target: differential session (nanoclr32 vs desktop .NET)"
  bash tools/ontarget/differential.sh "$tc" "$out/diff" "$logs" ${heap:+--heap "$heap"}
  rc=$?
  if [ "$rc" -eq 0 ]; then pass; else fail "differential session"; fi
fi

# 4. The A/B boot proof (issue 14): a bundle of real .pe files installed into a slot, checked,
#    loaded with Assembly.Load and started through the contract; a throwing image rolled back.
if [ -f tools/ontarget/ota-proof.sh ]; then
  echo "== on-target: OTA boot proof (Assembly.Load from a slot, nanoclr32)"
  if bash tools/ontarget/ota-proof.sh "$tc" "$out/ota" "$logs"; then pass; else fail "ota boot proof"; fi
fi

echo "on-target: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
