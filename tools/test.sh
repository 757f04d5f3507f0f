#!/usr/bin/env bash
# The test command (README): bash tools/test.sh
# 1. installs the peers the interop tests need (tools/install-deps.sh)
# 2. builds the solution
# 3. runs the nanoFramework gate over every device project (tools/NfGate)
# 4. runs the on-target stage: device projects built with the real nanoFramework libraries, the
#    on-target suite and the differential session on nanoCLR (tools/ontarget/run.sh)
# 5. runs every xunit test project
# and ends with one line "N passed, N failed". Exit code 0 only when nothing failed.
set -u
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0
failed=0
logdir=$(mktemp -d)

bash tools/install-deps.sh

echo "== build"
if ! dotnet build ChargerFirmware.sln -nologo -v:q -clp:ErrorsOnly >"$logdir/build.log" 2>&1; then
  cat "$logdir/build.log"
  echo "build: FAILED"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== nanoFramework gate"
if [ -f tools/NfGate/NfGate.proj ]; then
  dotnet build tools/NfGate/NfGate.proj -nologo -v:m >"$logdir/gate.log" 2>&1
  gate_rc=$?
  # One line per device project: "NfGate: <project> PASSED|FAILED the nanoFramework 1.x gate ...",
  # with the NFxxxx/CSxxxx errors (file, line, rule) above a failure.
  grep -E "NfGate: |error" "$logdir/gate.log" | sed 's/^ *//' | sort -u
  gp=$(grep -E "NfGate: .* PASSED the" "$logdir/gate.log" | sort -u | wc -l)
  gf=$(grep -E "NfGate: .* FAILED the" "$logdir/gate.log" | sort -u | wc -l)
  if [ "$gate_rc" -ne 0 ] && [ "$gf" -eq 0 ]; then gf=1; fi
  passed=$((passed + gp)); failed=$((failed + gf))
  echo "gate: $gp passed, $gf failed"
else
  echo "gate: tools/NfGate/NfGate.proj missing"
  failed=$((failed + 1))
fi

echo "== on-target (real nanoFramework runtime)"
bash tools/ontarget/run.sh >"$logdir/ontarget.log" 2>&1
ot_rc=$?
grep -E "^(on-target|differential|==)" "$logdir/ontarget.log" | grep -v "^on-target: [0-9]* passed" 
op=$(grep -E "^on-target: [0-9]+ passed, [0-9]+ failed" "$logdir/ontarget.log" | tail -1 | sed 's/^on-target: \([0-9]*\) passed.*/\1/')
of=$(grep -E "^on-target: [0-9]+ passed, [0-9]+ failed" "$logdir/ontarget.log" | tail -1 | sed 's/.* passed, \([0-9]*\) failed.*/\1/')
if [ -z "$op" ]; then tail -30 "$logdir/ontarget.log"; op=0; of=1; fi
if [ "$ot_rc" -ne 0 ] && [ "${of:-0}" -eq 0 ]; then of=1; fi
echo "on-target: $op passed, $of failed"
passed=$((passed + op)); failed=$((failed + of))

echo "== tests"
# The in-suite fuzzer (tests/Charger.Sim.Tests/Hostile) appends its counts here; printed after the tests.
export CHARGER_FUZZ_REPORT="$logdir/fuzz.txt"
for proj in $(find tests -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort); do
  grep -q 'xunit.props' "$proj" || continue
  name=$(basename "$proj" .csproj)
  dotnet test "$proj" --no-build -nologo -v:q --logger "console;verbosity=normal" >"$logdir/$name.log" 2>&1
  rc=$?
  # The runner's summary: "Passed!  - Failed: 0, Passed: 41, ..." or, with the console logger,
  # a "Total tests:" block with "Passed: N" and "Failed: N" lines.
  line=$(grep -E "^(Passed|Failed)!|^Total tests:" "$logdir/$name.log" | tail -1)
  if echo "$line" | grep -q "^Total tests:"; then
    p=$(grep -E "^\s+Passed: [0-9]+" "$logdir/$name.log" | tail -1 | sed 's/[^0-9]//g')
    f=$(grep -E "^\s+Failed: [0-9]+" "$logdir/$name.log" | tail -1 | sed 's/[^0-9]//g')
    [ -z "$f" ] && f=0
  else
    p=$(echo "$line" | sed -n 's/.*Passed: *\([0-9]*\).*/\1/p')
    f=$(echo "$line" | sed -n 's/.*Failed: *\([0-9]*\),.*/\1/p')
  fi
  if [ -z "$line" ]; then
    # The runner crashed or found nothing: show why and count the project as one failure.
    tail -30 "$logdir/$name.log"
    p=0; f=1
  elif [ "$rc" -ne 0 ] || [ "${f:-0}" -ne 0 ]; then
    # Each failing test with its message and the top of its stack.
    grep -E -A12 "^\s+Failed [A-Za-z]" "$logdir/$name.log" | head -80
    [ "${f:-0}" -eq 0 ] && f=1
  fi
  echo "$name: ${p:-0} passed, ${f:-0} failed"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

if [ -f "$logdir/fuzz.txt" ]; then
  echo "== fuzzer"
  cat "$logdir/fuzz.txt"
fi

rm -rf "$logdir"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
