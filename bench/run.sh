#!/usr/bin/env bash
# The widget-server benchmark: xiaoer (embedded default, then cluster mode) against the do-nothing socket.io peer,
# same generator, same run, alternating, 3 repetitions by default. See docs/benchmarks.md, "Widget server".
#
#   bench/run.sh                    full run (about 15 min on the 2-core dev box)
#   bench/run.sh --quick            1 repetition, smaller loads (a smoke run, ~4 min)
#   bench/run.sh --profile --scenarios closed --reps 1   JFR profile of the closed loop + one measured rep
#   bench/run.sh --scenarios idle,closed,paced,handoff   skip cluster mode
# Other options: --reps N, --out DIR, --jar PATH, --java-opts "...", --texts FILE, --redis-url URL, and load sizes
# (--clients --msgs --idle --pacedMsgs --hoBot --hoAgent --hoMsgs --clusterClients --clusterMsgs).
# Results: bench/results/<UTC time>/ (results.jsonl, report.md, server logs); the report is printed at the end.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

JAR=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[$i]}" = "--jar" ] && JAR=${args[$((i + 1))]:-}
done
if [ -z "$JAR" ]; then
  JAR=$(ls "$ROOT"/app/target/app-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
  if [ -z "$JAR" ]; then
    echo "building the app jar (./mvnw -q -o install -DskipTests)..." >&2
    (cd "$ROOT" && ./mvnw -q -o install -DskipTests)
    JAR=$(ls "$ROOT"/app/target/app-*.jar | grep -v original | head -n 1)
  fi
  # a private copy: a rebuild of app/target during the run must not pull the jar from under the running servers
  mkdir -p "$HERE/results"
  cp "$JAR" "$HERE/results/app-under-test.jar"
  JAR="$HERE/results/app-under-test.jar"
  set -- --jar "$JAR" "$@"
fi

if [ ! -d "$HERE/node_modules/socket.io" ] || [ ! -d "$HERE/node_modules/ws" ]; then
  echo "installing the generator's packages (npm ci, exact versions from bench/package-lock.json)..." >&2
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
fi
for tool in java jcmd node python3; do
  command -v "$tool" > /dev/null || { echo "$tool is needed" >&2; exit 2; }
done
exec node "$HERE/bench.js" "$@"
