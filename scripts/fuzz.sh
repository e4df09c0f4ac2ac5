#!/usr/bin/env bash
# Fuzzes each target of siotls-core's ProtocolFuzzTest (Jazzer) for DURATION (default 60s, any
# `timeout` duration: 30s, 10m, 2h), one after the other. A finding fails the run: Jazzer writes the
# input under siotls-core/src/test/resources/io/siotls/connection/ProtocolFuzzTestInputs/<target>/ so that
# `mvn test` replays it from then on. With SAVE_CORPUS=1 the inputs that reached new code are
# copied there too, to be committed as the corpus.
#   bash scripts/fuzz.sh [DURATION] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."

duration=${1:-60s}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(recordLayer handshakeMessages serverFirstFlight serverAfterClientHello clientAfterClientHello
      postQuantumKeyShare serverResumption)
fi

mvn -B -q -ntp install -DskipTests -pl siotls-core -am || exit 1
inputs=siotls-core/src/test/resources/io/siotls/connection/ProtocolFuzzTestInputs
failed=()
for target in "${targets[@]}"; do
  echo "== fuzzing $target for $duration"
  # Jazzer stops cleanly on SIGINT; timeout's 124 means the whole duration ran without a finding.
  JAZZER_FUZZ=1 timeout -s INT "$duration" mvn -B -q -ntp surefire:test -pl siotls-core \
      -Dtest="ProtocolFuzzTest#$target" -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.forkTimeout=0
  status=$?
  if [ "$status" -ne 124 ] && [ "$status" -ne 0 ]; then
    failed+=("$target")
    echo "!! $target: a finding (exit $status); the input is in $inputs/$target" >&2
  fi
  corpus=siotls-core/.cifuzz-corpus/io.siotls.connection.ProtocolFuzzTest/$target
  if [ "${SAVE_CORPUS:-0}" = 1 ] && [ -d "$corpus" ]; then
    mkdir -p "$inputs/$target"
    find "$corpus" -type f -size -4k -exec cp -n {} "$inputs/$target/" \;
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "findings in: ${failed[*]}" >&2
  exit 1
fi
echo "no finding"
