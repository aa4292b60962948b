#!/usr/bin/env bash
# Regenerates the papers' figures: ./reproduce.sh [--quick|--full] [FIGURE...] [--results DIR] [--threads N] [--dpi N]
#
#   --full (the default)  the papers' scale (hours on a 2-core machine; resumable: rerun after an interruption)
#   --quick               every figure's shape in minutes
#
# Builds the command-line jar when it is missing or older than the sources (needs only a JDK 17+ and
# Maven), runs the experiments that are missing (every trial is stored under results/trial-store/ and
# reused), draws each figure into results/figures/ (PNG, SVG, PDF and the plotted data as CSV) and
# writes results/REPORT.md. On a cluster, run the experiments as shards first (docs/CLUSTER.md).
# The regression figure (els-regression) uses the data sets of data/datasets.csv found in data/
# (the diabetes data are shipped); data/fetch.sh downloads the others (needs internet).
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
cd "$repo"
jar="cli/target/sparse-repro.jar"
if [ ! -f "$jar" ] || [ -n "$(find core algorithms experiments figures cli -name '*.java' -newer "$jar" -print -quit)" ] \
   || [ -n "$(find . -maxdepth 2 -name pom.xml -newer "$jar" -print -quit)" ]; then
  echo "reproduce.sh: building the command-line jar (mvn -B -ntp package -DskipTests) ..." >&2
  mvn -B -ntp -q package -DskipTests
fi
exec bin/sparse-repro reproduce "$@"
