"""One line from the strict wire report of a test run.

Each local gateway in strict wire mode appends its snapshot as one JSON line to
$BLUEGREEN_WIRE_REPORT when it stops ({"enabled", "checked", "operations", "violations",
"functions"}). A run starts many gateways (one per fixture), so operations are counted once across
all of them, requests and violations summed, and each function's calls joined.

Usage: python3 .ci/wire_summary.py <report file>
"""
import json
import sys


def summarize(lines):
    operations, functions = set(), {}
    requests = violations = gateways = blind = 0
    for line in lines:
        if not line.strip():
            continue
        snapshot = json.loads(line)
        if not snapshot.get("enabled"):
            blind += 1
            continue
        gateways += 1
        requests += snapshot.get("checked", 0)
        violations += len(snapshot.get("violations", []))
        operations.update(snapshot.get("operations", []))
        for function, calls in (snapshot.get("functions") or {}).items():
            functions.setdefault(function, set()).update(calls)
    calls = sum(len(c) for c in functions.values())
    text = (f"strict wire: {len(operations)} distinct operations, {requests} requests checked, {violations} violations"
            f" ({gateways} gateways; {calls} distinct calls by {len(functions)} functions checked against their policies)")
    if blind:
        text += f"; {blind} gateways checked nothing (no botocore)"
    return text


def violations(lines):
    """Every violation text in the report, so a nonzero count names what broke the model."""
    return [v for line in lines if line.strip() for v in json.loads(line).get("violations", [])]


def main():
    path = sys.argv[1]
    try:
        with open(path, encoding="utf-8") as report:
            lines = report.readlines()
        for violation in violations(lines)[:10]:
            print(f"strict wire violation: {violation}")
        print(summarize(lines))
    except FileNotFoundError:
        print("strict wire: no report (no gateway stopped with BLUEGREEN_WIRE_REPORT set)")


if __name__ == "__main__":
    main()
