#!/usr/bin/env python3
"""One node against two behind nginx, on PostgreSQL with the Redis relay, alternated; prints medians.

Each run starts a fresh database, the nodes (Release build, Production, demo hall), and nginx with a configuration
of its own on loopback, then runs the load test against nginx. nginx balances round robin here: the load test comes
from one address, which ip_hash (the operator's guide, for Blazor circuits) would send to one node; its API calls
carry tokens and need no stickiness. Usage (after the Release builds in docs/PERFORMANCE.md; PostgreSQL, Redis
and nginx running or installed as ./test.sh leaves them):

  python3 bench/cluster.py --runs 5 [--load "--clients 32 --counter-clients 4 --warmup 30 --seconds 20"]
"""
import argparse, json, os, shlex, socket, subprocess, tempfile, time, urllib.request

from runstats import cpu_seconds, describe, pids_named, print_medians

WEB = "src/ServiceHall.Web/bin/Release/net10.0/ServiceHall.Web.dll"
LOAD = "bench/ServiceHall.LoadTest/bin/Release/net10.0/ServiceHall.LoadTest.dll"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url, limit=120):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url + "/health/ready", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(url + " did not become ready")


def run(nodes, load_args, out_dir, index):
    work = tempfile.mkdtemp(prefix="servicehall-cluster-")
    stamp = time.strftime("%Y%m%d%H%M%S")
    env = dict(os.environ,
               ASPNETCORE_ENVIRONMENT="Production", Demo__Seed="true", Database__Provider="Postgres",
               ConnectionStrings__Postgres=f"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=servicehall_cluster_{stamp}",
               Realtime__Redis="127.0.0.1:6379", KeyProtection__KeyFile=os.path.join(work, "keys", "keyring.key"),
               ReverseProxy__KnownProxies__0="127.0.0.1")
    procs, ports = [], []
    try:
        for n in range(nodes):
            port = free_port()
            ports.append(port)
            log = open(os.path.join(work, f"node{n + 1}.log"), "w")
            procs.append(subprocess.Popen(["dotnet", os.path.abspath(WEB)], cwd=os.path.dirname(os.path.abspath(WEB)),
                                          env=dict(env, ASPNETCORE_URLS=f"http://127.0.0.1:{port}", Node__Name=f"node{n + 1}"),
                                          stdout=log, stderr=subprocess.STDOUT))
            wait_ready(f"http://127.0.0.1:{port}")  # one after the other: the first migrates and seeds
        nginx_port = free_port()
        servers = "\n".join(f"        server 127.0.0.1:{p};" for p in ports)
        os.makedirs(os.path.join(work, "temp"))
        with open(os.path.join(work, "nginx.conf"), "w") as f:
            f.write(f"""{'user root;' if os.geteuid() == 0 else ''}
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {work}/temp/body; proxy_temp_path {work}/temp/proxy; fastcgi_temp_path {work}/temp/fastcgi;
    uwsgi_temp_path {work}/temp/uwsgi; scgi_temp_path {work}/temp/scgi;
    map $http_upgrade $connection_upgrade {{ default upgrade; '' ''; }}
    upstream servicehall {{
{servers}
        keepalive 64;
    }}
    server {{
        listen 127.0.0.1:{nginx_port};
        location / {{
            proxy_pass http://servicehall;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 1h;
        }}
    }}
}}
""")
        nginx = subprocess.Popen(["nginx", "-c", os.path.join(work, "nginx.conf"), "-p", work, "-g", "daemon off;"])
        procs.append(nginx)
        time.sleep(1)
        path = os.path.join(out_dir, f"nodes{nodes}-{index}.json")
        watched = [str(p.pid) for p in procs[:-1]]
        before_nodes, before_nginx, before_pg, started = cpu_seconds(watched), cpu_seconds(pids_named("nginx")), cpu_seconds(pids_named("postgres")), time.monotonic()
        done = subprocess.run(["dotnet", LOAD, "--url", f"http://127.0.0.1:{nginx_port}", *shlex.split(load_args), "--json", path],
                              capture_output=True, text=True)
        elapsed = time.monotonic() - started
        if done.returncode != 0:
            raise RuntimeError(done.stdout[-3000:] + done.stderr[-2000:])
        with open(path) as f:
            report = json.load(f)
        ops = {o["operation"]: o for o in report["operations"]}
        issued = ops["issue"]["count"]
        seconds = report["configuration"]["measuredSeconds"]
        node_cores = (cpu_seconds(watched) - before_nodes) / elapsed
        return {
            "issue/s": ops["issue"]["opsPerSecond"],
            "issue p99 ms": ops["issue"]["p99Ms"],
            "call-next/s": ops.get("call-next", {}).get("opsPerSecond"),
            "call-next p99 ms": ops.get("call-next", {}).get("p99Ms"),
            "nodes' cores (whole run)": node_cores,
            "nginx cores (whole run)": (cpu_seconds(pids_named("nginx")) - before_nginx) / elapsed,
            "postgres cores (whole run)": (cpu_seconds(pids_named("postgres")) - before_pg) / elapsed,
            "load avg before": report["machine"]["loadAverageBefore"],
        }
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"DROP DATABASE IF EXISTS servicehall_cluster_{stamp} WITH (FORCE)"],
                       env=dict(os.environ, PGPASSWORD="postgres"), capture_output=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default="/tmp/servicehall-cluster-runs")
    parser.add_argument("--load", default="--clients 32 --counter-clients 4 --warmup 30 --seconds 20")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    results = {1: [], 2: []}
    for i in range(args.runs):
        for nodes in (1, 2):
            row = run(nodes, args.load, args.out, i + 1)
            results[nodes].append(row)
            print(f"{nodes} node(s) run {i + 1}: {describe(row)}", flush=True)
    print_medians({"one node": results[1], "two nodes": results[2]})

if __name__ == "__main__":
    main()
