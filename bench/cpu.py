"""CPU seconds per unit of work, the bench's yardstick on this noisy 2-core VM (issue 27): utime + stime
of /proc/PID/stat count neither the host's steal nor waiting, so they hold still where wall time moves
by a third between runs. The server is its JVM; PostgreSQL is every process of the postgres user plus
what its ended backends used (their parent's cutime + cstime: the postmaster waits for each backend, so
a psql session's CPU is counted after it exits too). Python's standard library only."""
import contextlib
import os
import subprocess
import time

TICK = os.sysconf("SC_CLK_TCK")


def _times(pid):
    """utime, stime, cutime, cstime of a process, in clock ticks (fields 14 to 17 of its stat)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
    return [int(value) for value in fields[11:15]]


def process_seconds(pid):
    user, system, _, _ = _times(pid)
    return (user + system) / TICK


def postgres_seconds():
    listed = subprocess.run(["pgrep", "-u", "postgres"], capture_output=True, text=True).stdout.split()
    ticks = 0
    for pid in listed:
        try:
            ticks += sum(_times(pid))
        except FileNotFoundError:
            pass  # ended since the listing: its parent's cutime holds it once reaped
    return ticks / TICK


class Spent:
    """What one measured step cost: wall seconds, the server's CPU seconds (its idle timers' share over
    the same wall time taken off), PostgreSQL's CPU seconds."""

    def __init__(self):
        self.wall = self.server = self.postgres = 0.0


class CpuMeter:
    def __init__(self, server_pid):
        self.pid = server_pid
        self.idle = 0.0  # the server's CPU seconds per wall second with nothing to do (its timers)

    def measure_idle(self, seconds=3.0):
        """The server's own background CPU, taken off every figure: measured with nothing running."""
        start, cpu = time.perf_counter(), process_seconds(self.pid)
        time.sleep(seconds)
        self.idle = (process_seconds(self.pid) - cpu) / (time.perf_counter() - start)
        return self.idle

    @contextlib.contextmanager
    def step(self):
        spent = Spent()
        wall, server, postgres = time.perf_counter(), process_seconds(self.pid), postgres_seconds()
        yield spent
        spent.wall = time.perf_counter() - wall
        spent.server = max(0.0, process_seconds(self.pid) - server - self.idle * spent.wall)
        spent.postgres = postgres_seconds() - postgres


def spread(values, scale=1.0, digits=2):
    """min–max of the values (the noise a verdict must exceed), scaled, as text."""
    low, high = min(values) * scale, max(values) * scale
    return f"{low:.{digits}f}" if round(low, digits) == round(high, digits) else f"{low:.{digits}f}–{high:.{digits}f}"
