#!/usr/bin/env bash
# Figures per strategy and fleet size: AWS calls (through the gateway's counter), state
# transitions and wall time of one local deployment each (time × 0.1, handlers' clock scaled too),
# plus, at the first size, the time from the failing check to RollBack's first traffic write.
# Usage: bench/deployments.sh [sizes...]   (default: 10 100). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[[ $# -eq 0 ]] && sizes=(10 100)
dotnet build src/BlueGreen.Cli -v q -nologo >/dev/null
cli=(dotnet src/BlueGreen.Cli/bin/Debug/net10.0/bluegreen.dll demo)

runs=(
  "swap all-at-once"
  "weighted all-at-once" "weighted canary" "weighted linear"
  "dns all-at-once" "dns canary" "dns linear"
  "in-group all-at-once"
)
echo "| strategy | traffic | instances | outcome | AWS calls (mutating) | state transitions | wall time of the run | alarm: traffic back after the failing check |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for run in "${runs[@]}"; do
  read -r strategy traffic <<<"$run"
  for n in "${sizes[@]}"; do
    out=$("${cli[@]}" --strategy "$strategy" --traffic "$traffic" --instances "$n" 2>&1 || true)
    calls=$(grep -oP 'AWS calls: \K\d+ \(\d+' <<<"$out" | sed 's/ (/ (/;s/$/)/' || echo "?")
    transitions=$(grep -oP 'state transitions: \K\d+' <<<"$out" || echo "?")
    wall=$(grep -oP 'wall time \K[\d.]+ s' <<<"$out" || echo "?")
    outcome=$(grep -oP '^Outcome: \K.*' <<<"$out" || echo "?")
    alarm="–"
    if [[ "$n" == "${sizes[0]}" ]]; then  # the restore time does not depend on the fleet's size: one run
      alarm=$("${cli[@]}" --scenario alarm --strategy "$strategy" --traffic "$traffic" --instances "$n" 2>&1 | grep -oP 'traffic back on blue \K[\d.]+ s' || echo "?")
    fi
    echo "| $strategy | $traffic | $n | $outcome | $calls | $transitions | $wall | $alarm |"
  done
done
