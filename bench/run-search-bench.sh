#!/usr/bin/env bash
# Help-centre search latency on 10,000 articles (issue 5). Usage: bench/run-search-bench.sh [articles] [queries]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.walletdesk.knowledge.internal.SearchBench "${1:-10000}" "${2:-3000}"
