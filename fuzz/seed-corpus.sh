#!/usr/bin/env bash
# Seeds fuzz/corpus/inspect/ from tests/data/inspect-cases.json. For each case it writes two files:
#   NN-token    the bare token (no NUL: the target reads it as a token with no context)
#   NN-context  the token and the case's context in the target's NUL-separated layout
#               (token, secret, key, meeting number, zak, now, clock, join code/message/kind,
#               and the context as JSON for inspect_with_context_input).
# Safe to re-run: it only (over)writes its own files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cases="$here/../tests/data/inspect-cases.json"
out="$here/corpus/inspect"
mkdir -p "$out"
python3 - "$cases" "$out" <<'PY'
import json, os, sys

cases_path, out = sys.argv[1], sys.argv[2]
with open(cases_path, encoding="utf-8") as f:
    data = json.load(f)

def text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)

for i, case in enumerate(data["cases"]):
    token = case["token"]
    ctx = case.get("context") if isinstance(case.get("context"), dict) else {}
    fields = [
        token,
        text(ctx.get("sdkSecret")),
        text(ctx.get("sdkKey")),
        text(ctx.get("meetingNumber", ctx.get("meetingnumber"))),
        text(ctx.get("zak")),
        text(ctx.get("now", data.get("now"))),
        text(data.get("now")),
        "", "", "",
        json.dumps(case.get("context", {}), separators=(",", ":")),
    ]
    with open(os.path.join(out, f"{i:02d}-token"), "wb") as f:
        f.write(token.encode("utf-8"))
    with open(os.path.join(out, f"{i:02d}-context"), "wb") as f:
        f.write("\0".join(fields).encode("utf-8"))
print(f"seeded {2 * len(data['cases'])} files into {out}")
PY
