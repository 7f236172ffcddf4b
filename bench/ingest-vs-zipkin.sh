#!/usr/bin/env bash
# Ingest throughput of Vigil next to Zipkin 3.6.1 on this machine, in one run: the same logical LLM
# spans (Zipkin v2 JSON / OTLP protobuf), 512 spans a request, a fresh server for every load, both
# servers with -Xmx1g (Zipkin in memory with MEM_MAX_SPANS=100000, as in shared/reference/measured.md).
#
#   bench/ingest-vs-zipkin.sh                 # zipkin and vigil, 1 and 4 client threads, 30 s each
#   SERVERS=zipkin RUN_SECONDS=20 bench/ingest-vs-zipkin.sh
#   SERVERS=vigil SCORING=rules bench/ingest-vs-zipkin.sh   # Vigil scoring every call with a rule-only
#                                                           # scorecard: does scoring keep up?
#
# Env: SERVERS ("zipkin vigil"), THREAD_COUNTS ("1 4"), RUN_SECONDS (30, measured),
#      WARMUP_SECONDS (60, load before measuring so both JVMs are past JIT warm-up: at 10 s the C2
#      compiler still took ~17 % of Vigil's CPU, at 40 s under 2 %), BATCH (512),
#      SCORING ("": scoring has no scorecard; "rules": ScoringBenchmark's rule-only scorecard on every
#      feature at 100 %, with vigil_scoring_backlog_spans read from /metrics every second).
# Vigil is started as `./vigil serve` with VIGIL_PORT, VIGIL_DATA_DIR (fresh temp dir) and
# VIGIL_INIT_API_KEY; GET /health must answer 200 when it is ready. Everything binds 127.0.0.1 and
# everything started here is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SERVERS="${SERVERS:-zipkin vigil}"
THREAD_COUNTS="${THREAD_COUNTS:-1 4}"
RUN_SECONDS="${RUN_SECONDS:-30}"
WARMUP_SECONDS="${WARMUP_SECONDS:-60}"
BATCH="${BATCH:-512}"
SCORING="${SCORING:-}"
CACHE="bench/.cache"
ZIPKIN_JAR="$CACHE/zipkin-server-3.6.1-exec.jar"
RUN_DIR="$CACHE/runs/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RUN_DIR"

STARTED=()    # pids this script started; only these are ever killed
TEMP_DIRS=()
cleanup() {
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]}"; do wait "$pid" 2>/dev/null || true; done
  for dir in "${TEMP_DIRS[@]}"; do rm -rf "$dir"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

java_version() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p'; }

# A JDK >= 21, found the way the launcher finds one: JAVA_HOME, then PATH, then /usr/lib/jvm.
find_java() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null && candidates+=("$(command -v java)")
  for j in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do candidates+=("$j"); done
  for j in "${candidates[@]}"; do
    if [[ -x "$j" ]] && (( $(java_version "$j" || echo 0) >= 21 )); then echo "$j"; return; fi
  done
  echo "no JDK >= 21 found (set JAVA_HOME)" >&2
  exit 1
}
JAVA="$(find_java)"
export JAVA_HOME="$(dirname "$(dirname "$JAVA")")"

free_port() {
  local port
  for port in $(seq "$1" $(($1 + 200))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port from $1" >&2
  exit 1
}

# The JVM itself when a launcher script forks it instead of exec-ing it.
java_pid_of() {
  local pid="$1" child
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == java ]] && { echo "$pid"; return; }
  for child in $(pgrep -P "$pid" || true); do
    if [[ "$(cat "/proc/$child/comm" 2>/dev/null)" == java ]]; then echo "$child"; return; fi
    local grandchild
    grandchild="$(java_pid_of "$child")"
    [[ -n "$grandchild" ]] && { echo "$grandchild"; return; }
  done
}

wait_healthy() {  # url pid logfile
  local deadline=$((SECONDS + 180))
  while ((SECONDS < deadline)); do
    if curl -fs -o /dev/null --max-time 2 "$1" 2>/dev/null; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then log "server exited; last log lines:"; tail -20 "$3" >&2; return 1; fi
    sleep 0.5
  done
  log "server not healthy after 180 s: $1"
  return 1
}

stop() {  # pid...
  local pid
  for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 40); do
    local alive=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.5
  done
  for pid in "$@"; do kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  # forget them, so the exit trap never signals a pid the system may have handed to someone else
  local keep=() p
  for p in "${STARTED[@]}"; do [[ " $* " == *" $p "* ]] || keep+=("$p"); done
  STARTED=("${keep[@]}")
}

json_field() { sed -n "s/.*\"$2\":\"\{0,1\}\([^,}\"]*\).*/\1/p" <<<"$1" | head -1; }

ROWS=()
load() {  # server url key threads server-pid
  local out="$RUN_DIR/$1-$4.out" json load_before
  log "$1: $4 thread(s), ${WARMUP_SECONDS}s warm-up + ${RUN_SECONDS}s"
  load_before="$(cut -d' ' -f1 /proc/loadavg)"  # other work on the machine skews numbers: show it
  "$JAVA" -Xmx1g -cp "vigil-bench/target/vigil-bench.jar:vigil-bench/target/lib/*" dev.vigil.bench.LoadGenerator \
    --target "$1" --url "$2" --key "$3" --threads "$4" --seconds "$RUN_SECONDS" --warmup "$WARMUP_SECONDS" --batch "$BATCH" \
    --server-pid "$5" >"$out" 2>&1 || true
  cat "$out" >&2
  json="$(grep -m1 '^{' "$out" || true)"
  if [[ -z "$json" ]]; then
    ROWS+=("| $1 | $4 | failed | | | | see $out |")
    return
  fi
  local errors
  errors="$(sed -n 's/.*"errors":\({[^}]*}\).*/\1/p' <<<"$json")"
  ROWS+=("| $1 | $4 | $(json_field "$json" spansPerSec) | $(json_field "$json" p50Ms) | $(json_field "$json" p99Ms) \
| $(json_field "$json" rssHwmMb) | $(json_field "$json" throttled) throttled, errors $errors, \
load avg $load_before → $(cut -d' ' -f1 /proc/loadavg) |")
}

run_zipkin() {  # threads
  local port pid
  port="$(free_port 19411)"
  MEM_MAX_SPANS=100000 "$JAVA" -Xmx1g -jar "$ZIPKIN_JAR" '--armeria.ports[0].ip=127.0.0.1' \
    "--armeria.ports[0].port=$port" '--armeria.ports[0].protocols[0]=http' >"$RUN_DIR/zipkin-server-$1.log" 2>&1 &
  pid=$!
  STARTED+=("$pid")
  if wait_healthy "http://127.0.0.1:$port/health" "$pid" "$RUN_DIR/zipkin-server-$1.log"; then
    load zipkin "http://127.0.0.1:$port" "" "$1" "$pid"
  else
    ROWS+=("| zipkin | $1 | did not start | | | | $RUN_DIR/zipkin-server-$1.log |")
  fi
  stop "$pid"
}

# Samples the scoring backlog once a second into $2 while $1 lives.
sample_backlog() {  # pid file port
  while kill -0 "$1" 2>/dev/null; do
    printf '%s %s\n' "$SECONDS" "$(backlog "$3")" >>"$2"
    sleep 1
  done
}

backlog() {  # port
  curl -fs --max-time 2 "http://127.0.0.1:$1/metrics" 2>/dev/null \
    | awk '/^vigil_scoring_backlog_spans/ {sum += $2} END {printf "%d", sum}'
}

# What the backlog did: at the end of warm-up, at the end of the load, its peak, and how long after
# the load scoring took to catch up (polled up to 300 s).
scoring_notes() {  # samples-file port load-start-seconds
  local ended=$SECONDS start_backlog end_backlog peak drained=""
  start_backlog="$(awk -v t=$(($3 + WARMUP_SECONDS)) '$1 >= t {print $2; exit}' "$1")"
  end_backlog="$(backlog "$2")"
  while ((SECONDS - ended < 300)); do
    if [[ "$(backlog "$2")" == 0 ]]; then drained=$((SECONDS - ended)); break; fi
    sleep 1
  done
  peak="$(awk 'BEGIN {m = 0} $2 > m {m = $2} END {print m}' "$1")"
  if [[ -n "$drained" ]]; then drained="$drained s after"; else drained="not within 300 s"; fi
  printf 'scoring backlog: %s spans after warm-up, %s at end of load, peak %s, drained %s' \
    "${start_backlog:-?}" "$end_backlog" "$peak" "$drained"
}

run_vigil() {  # threads
  if [[ ! -x ./vigil ]]; then
    ROWS+=("| vigil | $1 | skipped: ./vigil not found | | | | |")
    return
  fi
  local port pid data key javapid cards="" sampler samples
  port="$(free_port 19418)"
  data="$(mktemp -d /tmp/vigil-bench-data.XXXXXX)"
  TEMP_DIRS+=("$data")
  if [[ "$SCORING" == rules ]]; then
    cards="$data/scorecards"
    mkdir -p "$cards"
    "$JAVA" -cp "vigil-bench/target/vigil-bench.jar:vigil-bench/target/lib/*" dev.vigil.bench.ScoringBenchmark \
      --print-scorecard >"$cards/rules.yaml"
  fi
  key="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
  VIGIL_PORT="$port" VIGIL_DATA_DIR="$data/data" VIGIL_INIT_API_KEY="$key" VIGIL_HOST=127.0.0.1 \
    VIGIL_SCORING_SCORECARDS_DIR="${cards:-$data/no-scorecards}" ./vigil serve >"$RUN_DIR/vigil-server-$1.log" 2>&1 &
  pid=$!
  STARTED+=("$pid")
  if wait_healthy "http://127.0.0.1:$port/health" "$pid" "$RUN_DIR/vigil-server-$1.log"; then
    javapid="$(java_pid_of "$pid")"
    [[ -n "$javapid" && "$javapid" != "$pid" ]] && STARTED+=("$javapid")
    if [[ -n "$cards" ]]; then
      samples="$RUN_DIR/vigil-backlog-$1.txt"
      local load_start=$SECONDS
      sample_backlog "$pid" "$samples" "$port" &
      sampler=$!
      load vigil "http://127.0.0.1:$port" "$key" "$1" "${javapid:-$pid}"
      ROWS[-1]="${ROWS[-1]% |} $(scoring_notes "$samples" "$port" "$load_start") |"
      kill "$sampler" 2>/dev/null || true
    else
      load vigil "http://127.0.0.1:$port" "$key" "$1" "${javapid:-$pid}"
    fi
    stop "$pid" ${javapid:+"$javapid"}
  else
    ROWS+=("| vigil | $1 | did not start | | | | $RUN_DIR/vigil-server-$1.log |")
    stop "$pid"
  fi
}

if [[ " $SERVERS " == *" zipkin "* && ! -f "$ZIPKIN_JAR" ]]; then
  log "downloading zipkin-server 3.6.1 into $CACHE"
  ./mvnw -q -N dependency:copy -Dartifact=io.zipkin:zipkin-server:3.6.1:jar:exec -DoutputDirectory="$CACHE"
fi
log "building Vigil and the load generator"
./mvnw -B -q -pl vigil-bench -am package -DskipTests

for server in $SERVERS; do
  for threads in $THREAD_COUNTS; do
    "run_$server" "$threads"
  done
done

echo
echo "Ingest, $BATCH spans a request, ${RUN_SECONDS} s measured after ${WARMUP_SECONDS} s warm-up, $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
echo
echo "| server | client threads | spans/s | batch p50 ms | batch p99 ms | peak RSS MB | notes |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "raw output: $RUN_DIR"
