"""Runs the bulk-import benchmark and prints its table (see ../import-benchmark.sh).

Starts the release sandbox on a free loopback port (no dialer, no seeded contacts), then
for each run: resets it, creates an Anyreach campaign, imports a generated CSV into it as a
child process, measures the child's wall time, CPU time (user + sys, from wait4) and peak
RSS, and checks that the campaign holds every contact."""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate_contacts  # noqa: E402

ACCOUNT = "sandbox-anyreach"
SMALL = 100_000


class Sandbox:
    def __init__(self, switchboard: str, work: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.config = work / "sandbox.toml"
        self.log = open(work / "sandbox.log", "w")
        self.process = subprocess.Popen(
            [switchboard, "sandbox", "--port", str(self.port), "--no-dialer", "--contacts", "0",
             "--write-config", str(self.config)],
            stdout=self.log, stderr=subprocess.STDOUT)
        self.root = f"http://127.0.0.1:{self.port}"
        self.base = self.root + "/anyreach"
        deadline = time.monotonic() + 60
        while not self.config.exists() or self.config.stat().st_size == 0:
            if self.process.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"the sandbox did not start; see {self.log.name}")
            time.sleep(0.05)
        self.token = tomllib.loads(self.config.read_text())["accounts"][ACCOUNT]["token"]

    def call(self, method: str, path: str, body=None) -> dict:
        request = urllib.request.Request(
            self.root + path, method=method, data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=300) as answer:
            return json.loads(answer.read() or b"{}")

    def fresh_campaign(self) -> str:
        self.call("POST", "/_sandbox/reset")
        return self.call("POST", "/anyreach/campaign/campaigns", {"name": "Benchmark import"})["id"]

    def contact_count(self, campaign: str) -> int:
        return self.call("GET", f"/anyreach/campaign/campaigns/{campaign}/contacts?limit=1")["total"]

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait()


def measured(command: list, env: dict, log: Path) -> dict:
    """Runs `command` to the end; its wall time, CPU seconds and peak RSS (MB)."""
    with open(log, "w") as output:
        started = time.monotonic()
        child = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{command[0]} failed ({os.waitstatus_to_exitcode(status)}): see {log}\n{log.read_text()[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024}


def run(name: str, rows: int, command, sandbox: Sandbox, work: Path, env: dict) -> dict:
    campaign = sandbox.fresh_campaign()
    sandbox_cpu = sandbox.cpu_seconds()
    result = measured(command(campaign), env, work / f"{name.split()[0]}-{rows}.log")
    result["sandbox"] = sandbox.cpu_seconds() - sandbox_cpu
    stored = sandbox.contact_count(campaign)
    if stored != rows:
        sys.exit(f"{name}: the campaign holds {stored} contacts after importing {rows}")
    return {"name": name, "rows": rows, **result}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--switchboard", required=True)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=1,
                        help="run the two importers this many times, alternating, at the largest size; "
                             "the targets use each one's median (the machine is shared and noisy)")
    arguments = parser.parse_args()
    switchboard = str(Path(arguments.switchboard).resolve())
    sizes = sorted({min(SMALL, arguments.rows), arguments.rows})

    with tempfile.TemporaryDirectory(prefix="switchboard-bench-") as directory:
        work = Path(directory)
        files = {}
        for rows in sizes:
            files[rows] = work / f"contacts-{rows}.csv"
            generate_contacts.write(str(files[rows]), rows)
        sandbox = Sandbox(switchboard, work)
        try:
            results = []
            largest = sizes[-1]

            def ours(rows: int, data: str) -> dict:
                env = dict(os.environ, SWITCHBOARD_CONFIG=str(sandbox.config), SWITCHBOARD_DATA=str(work / data))
                return run(
                    "switchboard contacts upsert", rows,
                    lambda campaign: [switchboard, "contacts", "upsert", campaign, "--file", str(files[rows]),
                                      "--account", ACCOUNT],
                    sandbox, work, env)

            for rows in sizes[:-1]:
                results.append(ours(rows, f"data-{rows}"))
            # The two importers take turns, so a noisy spell of the machine falls on both.
            for round in range(max(1, arguments.rounds)):
                results.append(ours(largest, f"data-{largest}-{round}"))
                results.append(run(
                    "python csv + requests", largest,
                    lambda campaign: [sys.executable, str(HERE / "reference_import.py"), str(files[largest]),
                                      sandbox.base, sandbox.token, campaign],
                    sandbox, work, dict(os.environ)))
        finally:
            sandbox.stop()
        report(results, bytes_per_row=files[largest].stat().st_size / largest)


def report(results: list, bytes_per_row: float) -> None:
    print(f"Bulk import into the sandbox on loopback: one Anyreach campaign, batches of 1000, "
          f"{bytes_per_row:.0f} bytes per CSV row, {os.cpu_count()} cores")
    print(f"{'importer':<28}{'rows':>10}{'wall s':>9}{'contacts/s':>12}{'CPU s':>8}"
          f"{'CPU µs/contact':>16}{'peak RSS MB':>13}{'sandbox CPU s':>15}")
    for r in results:
        print(f"{r['name']:<28}{r['rows']:>10,}{r['wall']:>9.2f}{r['rows'] / r['wall']:>12,.0f}{r['cpu']:>8.2f}"
              f"{r['cpu'] / r['rows'] * 1e6:>16.2f}{r['rss']:>13.1f}{r['sandbox']:>15.2f}")
    largest = max(r["rows"] for r in results)
    ours = [r for r in results if r["name"].startswith("switchboard") and r["rows"] == largest]
    scripts = [r for r in results if r["name"].startswith("python")]
    small = results[0]

    def median(runs: list) -> dict:
        return sorted(runs, key=lambda r: r["cpu"])[len(runs) // 2]

    big, script = median(ours), median(scripts)
    per_contact = big["cpu"] / big["rows"] * 1e6
    ratio = (script["cpu"] / script["rows"]) / (big["cpu"] / big["rows"])
    if len(ours) > 1:
        pairs = ", ".join(f"{s['cpu'] / o['cpu']:.1f}x" for o, s in zip(ours, scripts))
        print(f"CPU per contact, python / switchboard, round by round: {pairs}")
        print(f"medians of {len(ours)} rounds: switchboard {per_contact:.2f} µs, "
              f"python {script['cpu'] / script['rows'] * 1e6:.2f} µs")
    print(f"CPU per contact, python / switchboard: {ratio:.1f}x")
    print("targets:")
    checks = [
        (f"importer CPU <= 1/5 of the script's ({ratio:.1f}x less)", ratio >= 5),
        (f"importer CPU <= 1 µs per contact ({per_contact:.2f} µs)", per_contact <= 1),
        (f"peak RSS <= 64 MB ({big['rss']:.1f} MB)", big["rss"] <= 64),
        (f"RSS flat from {small['rows']:,} to {big['rows']:,} rows ({small['rss']:.1f} -> {big['rss']:.1f} MB)",
         big["rss"] <= small["rss"] * 1.25 + 4),
        (f"{big['rows']:,} rows in <= 15 s wall ({big['wall']:.1f} s)",
         big["wall"] <= 15 * big["rows"] / 1_000_000),
    ]
    for text, met in checks:
        print(f"  {'met   ' if met else 'missed'}  {text}")


if __name__ == "__main__":
    main()
