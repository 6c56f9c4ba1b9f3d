#!/usr/bin/env python3
"""Runs the load test with two or more configurations in turn, N times each, and prints the median of each figure.

On a shared machine a figure moves ±30 % from one quarter-hour to the next: alternating the configurations
spreads that drift over all of them. Usage (from the repository, after the Release builds in PERFORMANCE.md):

  python3 bench/alternate.py --runs 5 --out /tmp/runs \
      "sqlite=--start --clients 32 --counter-clients 4" \
      "postgres=--start --provider Postgres --clients 32 --counter-clients 4"

Each configuration is NAME=ARGS (the load test's own arguments; ENV=VALUE words before them go into the
server's environment). The JSON of every run is kept in --out.
"""
import argparse, json, os, shlex, subprocess, sys, time

from runstats import cpu_seconds, describe, pids_named, print_medians

DLL = "bench/ServiceHall.LoadTest/bin/Release/net10.0/ServiceHall.LoadTest.dll"


def figures(report, pg_cores):
    ops = {o["operation"]: o for o in report["operations"]}
    row = {
        "issue/s": ops.get("issue", {}).get("opsPerSecond"),
        "issue p99 ms": ops.get("issue", {}).get("p99Ms"),
        "call-next/s": ops.get("call-next", {}).get("opsPerSecond"),
        "call-next p99 ms": ops.get("call-next", {}).get("p99Ms"),
        "server cores": report["cpuCoresBusy"]["server"],
        "server CPU ms/ticket": report.get("serverCpuMsPerIssue"),
        "postgres cores": pg_cores,
        "load avg before": report["machine"]["loadAverageBefore"],
    }
    fan = report.get("fanout")
    if fan:
        row["call→display p99 ms"] = fan["callToDisplay"]["p99Ms"]
        row["call→phone p99 ms"] = fan["callToPhone"]["p99Ms"]
        row["display calls missed"] = fan["displayCallsMissed"]
    if report.get("serverBytesPerConnection") is not None:
        row["server bytes/connection"] = report["serverBytesPerConnection"]
    return row


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default="/tmp/servicehall-runs")
    parser.add_argument("configs", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    configs = [c.split("=", 1) for c in args.configs]
    results = {name: [] for name, _ in configs}
    for run in range(args.runs):
        for name, argline in configs:
            words = shlex.split(argline)
            env = dict(os.environ)
            while words and "=" in words[0] and not words[0].startswith("-"):
                key, value = words.pop(0).split("=", 1)
                env[key] = value
            path = os.path.join(args.out, f"{name}-{run + 1}.json")
            pg_before, started = cpu_seconds(pids_named("postgres")), time.monotonic()
            done = subprocess.run(["dotnet", DLL, *words, "--json", path], env=env, capture_output=True, text=True)
            pg_cores = (cpu_seconds(pids_named("postgres")) - pg_before) / (time.monotonic() - started)
            if done.returncode != 0 or not os.path.exists(path):
                print(f"{name} run {run + 1} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}", file=sys.stderr)
                continue
            with open(path) as f:
                row = figures(json.load(f), round(pg_cores, 2))
            results[name].append(row)
            print(f"{name} run {run + 1}: {describe(row)}", flush=True)
    print_medians(results)
    print("(postgres cores: the postgres processes' CPU over the whole run, start and warm-up included)")


if __name__ == "__main__":
    main()
