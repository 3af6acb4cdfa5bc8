#!/usr/bin/env bash
# A throw-away single-node Slurm cluster for the sharding test: munge and the Slurm controller and node daemon on this
# machine, talking over 127.0.0.1, with everything (key, config, state, logs) in one folder.
#   single-node-cluster.sh start DIR   -> starts it; prints the path of slurm.conf (export SLURM_CONF=...)
#   single-node-cluster.sh stop DIR    -> stops the daemons started from DIR and removes DIR
# No cgroups are needed (proctrack/linuxproc, task/none). Exits non-zero with the reason on stderr if it cannot start.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?folder}

stop() {
  for pid in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true
  done
}

if [ "$action" = stop ]; then
  stop
  for _ in $(seq 50); do pgrep -f "$dir/slurm.conf" >/dev/null || break; sleep 0.1; done
  rm -rf "$dir"
  exit 0
fi
[ "$action" = start ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

for tool in munged slurmctld slurmd sbatch sinfo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool not found (Debian packages slurm-wlm and munge)" >&2; exit 1; }
done
[ "$(id -u)" -eq 0 ] || { echo "slurmd must run as root here (no root: uid $(id -u))" >&2; exit 1; }

mkdir -p "$dir"/{state,spool,log,munge}
chmod 700 "$dir/munge"
host=$(hostname -s)
cpus=$(nproc)
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 2048 ))
# Ports above the defaults so a site's own Slurm is never disturbed; a port in use makes the start fail visibly.
ctld_port=${SOURCEMODEL_SLURMCTLD_PORT:-16817}
slurmd_port=${SOURCEMODEL_SLURMD_PORT:-16818}

dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$dir/munge/munge.key"
munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" --pid-file="$dir/munge/munged.pid" \
  --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munge.seed"

cat > "$dir/slurm.conf" <<CONF
ClusterName=sourcemodel-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -f "$SLURM_CONF" || { echo "slurmctld did not start: $(tail -3 "$dir/log/slurmctld.log" 2>/dev/null)" >&2; stop; exit 1; }
slurmd -f "$SLURM_CONF" || { echo "slurmd did not start: $(tail -3 "$dir/log/slurmd.log" 2>/dev/null)" >&2; stop; exit 1; }
for _ in $(seq 60); do
  if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then echo "$SLURM_CONF"; exit 0; fi
  sleep 1
done
echo "the node did not become idle within 60 s: $(sinfo 2>&1 | tail -2); $(tail -3 "$dir/log/slurmctld.log" 2>/dev/null)" >&2
stop
exit 1
