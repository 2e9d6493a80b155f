#!/usr/bin/env bash
# A one-node Slurm cluster on loopback, everything (key, config, state, spool, logs, pids) inside DIR.
#   tools/slurm/cluster.sh start DIR   # prints "export SLURM_CONF=DIR/slurm.conf" when the node is idle
#   tools/slurm/cluster.sh stop DIR    # stops the daemons started from DIR, by their pid files
# Needs root and Debian's slurmctld, slurmd, slurm-client and munge; no systemd, cgroups or containers.
# SPECTRA_SLURM_PORT (default 6817) moves the controller's port; the node daemon takes the next one.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

stop_pid() {
  local file=$1
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

case "$action" in
  stop)
    [ -d "$dir" ] || exit 0
    dir=$(cd "$dir" && pwd)
    # The node daemon first, so that it does not report to a controller that is gone.
    stop_pid "$dir/run/slurmd.pid"
    stop_pid "$dir/run/slurmctld.pid"
    stop_pid "$dir/run/munged.pid"
    exit 0
    ;;
  start) ;;
  *) usage ;;
esac

for tool in munged mungekey slurmctld slurmd sinfo runuser; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is not installed (apt-get install slurmctld slurmd slurm-client munge)" >&2; exit 3; }
done
[ "$(id -u)" = 0 ] || { echo "error: the local cluster runs its daemons as root (SlurmUser=root); run as root" >&2; exit 3; }

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log" "$dir/run"
# munged refuses a key or socket folder that others can write or read; it runs as the munge user.
chmod 755 "$dir" "$dir/run" "$dir/log"
chmod 700 "$dir/munge"
[ -f "$dir/munge/munge.key" ] || mungekey --create --keyfile="$dir/munge/munge.key" >/dev/null
chmod 600 "$dir/munge/munge.key"
chown -R munge:munge "$dir/munge"
socket_dir="$dir/munge"
socket="$socket_dir/munge.socket"

runuser -u munge -- /usr/sbin/munged --key-file="$dir/munge/munge.key" --socket="$socket" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" --force
for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done
[ -S "$socket" ] || { echo "error: munged did not create $socket; see $dir/munge/munged.log" >&2; exit 3; }
cp "$dir/munge/munged.pid" "$dir/run/munged.pid"

port=${SPECTRA_SLURM_PORT:-6817}
node_line=$(slurmd -C | head -n 1)
node=$(sed -E 's/^NodeName=([^ ]+).*/\1/' <<<"$node_line")
layout=$(sed -E 's/^NodeName=[^ ]+ //' <<<"$node_line")
cat >"$dir/slurm.conf" <<CONF
ClusterName=spectra-local
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/affinity
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
SchedulerParameters=batch_sched_delay=0
DependencyParameters=kill_invalid_depend
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
MailProg=/bin/true
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$node NodeAddr=127.0.0.1 $layout State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF

export SLURM_CONF="$dir/slurm.conf"
slurmctld -c -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 150); do
  state=$(sinfo -h -N -o '%t' 2>/dev/null | head -n 1 || true)
  [ "$state" = idle ] && { echo "export SLURM_CONF=$SLURM_CONF"; exit 0; }
  sleep 0.2
done
echo "error: the node did not become idle within 30 s (state: ${state:-none}); see $dir/log" >&2
exit 3
