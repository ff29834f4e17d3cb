#!/usr/bin/env sh
# Builds the benchmarks offline through the reactor and runs the table-loading benchmarks of JMH.
# Extra arguments go to JMH, for example: benchmarks/run-table-bench.sh -f 1 -wi 1 -i 3 'adult.*'
# With --cpu as the first argument it runs TableLoadCpuTime instead (thread CPU time, for shared machines),
# passing the remaining arguments (warm-up and measured run counts).
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -o -pl benchmarks -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CLASSPATH="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
if [ "${1:-}" = "--cpu" ]; then
    shift
    exec java -Xmx2g -cp "$CLASSPATH" org.synthtrust.benchmarks.TableLoadCpuTime "$@"
fi
if [ "$#" -eq 0 ]; then
    set -- 'TableLoadBenchmark'
fi
exec java -cp "$CLASSPATH" org.openjdk.jmh.Main "$@"
