#!/usr/bin/env python3
"""Top of a JFR recording's CPU samples: self time per method, inclusive time per method, and inclusive time of the
project's own frames (xiaoer.*). Uses `jfr print --json --events jdk.ExecutionSample`.

Usage: python3 bench/jfr-top.py recording.jfr [--top 25] [--filter xiaoer.] [--thread NAME-PREFIX]
"""
import collections
import json
import subprocess
import sys


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(2)
    path = args[0]
    top = int(args[args.index("--top") + 1]) if "--top" in args else 25
    own = args[args.index("--filter") + 1] if "--filter" in args else "xiaoer."
    only = args[args.index("--thread") + 1] if "--thread" in args else None
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    self_c, incl_c, own_c, threads = (collections.Counter() for _ in range(4))
    total = 0
    for e in events:
        frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
        if not frames:
            continue
        t = e["values"].get("sampledThread") or {}
        name = t.get("javaName") or t.get("osName") or "?"
        if only and not name.startswith(only):
            continue
        total += 1
        # JFR writes type names with '/' (xiaoer/app/storage/...): as dots, so --filter xiaoer. matches every own frame
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
        self_c[names[0]] += 1
        for n in set(names):
            incl_c[n] += 1
        for n in set(x for x in names if x.startswith(own)):
            own_c[n] += 1
        threads[name.rstrip("0123456789-")] += 1
    pct = lambda c: f"{100.0 * c / max(total, 1):5.1f}%"
    print(f"samples: {total}")
    print("\n## self (top frame)")
    for n, c in self_c.most_common(top):
        print(f"{pct(c)}  {n}")
    print(f"\n## inclusive, {own}* frames")
    for n, c in own_c.most_common(top):
        print(f"{pct(c)}  {n}")
    print("\n## inclusive, all frames")
    for n, c in incl_c.most_common(top):
        print(f"{pct(c)}  {n}")
    print("\n## threads (name without trailing number)")
    for n, c in threads.most_common(12):
        print(f"{pct(c)}  {n}")


if __name__ == "__main__":
    main()
