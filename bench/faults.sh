#!/usr/bin/env bash
# The whole fault matrix (DESIGN §7, issue 9): per strategy, every mutating AWS call the workflow
# and RollBack make (derived from a clean and a rolled-back run's journal of writes) and every
# Lambda function invoked, × {throttled then recovered, 5xx until retries are exhausted, answer
# lost}; each cell asserts DESIGN §4's end-state invariants. Runs FaultMatrixFullTests on one
# local cloud, cells one after another. Prints a Markdown table: cells, clean, violations by
# fault kind and by invariant, per strategy; then every cell with its outcome and wall time.
# Usage: [FAULT_MATRIX_REPORT=file] bench/faults.sh [--stride N] [strategies...]
#   strategies: swap weighted dns in-group pair (default: all)
#   --stride N: every N-th cell of each strategy's ordered list (a representative subset; N not a
#               multiple of 3 cycles the fault kinds). Default 1 = every cell.
set -euo pipefail
cd "$(dirname "$0")/.."
stride=1
strategies=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --stride) stride="$2"; shift 2 ;;
    *) strategies+=("$1"); shift ;;
  esac
done
report=${FAULT_MATRIX_REPORT:-$(mktemp --suffix=.md)}   # set it to watch the table grow cell by cell
dotnet build test/BlueGreen.Workflow.Tests -v q -nologo >/dev/null
started=$(date +%s)
FAULT_MATRIX_FULL=1 FAULT_MATRIX_STRIDE="$stride" FAULT_MATRIX_REPORT="$report" \
FAULT_MATRIX_STRATEGIES="$(IFS=,; echo "${strategies[*]:-}")" \
  dotnet test test/BlueGreen.Workflow.Tests --no-build --filter "Category=FaultMatrixFull" \
    --logger "console;verbosity=minimal" >/dev/null 2>&1 || true   # violations fail the test; the table says which
if [[ ! -s "$report" ]]; then
  echo "no cell ran (see: dotnet test test/BlueGreen.Workflow.Tests --filter Category=FaultMatrixFull with FAULT_MATRIX_FULL=1)" >&2
  exit 1
fi
cat "$report"
echo
echo "stride $stride, strategies: ${strategies[*]:-all}; wall time of the whole matrix $(( $(date +%s) - started )) s"
