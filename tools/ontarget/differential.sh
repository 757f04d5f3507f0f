#!/usr/bin/env bash
# The differential session (issue 11): tests/Charger.Differential runs one deterministic station
# session on nanoCLR (32-bit, the board heap budget) and on desktop .NET; the transcripts ("T|" lines:
# every OCPP frame both ways, every output change with its tick time, log lines, console output)
# must be byte-identical. On a difference it prints the first differing lines.
# usage: differential.sh <toolchain> <folder with Charger.Differential.pe> <log folder> [--heap SIZE]
set -u
tc=$1; pe_dir=$2; logs=$3; shift 3
heap=${SESSION_HEAP:-288K}
if [ "${1:-}" = "--heap" ]; then heap=$2; fi
cd "$(dirname "$0")/../.."

"$tc/bin/nf-run.sh" --32 ${NF_CLR32:+--clr "$NF_CLR32"} --heap "$heap" --timeout 600 "$pe_dir/Charger.Differential.pe" >"$logs/diff-nanoclr.log" 2>&1
nano_rc=$?
dotnet run --project tests/Charger.Differential/Charger.Differential.csproj >"$logs/diff-desktop.log" 2>"$logs/diff-desktop.err"
desk_rc=$?

grep "^T|" "$logs/diff-nanoclr.log" | tr -d '\r' >"$logs/transcript-nanoclr.txt"
grep "^T|" "$logs/diff-desktop.log" | tr -d '\r' >"$logs/transcript-desktop.txt"
grep "^M|" "$logs/diff-nanoclr.log" | tr -d '\r' | sed 's/^M|/differential: nanoclr32: /'

lines=$(wc -l <"$logs/transcript-desktop.txt")
status=0
if [ "$nano_rc" -ne 0 ] || ! grep -q "^M|session complete" "$logs/diff-nanoclr.log"; then
  echo "differential: the session did not complete on nanoCLR (exit $nano_rc, heap $heap)"
  grep -E "OutOfMemory|xception|session stopped" "$logs/diff-nanoclr.log" | head -5
  status=1
fi
if [ "$desk_rc" -ne 0 ]; then
  echo "differential: the session failed on desktop .NET (exit $desk_rc)"
  tail -20 "$logs/diff-desktop.err"
  status=1
fi
# A transcript too short to have charged proves nothing: the session must have started and ended a
# transaction and drawn energy.
for want in '"eventType":"Started"' '"eventType":"Ended"' 'out coil closed' 'console| '; do
  if ! grep -q -- "$want" "$logs/transcript-desktop.txt"; then
    echo "differential: the desktop transcript lacks $want: the session did not run as scripted"
    status=1
  fi
done
if cmp -s "$logs/transcript-nanoclr.txt" "$logs/transcript-desktop.txt"; then
  echo "differential: transcripts identical ($lines lines, nanoCLR 32-bit heap $heap vs desktop .NET)"
else
  status=1
  diffs=$(diff "$logs/transcript-desktop.txt" "$logs/transcript-nanoclr.txt" | grep -c '^[<>]')
  echo "differential: transcripts DIFFER ($diffs differing lines of $lines); first differences (< desktop, > nanoCLR):"
  diff "$logs/transcript-desktop.txt" "$logs/transcript-nanoclr.txt" | grep '^[<>]' | head -16 | cut -c1-400
fi
exit $status
