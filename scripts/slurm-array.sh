#!/usr/bin/env bash
# Runs one sparse-repro experiment as a Slurm job array of N shards, then merges them.
#
#   scripts/slurm-array.sh EXPERIMENT [N] [--quick|--full] [extra 'run' options...]
#
# Submits N array tasks; task t (0-based SLURM_ARRAY_TASK_ID) runs
#   sparse-repro run EXPERIMENT --shard $((t+1))/N --threads $SLURM_CPUS_PER_TASK
# and a merge job that starts when every task has succeeded (afterok dependency).
# The results folder (default results/ in the repository) must be on a file system every
# node sees. Build the jar first: mvn -B -ntp package -DskipTests.
# Slurm options can be set as usual through SBATCH_* variables (SBATCH_PARTITION,
# SBATCH_ACCOUNT, SBATCH_TIMELIMIT, ...); CPUS (default 2) sets --cpus-per-task.
set -euo pipefail
if [ $# -lt 1 ]; then
  sed -n '2,13p' "$0" >&2
  exit 2
fi
experiment=$1; shift
shards=${1:-4}
if [ $# -gt 0 ]; then shift; fi
mode=${1:---full}
if [ $# -gt 0 ]; then shift; fi
repo=$(cd "$(dirname "$0")/.." && pwd)
cpus=${CPUS:-2}
results=${RESULTS:-$repo/results}
logs=$results/slurm-logs
mkdir -p "$logs"

array_job=$(sbatch --parsable \
  --job-name="sr-$experiment" \
  --array="0-$((shards - 1))" \
  --cpus-per-task="$cpus" \
  --output="$logs/$experiment-%A_%a.out" \
  --wrap="'$repo/bin/sparse-repro' run '$experiment' $mode --shard \$((SLURM_ARRAY_TASK_ID+1))/$shards --threads \${SLURM_CPUS_PER_TASK:-1} --results '$results' $*")
echo "submitted array job $array_job: $shards shards of $experiment ($mode)"

merge_job=$(sbatch --parsable \
  --job-name="sr-$experiment-merge" \
  --dependency="afterok:$array_job" \
  --output="$logs/$experiment-merge-%j.out" \
  --wrap="'$repo/bin/sparse-repro' merge '$experiment' $mode --results '$results' $*")
echo "submitted merge job $merge_job (runs after $array_job succeeds)"
echo "logs: $logs"
