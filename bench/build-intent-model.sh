#!/usr/bin/env bash
# Rebuilds src/main/resources/knowledge/intent-model.bin (+ .sha256) from the shipped phrase files.
# Run after changing src/main/resources/knowledge/intents/*.csv; ShippedModelTest fails until you do.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.walletdesk.knowledge.internal.ShippedModelBuilder src/main/resources
