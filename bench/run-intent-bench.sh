#!/usr/bin/env bash
# Intent classifier quality and speed (issue 5). Builds the jar, then with the same model kind the product uses:
# BANKING77 5-fold stratified CV, xSID per language (train on a fixed stratified half, test on the other half),
# the shipped phrases with 20% of every language held out, out-of-scope recall on CLINC150's out-of-scope
# questions (model trained on our phrases), then training time, load time, predict() latency and heap.
#   bench/run-intent-bench.sh
#   SKIP_BUILD=1 DATA=/path/to/shared/data PHRASES=src/main/resources/knowledge/intents bench/run-intent-bench.sh
#   QUICK=1 bench/run-intent-bench.sh     # skip the BANKING77 cross-validation (the slow part, ~5 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/work/shared/data}
PHRASES=${PHRASES:-src/main/resources/knowledge/intents}
HEAP=${HEAP:--Xmx512m}
JAR=target/walletdesk.jar

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -B -ntp -DskipTests package
fi
for f in banking77/train.csv xsid/en.valid.csv clinc150/oos-train.csv; do
  [ -f "$DATA/$f" ] || { echo "missing $DATA/$f (set DATA=...)"; exit 1; }
done
for f in en.csv id.csv zh-CN.csv; do
  [ -f "$PHRASES/$f" ] || { echo "missing $PHRASES/$f (set PHRASES=...)"; exit 1; }
done

eval_() { java $HEAP -jar "$JAR" intent-eval "$@" 2>/dev/null; }

if [ "${QUICK:-0}" != "1" ]; then
  echo "== BANKING77, 5-fold stratified cross-validation on train.csv (10,003 rows, 77 intents)"
  eval_ --train "$DATA/banking77/train.csv" --folds 5 | grep -E '^(# |accuracy=)'
fi

echo "== xSID, one model per language, trained on a fixed stratified half, tested on the other half"
for l in en id zh; do
  printf '%s: ' "$l"; eval_ --train "$DATA/xsid/$l.valid.csv" --holdout 0.5 | tail -1
done

echo "== Shipped phrases ($PHRASES), 20% of every language held out, one model for all three"
eval_ --phrases "$PHRASES" --holdout 0.2 | grep -E '^(# |accuracy=)'

echo "== Out-of-scope recall: CLINC150 oos-train.csv (200 questions) against the model trained on all phrases"
eval_ --phrases "$PHRASES" --test "$DATA/clinc150/oos-train.csv" | tail -1 | sed 's/accuracy=/out_of_scope recall=/'

echo "== Out-of-scope rejection and in-scope accuracy on held-out data (issue 17; 80% of the phrases trained)"
eval_ --scope "$DATA" --phrases "$PHRASES"

echo "== Speed and memory ($HEAP)"
EXTRACTED=target/intent-bench
rm -rf "$EXTRACTED"
java -Djarmode=tools -jar "$JAR" extract --destination "$EXTRACTED" > /dev/null
CP="$EXTRACTED/walletdesk.jar:$EXTRACTED/lib/*"
QUIET=-Dlogback.configurationFile=io/walletdesk/knowledge/intent/intent-eval-logback.xml
MODEL=$(mktemp /tmp/intent-model-XXXX.bin)
trap 'rm -f "$MODEL"' EXIT
java $HEAP $QUIET -cp "$CP" bench/intent/IntentBench.java train "$PHRASES" "$DATA" "$MODEL" 2>/dev/null
java $HEAP $QUIET -cp "$CP" bench/intent/IntentBench.java load "$MODEL" "$DATA" 2>/dev/null
