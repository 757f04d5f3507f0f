#!/usr/bin/env bash
# On-target proof of the A/B boot side (issue 14), run by tools/ontarget/run.sh:
#   builds the tiny application tests/Charger.OtaProof/App to a REAL .pe with the toolchain,
#   packs it with tools/BundleTool into two bundles (one that starts and confirms, one that throws),
#   embeds them into tests/Charger.OtaProof/Proof and runs that on the 32-bit nanoCLR: install into a
#   slot, check, Assembly.Load, start through IFirmwareApplication, roll back the throwing image,
#   refuse a tampered bundle, and time SHA-256 over a 250 KB bundle.
# usage: ota-proof.sh <toolchain> <out dir> <logs dir>; exit 0 when every check passed.
set -u
tc=$1 out=$2 logs=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rm -rf "$out"
mkdir -p "$out/lib" "$out/app" "$out/bundle/in" "$out/proof" "$logs"
log="$logs/ota-proof.log"
: >"$log"
step() { echo "ota-proof: $*" >>"$log"; }
die() { echo "on-target: ota-proof: $*"; tail -20 "$log" | sed 's/^/on-target:   /'; exit 1; }

# The libraries deployed with the boot assembly (and the simulated flash the host runtime needs).
for proj in hal/Charger.Hal.Sim/Charger.Hal.Sim.nfproj firmware/Charger.Ota/Charger.Ota.nfproj; do
  "$tc/bin/nf-build-project.sh" "$proj" --out "$out/lib" >>"$log" 2>&1 || die "build $proj"
done
"$tc/bin/nf-build-project.sh" tests/Charger.OtaProof/App/Charger.OtaProof.App.nfproj --out "$out/app" >>"$log" 2>&1 \
  || die "build the proof application"
# Two assemblies: the application and a library it references (the pack orders the library first).
cp "$out/app/Charger.OtaProof.App.pe" "$out/app/Charger.OtaProof.Lib.pe" "$out/bundle/in/"

dotnet build tools/BundleTool/BundleTool.csproj -v:q -nologo -o "$out/tool" >>"$log" 2>&1 || die "build tools/BundleTool"
tool() { dotnet "$out/tool/BundleTool.dll" "$@" >>"$log" 2>&1; }
tool pack "$out/bundle/in" --version 9.8.7-proof --board ESP32 --entry Charger.OtaProof.App.ProofApplication \
  -o "$out/bundle/good.cfwb" || die "pack the good bundle"
tool pack "$out/bundle/in" --version 6.6.6-broken --board ESP32 --entry Charger.OtaProof.App.ThrowingApplication \
  -o "$out/bundle/throwing.cfwb" || die "pack the throwing bundle"
tool inspect "$out/bundle/good.cfwb" --board ESP32 --boot-version 1 || die "inspect the good bundle"

# nanoCLR on POSIX has no file system: the bundles travel inside the proof program.
{
  echo "namespace Charger.OtaProof"
  echo "{"
  echo "    internal static class BundleData"
  echo "    {"
  echo "        public const string GoodBase64 = \"$(base64 -w0 "$out/bundle/good.cfwb")\";"
  echo "        public const string ThrowingBase64 = \"$(base64 -w0 "$out/bundle/throwing.cfwb")\";"
  echo "    }"
  echo "}"
} >"$out/proof/BundleData.cs"
"$tc/bin/nf-compile.sh" --out "$out/proof" --name Charger.OtaProof --target exe --ref-dir "$out/lib" \
  --ref Charger.Hal --ref Charger.Hal.Sim --ref Charger.Crypto --ref Charger.Ota --ref nanoFramework.System.Collections \
  tests/Charger.OtaProof/Proof/Program.cs "$out/proof/BundleData.cs" >>"$log" 2>&1 || die "compile the proof program"

step "running on nanoclr32"
"$tc/bin/nf-run.sh" --32 ${NF_CLR32:+--clr "$NF_CLR32"} --heap 2M --timeout 600 --lib "$out/lib" "$out/proof/Charger.OtaProof.pe" >>"$log" 2>&1
grep "^ota-proof: \(PASS\|FAIL\|measure\|app started\|complete\)" "$log" | sed 's/^/on-target: /'
grep -q "^ota-proof: app started: version 9.8.7-proof from slot A on trial" "$log" || die "the application loaded from the slot never started"
grep -qE "^ota-proof: complete, [1-9][0-9]* passed, 0 failed" "$log" || die "the proof did not complete without failures"
exit 0
