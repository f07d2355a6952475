#!/usr/bin/env python3
"""The console benchmark (not a test): drives the release `switchboard` console on a real
pseudo-terminal (120x40, TERM=xterm-256color) against the vendor sandbox running as a
separate process, and prints one table of figures.

Frames are found with the console's frame signal: with SWITCHBOARD_FRAME_FD=N the console
writes one byte to descriptor N right after each frame has been written to the terminal
(`F` complete, `P` while contact rows are still being read from the store). A frame's time
is when its last byte was read from the pty master (the driver drains the master for 3 ms
after the signal, and that wait is not counted). Bytes are everything read from the master.

Run through Benchmarks/console-benchmark.sh, which builds the release binary first.
"""

import argparse
import fcntl
import gc
import http.client
import http.server
import json
import os
import re
import select
import shutil
import signal
import socketserver
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time

COLUMNS, ROWS = 120, 40
ACCOUNT = "sandbox-anyreach"
CAMPAIGN_NAME = "Spring outreach"
DRAIN = 0.003  # seconds the driver keeps reading after a frame signal (not counted)

KEY_DOWN = b"j"
KEY_PGDN = b"\x1b[6~"
CTRL_L = b"\x0c"


def log(message):
    print(f"[console-benchmark] {message}", file=sys.stderr, flush=True)


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


# ---------------------------------------------------------------------------- sandbox


class Sandbox:
    """`switchboard sandbox` in its own process (its dialer's CPU is not the console's)."""

    def __init__(self, binary, work):
        self.config = os.path.join(work, "sandbox-accounts.toml")
        self.output = open(os.path.join(work, "sandbox.log"), "w")
        self.process = subprocess.Popen(
            [binary, "sandbox", "--port", "0", "--time-scale", "10", "--write-config", self.config],
            stdout=subprocess.PIPE, stderr=self.output, env=dict(os.environ, SWITCHBOARD_DATA=os.path.join(work, "sandbox-data")),
        )
        line = self.process.stdout.readline().decode()
        match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if not match:
            raise SystemExit(f"sandbox did not start: {line!r}")
        self.port = int(match.group(1))
        threading.Thread(target=self._discard, daemon=True).start()
        deadline = time.time() + 10
        while not os.path.exists(self.config) and time.time() < deadline:
            time.sleep(0.05)
        text = open(self.config).read()
        block = re.search(r"\[accounts\.sandbox-anyreach\]\n(.*?)\n\n", text, re.S).group(1)
        self.token = re.search(r'token = "([^"]+)"', block).group(1)

    def _discard(self):
        for _ in self.process.stdout:
            pass

    def get(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", path, headers={"Authorization": f"Bearer {self.token}"})
        answer = connection.getresponse()
        body = answer.read()
        connection.close()
        return json.loads(body)

    def campaign_id(self, name):
        answer = self.get("/anyreach/campaign/campaigns?limit=100")
        campaigns = answer["campaigns"] if isinstance(answer, dict) else answer
        for campaign in campaigns:
            if campaign["name"] == name:
                return campaign["id"]
        raise SystemExit(f"no campaign named {name!r} in the sandbox")

    def accounts_file(self, path, port=None):
        with open(path, "w") as file:
            file.write(
                "[accounts.sandbox-anyreach]\n"
                'vendor = "anyreach"\n'
                f'base_url = "http://127.0.0.1:{port or self.port}/anyreach"\n'
                f'token = "{self.token}"\n'
                'default_country_code = "+1"\n'
            )
        os.chmod(path, 0o600)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class StatsProxy:
    """An HTTP proxy in front of the sandbox that forwards everything, except that the
    stats of one campaign can be pinned: the first answer is kept and served again with
    chosen counts, so exactly one counter changes when the benchmark says so."""

    def __init__(self, sandbox_port, campaign_id):
        proxy = self
        self.sandbox_port = sandbox_port
        self.stats_path = f"/anyreach/campaign/campaigns/{campaign_id}/stats"
        self.concurrency_path = "/anyreach/campaign/concurrency-settings"
        self.concurrency_answer = None
        self.lock = threading.Lock()
        self.template = None
        self.completed_bonus = 0
        self.increment_each_request = False
        self.request_times = []
        self.delay = 0.0  # seconds added to the pinned stats answer (a slower vendor)

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                self._forward("GET")

            def do_POST(self):
                self._forward("POST")

            def do_PUT(self):
                self._forward("PUT")

            def do_DELETE(self):
                self._forward("DELETE")

            def _forward(self, method):
                arrived = time.perf_counter()
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                upstream = http.client.HTTPConnection("127.0.0.1", proxy.sandbox_port, timeout=30)
                upstream.request(method, self.path, body=body, headers=headers)
                answer = upstream.getresponse()
                data = answer.read()
                status = answer.status
                content_type = answer.getheader("Content-Type", "application/json")
                upstream.close()
                if method == "GET" and self.path.split("?")[0] == proxy.stats_path and status == 200:
                    data = proxy._pinned(data, arrived)
                    if proxy.delay:
                        time.sleep(proxy.delay)
                elif method == "GET" and self.path.split("?")[0] == proxy.concurrency_path and status == 200:
                    # The account's concurrency setting and active calls, read with each
                    # stats refresh: pinned too, so only the chosen counter moves.
                    with proxy.lock:
                        proxy.concurrency_answer = proxy.concurrency_answer or data
                        data = proxy.concurrency_answer
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _pinned(self, data, arrived):
        with self.lock:
            self.request_times.append(arrived)
            if os.environ.get("CONSOLE_BENCH_DUMP"):
                log(f"  stats request answered by the sandbox in {(time.perf_counter() - arrived) * 1000:.1f} ms")
            if self.template is None:
                self.template = json.loads(data)
                # A quiet campaign: nothing in flight, so only the chosen counter moves.
                contacts = self.template["contacts"]
                contacts["pending"] += contacts["locked"] + contacts["in_progress"]
                contacts["locked"] = contacts["in_progress"] = 0
                self.template["active_calls"] = 0
            if self.increment_each_request:
                self.completed_bonus += 1
            answer = json.loads(json.dumps(self.template))
            answer["contacts"]["completed"] += self.completed_bonus
            return json.dumps(answer).encode()

    def stop(self):
        self.server.shutdown()


# ---------------------------------------------------------------------------- store


def create_store(binary, directory):
    """The schema as the migrations create it (any command that opens the store)."""
    subprocess.run([binary, "journal", "list"], env=dict(os.environ, SWITCHBOARD_DATA=directory),
                   stdout=subprocess.DEVNULL, check=True)


def seed_contacts(directory, campaign_id, count):
    """`count` cached contacts for one campaign, written with sqlite3 into the `contact`
    table the migrations made; the `contact` column holds the JSON `Contact.jsonText`
    writes (what the console decodes)."""
    connection = sqlite3.connect(os.path.join(directory, "switchboard.sqlite"))
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("PRAGMA synchronous = OFF")
    # As the store's own connections: the contact tally's trigger keeps its statement journal in memory.
    connection.execute("PRAGMA temp_store = MEMORY")
    first_names = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Niklaus"]
    last_names = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Wirth"]
    statuses = [("pending", "pending")] * 6 + [("completed", "completed"), ("exhausted", "exhausted"), ("error", "failed")]

    def rows():
        for index in range(count):
            vendor_id = f"bench-{index:07d}"
            first = first_names[index % 10]
            last = last_names[(index // 10) % 10]
            email = f"{first.lower()}.{last.lower()}.{index}@example.com"
            phone = f"+1415{index % 10_000_000:07d}"
            raw, normalized = statuses[index % len(statuses)]
            attempts = index % 4
            contact = (
                f'{{"vendorID":"{vendor_id}","externalID":"crm-{index}","firstName":"{first}",'
                f'"lastName":"{last}","email":"{email}","phoneNumbers":["{phone}"],'
                f'"status":{{"raw":"{raw}","normalized":"{normalized}"}},"attemptCount":{attempts},'
                f'"data":{{"plan":"pro"}},"timezone":"America/New_York"}}'
            )
            yield (ACCOUNT, campaign_id, "id:" + vendor_id, vendor_id, f"crm-{index}", email, phone, raw, contact)

    with connection:
        connection.executemany(
            "INSERT INTO contact (account, campaignID, key, vendorID, externalID, email, phone, status, contact) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()


# ---------------------------------------------------------------------------- console


class Console:
    """The release console on a pty slave; a reader thread timestamps every chunk read
    from the master and every frame signal."""

    def __init__(self, binary, config, data, extra_args=()):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.signal_read, signal_write = os.pipe()
        env = dict(os.environ)
        env.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", SWITCHBOARD_CONFIG=config,
                   SWITCHBOARD_DATA=data, SWIFT_BACKTRACE="interactive=no", SWITCHBOARD_FRAME_FD=str(signal_write))
        env.pop("NO_COLOR", None)
        self.events = []  # (kind, time, bytes): kind "o" output, "F"/"P" frame signals
        self.condition = threading.Condition()
        self.closed = False
        self.stderr = open(os.path.join(data, "console-stderr.log"), "ab")
        self.started = time.perf_counter()
        self.process = subprocess.Popen([binary, *extra_args], stdin=slave, stdout=slave, stderr=self.stderr,
                                        env=env, pass_fds=(signal_write,), start_new_session=True)
        os.close(slave)
        os.close(signal_write)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        descriptors = [self.master, self.signal_read]
        while descriptors:
            ready, _, _ = select.select(descriptors, [], [])
            now = time.perf_counter()
            for descriptor in ready:
                try:
                    data = os.read(descriptor, 65536)
                except OSError:
                    data = b""
                if not data:
                    descriptors.remove(descriptor)
                    continue
                with self.condition:
                    if descriptor == self.master:
                        self.events.append(("o", now, data))
                    else:
                        for byte in data:
                            self.events.append((chr(byte), now, b""))
                    self.condition.notify_all()
        with self.condition:
            self.closed = True
            self.condition.notify_all()

    def mark(self):
        with self.condition:
            return len(self.events)

    def wait_for(self, start, predicate, timeout):
        """The index of the first event from `start` matching, or None after `timeout`."""
        deadline = time.perf_counter() + timeout
        with self.condition:
            index = start
            while True:
                while index < len(self.events):
                    if predicate(self.events[index]):
                        return index
                    index += 1
                remaining = deadline - time.perf_counter()
                if remaining <= 0 or self.closed:
                    return None
                self.condition.wait(remaining)

    def wait_quiet(self, quiet, timeout=30):
        """Waits until nothing arrived for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self.condition:
                last = self.events[-1][1] if self.events else self.started
            idle = time.perf_counter() - last
            if idle >= quiet:
                return True
            time.sleep(quiet - idle)
        return False

    def output_between(self, start, end):
        with self.condition:
            return b"".join(e[2] for e in self.events[start:end] if e[0] == "o")

    def bytes_in_time(self, t0, t1):
        with self.condition:
            return sum(len(e[2]) for e in self.events if e[0] == "o" and t0 <= e[1] < t1)

    def frames_in_time(self, t0, t1):
        """The bytes of each frame whose signal arrived in [t0, t1)."""
        sizes, pending = [], 0
        with self.condition:
            for kind, at, data in self.events:
                if not t0 <= at < t1:
                    continue
                if kind == "o":
                    pending += len(data)
                else:
                    sizes.append(pending)
                    pending = 0
        return sizes

    def frame_end(self, signal_index):
        """After a frame signal: drain for DRAIN seconds, then the time the frame's last
        byte was read and the index after it."""
        time.sleep(DRAIN)
        with self.condition:
            signal_time = self.events[signal_index][1]
            end, index = signal_time, signal_index + 1
            while index < len(self.events) and self.events[index][0] == "o" and self.events[index][1] <= signal_time + DRAIN:
                end = self.events[index][1]
                index += 1
            return end, index

    def press(self, keys, timeout=10):
        """Writes `keys`; returns (ms to the first frame, ms to the complete frame, bytes)."""
        start = self.mark()
        t0 = time.perf_counter()
        os.write(self.master, keys)
        first = self.wait_for(start, lambda e: e[0] in "FP", timeout)
        complete = self.wait_for(start, lambda e: e[0] == "F", timeout)
        if first is None or complete is None:
            raise RuntimeError(f"no frame within {timeout}s after {keys!r}")
        complete_end, after = self.frame_end(complete)
        # A first frame followed by the complete one: its end is its signal (the output
        # read after it may already be the next frame's).
        first_end = complete_end if first == complete else self.events[first][1]
        return (first_end - t0) * 1000, (complete_end - t0) * 1000, len(self.output_between(start, after))

    def type(self, text, settle=0.3):
        for character in text:
            os.write(self.master, character.encode())
            time.sleep(0.01)
        self.wait_quiet(settle)

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as file:
            fields = file.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime (fields 14, 15)

    def quit(self):
        if self.process.poll() is None:
            try:
                os.write(self.master, b"q")
            except OSError:
                pass
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.reader.join(5)
        os.close(self.master)
        os.close(self.signal_read)
        self.stderr.close()


# ---------------------------------------------------------------------------- measures


def measure_tick_bytes(binary, sandbox, campaign_id, work):
    """(1) Bytes per stats tick in the campaign view when exactly one counter changes."""
    proxy = StatsProxy(sandbox.port, campaign_id)
    config = os.path.join(work, "proxy-accounts.toml")
    sandbox.accounts_file(config, port=proxy.port)
    data = os.path.join(work, "data-ticks")
    # Fill the sparklines first (60 samples, as after two minutes open), refreshing every
    # 0.2 s, so the ticks measured below are the steady state, not sparklines growing.
    console = Console(binary, config, data, ["--refresh", "0.2"])
    try:
        if console.wait_for(0, lambda e: e[0] == "F", 10) is None:
            raise RuntimeError("no first frame")
        console.wait_quiet(0.3)
        console.type(f":contacts {campaign_id}\r", settle=0.1)
        deadline = time.time() + 60
        while len(proxy.request_times) < 65 and time.time() < deadline:
            time.sleep(0.1)
    finally:
        console.quit()
    with proxy.lock:
        proxy.request_times.clear()
    console = Console(binary, config, data)
    try:
        if console.wait_for(0, lambda e: e[0] == "F", 10) is None:
            raise RuntimeError("no first frame")
        console.wait_quiet(0.5)
        console.type(f":contacts {campaign_id}\r", settle=0.5)

        def wait_requests(count, timeout=30):
            deadline = time.time() + timeout
            while time.time() < deadline:
                with proxy.lock:
                    if len(proxy.request_times) >= count:
                        return
                time.sleep(0.05)
            raise RuntimeError("the console stopped asking for stats")

        def requests():
            with proxy.lock:
                return len(proxy.request_times)

        def tick_bytes(index):
            """Output of stats tick `index`: from 0.5 s before its request to 0.5 s before the next."""
            wait_requests(index + 2)
            console.wait_quiet(0.2)
            with proxy.lock:
                t0, t1 = proxy.request_times[index] - 0.5, proxy.request_times[index + 1] - 0.5
            if os.environ.get("CONSOLE_BENCH_DUMP"):
                with console.condition:
                    for kind, at, data in console.events:
                        if t0 <= at < t1:
                            log(f"  tick {index} +{(at - t0) * 1000:7.1f} ms {kind} {data!r}")
            return console.bytes_in_time(t0, t1), console.frames_in_time(t0, t1)

        # Let samples, the header and the first fetches settle.
        wait_requests(requests() + 3)
        base = requests() - 1
        quiet = [tick_bytes(base + i) for i in range(3)]
        # Exactly one counter changes (completed + 1), then stays.
        with proxy.lock:
            proxy.completed_bonus += 1
            changed_index = len(proxy.request_times)
        changed = tick_bytes(changed_index)
        after = [tick_bytes(changed_index + 1 + i) for i in range(3)]
        # A vendor answering in 150 ms: a tick with nothing new, then one with the change.
        with proxy.lock:
            proxy.delay = 0.15
            slow_base = len(proxy.request_times)
        slow_quiet = tick_bytes(slow_base + 1)
        with proxy.lock:
            proxy.completed_bonus += 1
            slow_index = len(proxy.request_times)
        slow = tick_bytes(slow_index)
        with proxy.lock:
            proxy.delay = 0.0
        # Completed grows by one at every tick (a live campaign).
        with proxy.lock:
            proxy.increment_each_request = True
            growing_index = len(proxy.request_times)
        growing = [tick_bytes(growing_index + i) for i in range(4)][1:]
        with proxy.lock:
            proxy.increment_each_request = False
        # A full redraw of the same view (Ctrl-L: clearok, every cell written again).
        wait_requests(requests() + 1)
        console.wait_quiet(0.3)
        start = console.mark()
        _, _, full = console.press(CTRL_L)
        if os.environ.get("CONSOLE_BENCH_DUMP"):
            with console.condition:
                text = b"".join(e[2] for e in console.events[start:] if e[0] == "o")
            plain = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|[\x00-\x08\x0e-\x1f]", b" ", text)
            log(f"  full redraw, escapes blanked: {plain.decode(errors='replace')!r}")
        return dict(quiet=quiet, changed=changed, after=after, growing=growing, slow=slow, slow_quiet=slow_quiet, full=full)
    finally:
        console.quit()
        proxy.stop()


def measure_idle_cpu(binary, config, data, seconds, campaign_id=None, pause=False):
    """(2) CPU (utime + stime of the console process) over `seconds` of an idle console."""
    console = Console(binary, config, data)
    try:
        if console.wait_for(0, lambda e: e[0] == "F", 10) is None:
            raise RuntimeError("no first frame")
        console.wait_quiet(1.0)
        if campaign_id:
            console.type(f":contacts {campaign_id}\r", settle=1.0)
        if pause:
            console.type("Z", settle=0.5)
        time.sleep(2.5)  # the first refreshes after opening are not idle
        start_cpu, start_time, start_events = console.cpu_seconds(), time.perf_counter(), console.mark()
        time.sleep(seconds)
        cpu, elapsed = console.cpu_seconds() - start_cpu, time.perf_counter() - start_time
        with console.condition:
            frames = sum(1 for e in console.events[start_events:] if e[0] in "FP")
            written = sum(len(e[2]) for e in console.events[start_events:] if e[0] == "o")
        return dict(cpu=cpu, elapsed=elapsed, frames=frames, written=written)
    finally:
        console.quit()


def measure_scrolling(binary, config, data, campaign_id, presses, interval):
    """(3) Keypress to frame while scrolling the cached contacts of one campaign: each key
    is written `interval` seconds after the previous key's frame (a held key repeats at
    about 30 a second; 10 ms is three times faster), and the console's CPU per key is
    read from /proc (independent of how busy the machine is)."""
    console = Console(binary, config, data)
    try:
        if console.wait_for(0, lambda e: e[0] == "F", 10) is None:
            raise RuntimeError("no first frame")
        console.wait_quiet(0.5)
        console.type("Z", settle=0.3)  # paused: no stats tick lands between the keys
        console.type(f":contacts {campaign_id}\r", settle=2.0)
        console.wait_quiet(2.0)  # the first vendor page is cached and the count read again
        series = {}
        gc.disable()  # no collector pause inside a timed keypress

        def run(name, keys, count):
            cpu = console.cpu_seconds()
            results = []
            for _ in range(count):
                time.sleep(interval)
                results.append(console.press(keys))
            cpu = console.cpu_seconds() - cpu
            series.setdefault(name, []).extend((*result, cpu * 1000 / count) for result in results)

        run("j", KEY_DOWN, presses)
        run("PgDn", KEY_PGDN, max(20, presses // 10))
        for _ in range(5):
            run("G (last row)", b"G", 1)
            run("k at the end", b"k", 60)
            run("g (first row)", b"g", 1)
        return series
    finally:
        gc.enable()
        console.quit()


def measure_startup(binary, config, data, runs, label):
    """(4) Spawn to the end of the first frame, and to the first frame listing the
    campaigns (read from the store's cache)."""
    firsts, listed = [], []
    for _ in range(runs):
        console = Console(binary, config, data)
        try:
            first = console.wait_for(0, lambda e: e[0] in "FP", 10)
            if first is None:
                raise RuntimeError("no first frame")
            end, _ = console.frame_end(first)
            firsts.append((end - console.started) * 1000)
            deadline = time.perf_counter() + 10
            seen = None
            while seen is None and time.perf_counter() < deadline:
                index = console.wait_for(first, lambda e: e[0] in "FP", 1)
                while index is not None:
                    if CAMPAIGN_NAME.encode() in console.output_between(0, index):
                        seen = index
                        break
                    index = console.wait_for(index + 1, lambda e: e[0] in "FP", 1)
            if seen is not None:
                end, _ = console.frame_end(seen)
                listed.append((end - console.started) * 1000)
            console.wait_quiet(0.3)
        finally:
            console.quit()
    return label, firsts, listed


# ---------------------------------------------------------------------------- report


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--switchboard", required=True)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--presses", type=int, default=2000)
    parser.add_argument("--key-interval", type=float, default=0.01, help="seconds between a frame and the next key")
    parser.add_argument("--cpu-seconds", type=float, default=60)
    parser.add_argument("--startup-runs", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--only", default="1234", help="which measures to run, e.g. 13")
    options = parser.parse_args()
    binary = os.path.abspath(options.switchboard)
    load_before = os.getloadavg()
    work = tempfile.mkdtemp(prefix="switchboard-console-bench-")
    sandbox = None
    rows = []  # (measure, figure, target, verdict)
    notes = []
    try:
        sandbox = Sandbox(binary, work)
        campaign_id = sandbox.campaign_id(CAMPAIGN_NAME)
        config = os.path.join(work, "accounts.toml")
        sandbox.accounts_file(config)
        big = os.path.join(work, "data-1m")
        small = os.path.join(work, "data-small")
        for directory in (big, small, os.path.join(work, "data-ticks")):
            create_store(binary, directory)
        if "3" in options.only or "4" in options.only or "2" in options.only:
            log(f"seeding {options.contacts:,} cached contacts into {CAMPAIGN_NAME} …")
            started = time.time()
            seed_contacts(big, campaign_id, options.contacts)
            # Write the seeded file out now: its writeback would otherwise slow the console's
            # fsyncs (stats samples) during the first measures.
            os.sync()
            log(f"seeded and synced in {time.time() - started:.1f} s")

        if "1" in options.only:
            log("(1) bytes per stats tick …")
            ticks = measure_tick_bytes(binary, sandbox, campaign_id, work)
            changed_bytes, changed_frames = ticks["changed"]

            def frames(sizes):
                if len(sizes) < 2:
                    return "1 frame" if sizes else "no frame"
                return f"{len(sizes)} frames ({' + '.join(f'{b} B' for b in sizes)})"

            quiet_bytes = statistics.median(b for b, _ in ticks["quiet"])
            after = [b for b, _ in ticks["after"]]
            growing = statistics.median(b for b, _ in ticks["growing"])
            full = ticks["full"]
            rows.append(("1 tick, one counter changes (completed +1)",
                         f"{changed_bytes} B in {frames(changed_frames)}; full redraw {full} B ({full / max(changed_bytes, 1):.0f}x)",
                         "<= 64 B", changed_bytes <= 64))
            rows.append(("1 tick, nothing changes", f"{quiet_bytes:.0f} B (median of {len(ticks['quiet'])})", "", None))
            rows.append(("1 ticks after the change (highlight ends)", ", ".join(f"{b} B" for b in after), "", None))
            rows.append(("1 tick, completed +1 at every tick", f"{growing:.0f} B (median of {len(ticks['growing'])})", "", None))
            slow_bytes, slow_frames = ticks["slow"]
            slow_quiet_bytes, slow_quiet_frames = ticks["slow_quiet"]
            rows.append(("1 vendor answering in 150 ms: tick, nothing changes", f"{slow_quiet_bytes} B in {frames(slow_quiet_frames)}", "", None))
            rows.append(("1 vendor answering in 150 ms: completed +1 again", f"{slow_bytes} B in {frames(slow_frames)} (the sparkline rescales)", "", None))
            rows.append(("1 full-screen redraw of the same view (Ctrl-L)", f"{full} B", "", None))

        if "2" in options.only:
            for label, args in [
                ("campaigns list, live refresh 2 s", dict(data=small)),
                (f"campaign view ({options.contacts:,} cached), live 2 s", dict(data=big, campaign_id=campaign_id)),
                (f"campaign view ({options.contacts:,} cached), paused (Z)", dict(data=big, campaign_id=campaign_id, pause=True)),
            ]:
                log(f"(2) idle CPU over {options.cpu_seconds:.0f} s: {label} …")
                result = measure_idle_cpu(binary, config, seconds=options.cpu_seconds, **args)
                share = result["cpu"] / result["elapsed"] * 100
                rows.append((f"2 idle CPU, {label}",
                             f"{share:.3f} % of a core ({result['cpu'] * 1000:.0f} ms in {result['elapsed']:.0f} s; "
                             f"{result['frames']} frames, {result['written']} B)",
                             "<= 0.2 %", share <= 0.2))

        if "3" in options.only:
            log(f"(3) scrolling {options.contacts:,} cached contacts …")
            series = measure_scrolling(binary, config, big, campaign_id, options.presses, options.key_interval)
            for name, results in series.items():
                first = [r[0] for r in results]
                complete = [r[1] for r in results]
                written = [r[2] for r in results]
                cpu = statistics.mean(r[3] for r in results)
                target = "p99 <= 2 ms" if name == "j" else ""
                verdict = percentile(complete, 0.99) <= 2 if name == "j" else None
                rows.append((f"3 {name} x{len(results)}",
                             f"complete p50 {percentile(complete, 0.5):.2f} / p99 {percentile(complete, 0.99):.2f} / "
                             f"max {max(complete):.2f} ms; first frame p50 {percentile(first, 0.5):.2f} / "
                             f"p99 {percentile(first, 0.99):.2f} ms; {statistics.mean(written):.0f} B/key; "
                             f"console CPU {cpu:.2f} ms/key",
                             target, verdict))

        if "4" in options.only:
            for label, data in [("store without contacts", small), (f"{options.contacts:,} cached contacts", big)]:
                log(f"(4) start to first frame, {label} …")
                _, firsts, listed = measure_startup(binary, config, data, options.startup_runs, label)
                rows.append((f"4 start to first frame, {label}",
                             f"median {statistics.median(firsts):.1f} / max {max(firsts):.1f} ms over {len(firsts)} runs; "
                             f"campaigns listed: median {statistics.median(listed):.1f} ms" if listed else
                             f"median {statistics.median(firsts):.1f} / max {max(firsts):.1f} ms over {len(firsts)} runs",
                             "<= 100 ms", max(firsts) <= 100))
    finally:
        if sandbox:
            sandbox.stop()
        if options.keep:
            log(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    width = max(len(r[0]) for r in rows)
    print()
    load_after = os.getloadavg()
    print(f"Console benchmark: release switchboard on a {COLUMNS}x{ROWS} pty (TERM=xterm-256color), "
          f"sandbox in its own process, {os.cpu_count()} cores; load average {load_before[0]:.2f} at the start, "
          f"{load_after[0]:.2f} at the end")
    print(f"{'measure'.ljust(width)}  {'target'.ljust(11)}  {'ok'.ljust(4)}  figure")
    print("-" * (width + 2 + 11 + 2 + 4 + 2 + 60))
    for name, figure, target, verdict in rows:
        mark = "" if verdict is None else ("yes" if verdict else "NO")
        print(f"{name.ljust(width)}  {target.ljust(11)}  {mark.ljust(4)}  {figure}")
    print()
    print("How it was measured:")
    print(f"- Keys go to the pty master, each {options.key_interval * 1000:.0f} ms after the previous key's frame. A frame ends")
    print("  when the console's frame signal (SWITCHBOARD_FRAME_FD, one byte after each doupdate) has")
    print("  arrived and the master is drained (3 ms, not counted). 'complete' is the frame with the")
    print("  contact rows loaded, 'first frame' the first after the key (the same frame unless the rows")
    print("  took over 50 ms). Console CPU per key is utime+stime over the series / keys.")
    print("- (1) Stats requests go through a proxy that pins the campaign's counts, so exactly one counter")
    print("  changes; a tick's bytes are those read from 0.5 s before its request to 0.5 s before the")
    print("  next. The sparklines are full first (60 samples, as after 2 minutes open). Full redraw is")
    print("  Ctrl-L (clearok) on the same view.")
    print("- (2) utime+stime of the console process only (/proc/PID/stat, 10 ms ticks), against the")
    print("  sandbox with its dialer running in another process (counts move).")
    print("- (4) From spawning the process to the end of its first frame; 'campaigns listed' is the first")
    print("  frame showing the campaigns cached in the store.")


if __name__ == "__main__":
    main()
