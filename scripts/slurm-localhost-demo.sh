#!/usr/bin/env bash
# Installs Debian's Slurm (slurm-wlm) as a one-node cluster on this machine, runs the demo
# experiment as a 2-shard job array through scripts/slurm-array.sh, waits for the merge and
# compares the result with a single local run. Needs root and a Debian-based system; it
# rewrites /etc/slurm/slurm.conf, so use it on a throw-away machine or container only.
#
#   scripts/slurm-localhost-demo.sh [extra 'run' options, e.g. --algorithms sea-0]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
extra=("$@")

if ! command -v sbatch >/dev/null; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge
fi

host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=localhost
SlurmctldHost=$host
MpiDefault=none
ProctrackType=proctrack/linuxproc
ReturnToService=2
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmdSpoolDir=/var/spool/slurmd
StateSaveLocation=/var/spool/slurmctld
SlurmUser=root
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

if [ ! -f /etc/munge/munge.key ]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null
  chown munge:munge /etc/munge/munge.key 2>/dev/null || true
  chmod 400 /etc/munge/munge.key
fi
mkdir -p /run/munge && chown munge:munge /run/munge 2>/dev/null || true
pgrep -x munged >/dev/null || su -s /bin/sh munge -c munged 2>/dev/null || munged --force
pgrep -x slurmctld >/dev/null || slurmctld
pgrep -x slurmd >/dev/null || slurmd
for _ in $(seq 30); do
  sinfo -h -o %T 2>/dev/null | grep -qE 'idle|mixed' && break
  scontrol update nodename="$host" state=resume 2>/dev/null || true
  sleep 1
done
sinfo

[ -f "$repo/cli/target/sparse-repro.jar" ] || (cd "$repo" && mvn -B -ntp -q package -DskipTests)
results=$(mktemp -d /tmp/sparse-repro-slurm.XXXXXX)
RESULTS=$results/cluster CPUS=1 "$repo/scripts/slurm-array.sh" demo 2 --quick "${extra[@]}"
echo "waiting for the jobs..."
while squeue -h | grep -q .; do sleep 2; done
cat "$results"/cluster/slurm-logs/*.out

"$repo/bin/sparse-repro" run demo --quick --threads 1 --results "$results/local" "${extra[@]}"
strip_time() {
  python3 - "$1" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
keep = [i for i, h in enumerate(rows[0]) if h != "time" and not h.startswith("time_")]
for r in rows:
    print(",".join(r[i] for i in keep))
PY
}
for f in trials.csv summary.csv; do
  if diff <(strip_time "$results"/cluster/demo/*/$f) <(strip_time "$results"/local/demo/*/$f) >/dev/null; then
    echo "$f: cluster and local runs are identical (time columns aside)"
  else
    echo "$f: cluster and local runs DIFFER" >&2
    exit 1
  fi
done
