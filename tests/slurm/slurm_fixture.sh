#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A throwaway single-node Slurm for the `slurm` tests: munged, slurmctld and slurmd as root on
# localhost, everything (config, keys, state, spool, logs, pid files) under one folder and nothing in
# /etc touched; no systemd and no cgroups (proctrack/linuxproc, task/none), accounting off.
#   slurm_fixture.sh start DIR   writes DIR/slurm.conf, starts the daemons, waits for the node to be
#                                idle; prints `SLURM_CONF=DIR/slurm.conf`. Exit 77 with the reason on
#                                stderr when Slurm cannot run here (not installed, not root, ...).
#   slurm_fixture.sh stop DIR    stops the daemons by the PIDs in their pid files.
# Ports: two from 17000-24999 picked by this script's pid (SEQSCOPE_SLURM_PORT_BASE to choose), clear of
# a real installation's 6817/6818 and of a fixture left behind by a killed test.
set -uo pipefail

skip() { echo "slurm fixture: $*" >&2; exit 77; }

cmd="${1:-}"
dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

stop_daemons() {
  local name pid
  for name in slurmd slurmctld munged; do
    [ -f "$dir/run/$name.pid" ] || continue
    pid="$(cat "$dir/run/$name.pid" 2>/dev/null)"
    [ -n "$pid" ] || continue
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}

if [ "$cmd" = stop ]; then
  stop_daemons
  exit 0
fi
[ "$cmd" = start ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

for tool in munged mungekey slurmctld slurmd sbatch squeue scontrol scancel sinfo; do
  command -v "$tool" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" command -v "$tool" >/dev/null 2>&1 \
    || skip "'$tool' is not installed (apt-get install slurmctld slurmd slurm-client munge)"
done
export PATH="$PATH:/usr/sbin:/sbin"
[ "$(id -u)" -eq 0 ] || skip "the daemons must run as root here (SlurmdUser=root), and this is uid $(id -u)"

host="$(hostname -s)"
cpus="$(nproc)"
mem_mib=$(( $(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo) - 1024 ))
[ "$mem_mib" -gt 512 ] || mem_mib=512
base="${SEQSCOPE_SLURM_PORT_BASE:-$((17000 + 2 * ($$ % 4000)))}"

mkdir -p "$dir"/{munge,state,spool,log,run} || skip "cannot create $dir"
chmod 700 "$dir/munge"
rm -f "$dir/munge/munge.key"
mungekey -c -k "$dir/munge/munge.key" -f >/dev/null 2>&1 || skip "mungekey failed"
chmod 400 "$dir/munge/munge.key"
munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.sock" --pid-file="$dir/run/munged.pid" \
  --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munge.seed" -f >/dev/null 2>&1 \
  || skip "munged did not start: $(tail -3 "$dir/log/munged.log" 2>/dev/null)"

cat >"$dir/slurm.conf" <<CONF
ClusterName=seqscope-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$base
SlurmdPort=$((base + 1))
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.sock
CryptoType=crypto/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
ReturnToService=2
MinJobAge=600
KillWait=10
InactiveLimit=0
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mib State=UNKNOWN
PartitionName=cpu Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"

slurmctld -f "$SLURM_CONF" >"$dir/log/slurmctld.out" 2>&1 || { stop_daemons; skip "slurmctld did not start: $(tail -3 "$dir/log/slurmctld.log" 2>/dev/null)"; }
slurmd -f "$SLURM_CONF" >"$dir/log/slurmd.out" 2>&1 || { stop_daemons; skip "slurmd did not start: $(tail -3 "$dir/log/slurmd.log" 2>/dev/null)"; }

state=""
for _ in $(seq 60); do
  state="$(sinfo -h -N -o '%T' 2>/dev/null | head -1)"
  [ "$state" = idle ] && break
  sleep 0.5
done
if [ "$state" != idle ]; then
  why="node state '${state:-unknown}' after 30 s: $(tail -2 "$dir/log/slurmd.log" 2>/dev/null | tr '\n' ' ')"
  stop_daemons
  skip "$why"
fi
echo "SLURM_CONF=$SLURM_CONF"
