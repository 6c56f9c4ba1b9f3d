"""What bench/alternate.py and bench/cluster.py share: processes' CPU time from /proc, and a table of medians."""
import os, statistics

TICK = os.sysconf("SC_CLK_TCK")


def pids_named(name):
    """The processes whose command name starts with name (postgres, nginx)."""
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/comm") as f:
                if f.read().startswith(name):
                    pids.append(pid)
        except OSError:
            pass
    return pids


def cpu_seconds(pids):
    """CPU seconds the processes have used so far, with those of their children that have exited (a postgres
    backend that closes is counted in the postmaster's children's time)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15]) / TICK
        except OSError:
            pass
    return total


def describe(row):
    return ", ".join(f"{k} {v:.3g}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items() if v is not None)


def print_medians(results):
    """results: column name → the rows of its runs (figure → value); one line per figure, the median per column."""
    print("\nMedians (runs alternated):")
    print("| figure | " + " | ".join(str(name) for name in results) + " |")
    print("| --- |" + " ---: |" * len(results))
    for key in dict.fromkeys(k for rows in results.values() for r in rows for k in r):
        cells = []
        for rows in results.values():
            values = [r[key] for r in rows if isinstance(r.get(key), (int, float))]
            cells.append(f"{statistics.median(values):.3g}" if values else "")
        print(f"| {key} | " + " | ".join(cells) + " |")
