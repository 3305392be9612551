#!/usr/bin/env bash
# Fuzzes one parser with afl-fuzz through SharpFuzz (docs/fuzzing.md):
#
#   fuzz/run.sh scenario|report [SECONDS]      (default 300 seconds)
#
# Installs afl++ (apt-get) and the sharpfuzz tool (into fuzz/.tools) when missing, publishes the harness into
# fuzz/.out/TARGET, instruments the assemblies under test, builds a seed corpus, fuzzes for SECONDS with one
# afl-fuzz process, then replays every crash and hang and prints where they are. Nothing it writes is tracked by git.
# Set FUZZ_BUILD_LOCK=/path/to/lockfile to run the dotnet steps under flock on a shared machine.
set -euo pipefail

usage() { echo "usage: fuzz/run.sh scenario|report [SECONDS]" >&2; exit 2; }
target=${1:-}
seconds=${2:-300}
case "$target" in scenario | report) ;; *) usage ;; esac
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || usage

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/.out/$target"
bin="$out/bin"
plain="$out/plain"
seeds="$out/seeds"
findings="$out/findings-$(date -u +%Y%m%d-%H%M%S)"
tools="$here/.tools"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet_() {
  if [ -n "${FUZZ_BUILD_LOCK:-}" ]; then flock "$FUZZ_BUILD_LOCK" dotnet "$@"; else dotnet "$@"; fi
}

# 1. afl++ and the sharpfuzz instrumenter.
if ! command -v afl-fuzz >/dev/null 2>&1; then
  sudo_=""
  [ "$(id -u)" -eq 0 ] || sudo_=sudo
  $sudo_ apt-get install -y afl++ || { $sudo_ apt-get update && $sudo_ apt-get install -y afl++; }
fi
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet_ tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

# 2. A fresh publish, kept plain for replaying inputs and copied to be instrumented: sharpfuzz rewrites an assembly
#    in place, refuses one already rewritten, and the rewritten code only runs under afl-fuzz.
rm -rf "$plain" "$bin"
dotnet_ publish "$here/HyperVSim.Fuzz/HyperVSim.Fuzz.csproj" -c Release -o "$plain" --nologo -v quiet
cp -r "$plain" "$bin"
case "$target" in
  scenario) assemblies=(HyperVSim.Scenarios.dll HyperVSim.Model.dll YamlDotNet.dll) ;;
  report) assemblies=(HyperVSim.Experiments.dll) ;;
esac
for a in "${assemblies[@]}"; do
  "$tools/sharpfuzz" "$bin/$a"
done

# 3. Seeds: every input the project already has for this parser, good and bad, plus a few damaged reports.
rm -rf "$seeds"
mkdir -p "$seeds"
case "$target" in
  scenario)
    for f in "$root"/tests/HyperVSim.Scenarios.Tests/Malformed/*.yaml; do cp "$f" "$seeds/malformed-$(basename "$f")"; done
    for f in "$root"/tests/HyperVSim.Scenarios.Tests/Good/*.yaml; do cp "$f" "$seeds/good-$(basename "$f")"; done
    for f in "$root"/scenarios/*.yaml; do cp "$f" "$seeds/shipped-$(basename "$f")"; done
    ;;
  report)
    cp "$here"/seeds/report/*.json "$seeds/"
    # The small baselines whole (afl works best on small inputs), and the first 600 bytes of one: cut mid-record.
    for f in "$root"/scenarios/baselines/*.json; do
      [ "$(wc -c <"$f")" -le 16384 ] && cp "$f" "$seeds/baseline-$(basename "$f")"
    done
    head -c 600 "$root/scenarios/baselines/quickstart.json" >"$seeds/truncated-quickstart.json"
    ;;
esac

# 4. Fuzz. The harness runs under the dotnet host, which afl cannot see instrumented: skip that check.
echo "fuzzing $target for $seconds s: seeds $seeds, findings $findings"
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
[ -t 1 ] || export AFL_NO_UI=1
timeout --signal=INT --kill-after=30 $((seconds + 120)) \
  afl-fuzz -i "$seeds" -o "$findings" -x "$here/dict/$target.dict" -t 2000 -m none -V "$seconds" \
  -- dotnet "$bin/HyperVSim.Fuzz.dll" "$target" || echo "afl-fuzz exited with $?"

# 5. Summary: afl's own figures, then every crash and hang replayed to show its exception and time.
stats="$findings/default/fuzzer_stats"
if [ -f "$stats" ]; then
  grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs) ' "$stats"
fi
status=0
for kind in crashes hangs; do
  dir="$findings/default/$kind"
  mapfile -t found < <(find "$dir" -type f -name 'id:*' 2>/dev/null | sort)
  echo "$kind: ${#found[@]} in $dir"
  if [ "${#found[@]}" -gt 0 ]; then
    dotnet "$plain/HyperVSim.Fuzz.dll" "$target" "${found[@]}" || true
    status=1
  fi
done
exit $status
