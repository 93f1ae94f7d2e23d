"""The fault tests' shared pieces (tests/cluster/README.md): the cluster (scripts/cluster.sh, profile
cluster-test), a system of replicas over it, users seeded with one shared password hash, logins through the
front door from several threads, the databases read back, and Jepsen-style counters.

Python 3 standard library only. Every wait is bounded; figures are printed, never asserted."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLUSTER = ROOT / "scripts" / "cluster.sh"
PROFILE = "cluster-test"
BUILD = Path(os.environ.get("CLUSTER_TEST_BUILD", ROOT / "build" / "dev")).resolve()
RUN_DIR = ROOT / ".run" / PROFILE
PASSWORD = "cluster test password"
# Scenario N's processes listen on 20700 + 10 (N - 1) + 1..8 (README "Ports"): users +1 +2, promotion +3
# +4, consumers' metrics +5 +6, front door +8. Each scenario has its own, since a port just closed may not
# bind again at once.
PORT_BASE = 20700


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def cluster(*args, check=True):
    """scripts/cluster.sh <command> cluster-test <args>; its output."""
    done = subprocess.run([str(CLUSTER), args[0], PROFILE, *args[1:]], capture_output=True, text=True)
    if check and done.returncode != 0:
        raise RuntimeError(f"cluster.sh {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout.strip()


def cluster_env():
    env = {}
    for line in cluster("env").splitlines():
        key, _, value = line.removeprefix("export ").partition("=")
        env[key] = value.strip("'")
    return env


def wait_for(what, predicate, seconds, interval=0.5):
    """Polls predicate until it returns a true value, at most `seconds`; that value, or fails."""
    deadline = time.monotonic() + seconds
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds}s waiting for {what}")
        time.sleep(interval)


class Database:
    """psql through the multi-host URI (read-write member), retried while the cluster fails over."""

    def __init__(self, hosts_uri, name):
        base, _, _ = hosts_uri.partition("/?")
        self.uri = f"{base}/{name}?target_session_attrs=read-write&connect_timeout=3"
        self.name = name

    def rows(self, sql, attempts=60):
        for attempt in range(attempts):
            done = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", self.uri, "-c", sql],
                                  capture_output=True, text=True)
            if done.returncode == 0:
                return [line.split("\t") for line in done.stdout.splitlines() if line]
            if attempt + 1 == attempts:
                raise RuntimeError(f"psql {self.name}: {done.stderr.strip()}")
            time.sleep(1)

    def value(self, sql):
        return self.rows(sql)[0][0]


def http(method, url, body=None, token=None, timeout=20):
    """(status, parsed JSON body or None); connection errors are status 0."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, _json(response)
    except urllib.error.HTTPError as error:
        return error.code, _json(error)
    except (urllib.error.URLError, OSError):
        return 0, None


def _json(response):
    if response.headers.get_content_type() != "application/json":
        return None
    try:
        return json.loads(response.read())
    except ValueError:
        return None


class System:
    """Two users replicas (each with its relay), a front door over them, two promotion replicas and two
    consumers, over the cluster, with databases and a queue of the scenario's own."""

    def __init__(self, scenario, number):
        self.scenario = scenario
        base = PORT_BASE + 10 * (number - 1)
        self.ports = {"users-1": base + 1, "users-2": base + 2, "promotion-1": base + 3, "promotion-2": base + 4,
                      "consumer-1": base + 5, "consumer-2": base + 6, "front-door": base + 8}
        self.front_door = f"http://127.0.0.1:{self.ports['front-door']}"
        self.queue = f"cluster_{scenario}"
        self.work = RUN_DIR / "scenarios" / scenario
        self.processes = {}
        env = cluster_env()
        self.users_db = Database(env["DB_URI"], f"users_{scenario}")
        self.promotion_db = Database(env["DB_URI"], f"promotion_{scenario}")
        self.env = dict(os.environ, **env,
                        USERS_DB_URI=self.users_db.uri, PROMOTION_DB_URI=self.promotion_db.uri,
                        MQ_PROMOTION_ROUTING_KEY=self.queue, HOST="127.0.0.1", WORKERS="2", DB_POOL_SIZE="8",
                        LOG_LEVEL="info", TRUSTED_PROXIES="127.0.0.1/32",
                        # Many logins from one address: the throttle is not under test here.
                        LOGIN_RATE="1000000", LOGIN_BURST="1000000",
                        PRIVATE_KEY=str(ROOT / ".run/keys/private.pem"),
                        JWKS_URI=f"{self.front_door}/.well-known/jwks.json")

    def _bin(self, app):
        return str(BUILD / "services" / app / f"{app}-service")

    def _start(self, name, command, **extra):
        log_file = open(self.work / f"{name}.log", "ab")
        env = dict(self.env, LOG_DIR=str(self.work / "logs" / name), **extra)
        self.processes[name] = subprocess.Popen(command, env=env, cwd=self.work, stdout=log_file,
                                                stderr=subprocess.STDOUT, start_new_session=True)

    def _ready(self, name):
        if self.processes[name].poll() is not None:
            raise AssertionError(f"{name} exited during start (log: {self.work / name}.log)")
        path = "/index.html" if name == "front-door" else "/readyz"
        return http("GET", f"http://127.0.0.1:{self.ports[name]}{path}", timeout=2)[0] == 200

    def start(self):
        (self.work / "logs").mkdir(parents=True, exist_ok=True)
        for app in ("users", "promotion"):
            subprocess.run([self._bin(app), "migrate"], env=self.env, cwd=self.work, check=True,
                           stdout=subprocess.DEVNULL)
        for i in (1, 2):
            self._start(f"users-{i}", [self._bin("users"), "serve", "--port", str(self.ports[f"users-{i}"])])
        users = ",".join(f"127.0.0.1:{self.ports[f'users-{i}']}" for i in (1, 2))
        promotion = ",".join(f"127.0.0.1:{self.ports[f'promotion-{i}']}" for i in (1, 2))
        self._start("front-door", [str(ROOT / "scripts/front-door.sh"), str(self.work / "front-door"),
                                   str(self.ports["front-door"]), users, promotion])
        for name in ("users-1", "users-2", "front-door"):
            wait_for(f"{name} ready", lambda n=name: self._ready(n), 60)
        for i in (1, 2):
            self._start(f"promotion-{i}", [self._bin("promotion"), "serve", "--port", str(self.ports[f"promotion-{i}"])])
            self._start(f"consumer-{i}", [self._bin("promotion"), "consume", "--tasks", "4"],
                        METRICS_PORT=str(self.ports[f"consumer-{i}"]))
        for name in ("promotion-1", "promotion-2", "consumer-1", "consumer-2"):
            wait_for(f"{name} ready", lambda n=name: self._ready(n), 60)
        log(f"{self.scenario}: 2 users, 2 promotion, 2 consumers and the front door ready ({self.front_door})")

    def kill(self, name):
        self.processes[name].send_signal(signal.SIGKILL)
        self.processes[name].wait()
        log(f"SIGKILL {name} (pid {self.processes[name].pid})")

    def exited(self):
        """Names of the processes that ended although nobody stopped them."""
        return [name for name, process in self.processes.items()
                if process.poll() is not None and process.returncode != -signal.SIGKILL]

    def stop(self):
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    # ------------------------------------------------------------------ data

    def seed_users(self, count):
        """`count` users who never logged in, all with PASSWORD: one registration through the API hashes
        it (Argon2id), the others share its hash (as tests/pipeline_fixture.cpp's seed_users does)."""
        status, body = http("POST", f"{self.front_door}/users/register",
                            {"username": f"{self.scenario}_template", "password": PASSWORD,
                             "full_name": "Template", "birthday": "1990-01-01"})
        assert status == 201, f"register: {status} {body}"
        self.users_db.rows(f"""
            WITH created AS (
              INSERT INTO users (username, password_hash, full_name, birthday)
              SELECT '{self.scenario}_' || i, (SELECT password_hash FROM users WHERE username = '{self.scenario}_template'),
                     'Seeded', '1990-01-01'
              FROM generate_series(1, {count}) AS i RETURNING id, username)
            INSERT INTO user_identifiers (identifier, user_id, kind) SELECT username, id, 'username' FROM created""")
        return [f"{self.scenario}_{i}" for i in range(1, count + 1)]

    def create_campaign(self, vouchers):
        return self.promotion_db.value(
            "INSERT INTO campaigns (name, discount_percent, number_of_vouchers, remaining_vouchers, voucher_duration_days)"
            f" VALUES ('{self.scenario}', 30, {vouchers}, {vouchers}, 30) RETURNING id")

    def consumer_outcomes(self):
        """consumer_deliveries_total by outcome, summed over the consumers still running."""
        totals = {}
        for i in (1, 2):
            if self.processes[f"consumer-{i}"].poll() is not None:
                continue
            request = urllib.request.urlopen(f"http://127.0.0.1:{self.ports[f'consumer-{i}']}/metrics", timeout=5)
            for line in request.read().decode().splitlines():
                if line.startswith('consumer_deliveries_total{outcome="'):
                    outcome = line.split('"')[1]
                    totals[outcome] = totals.get(outcome, 0) + int(float(line.split()[-1]))
        return totals

    def wait_processed(self, seconds):
        """Waits until every first-login event of the outbox is published and processed by the consumers;
        the events still missing after `seconds` are lost."""
        def missing():
            events = {row[0] for row in self.users_db.rows("SELECT event_id FROM outbox")}
            done = {row[0] for row in self.promotion_db.rows("SELECT event_id FROM processed_events")}
            return events - done
        deadline = time.monotonic() + seconds
        while (left := missing()) and time.monotonic() < deadline:
            time.sleep(1)
        return left


class Counters:
    """Jepsen-style: attempted requests, acknowledged operations, lost (acknowledged, then not found),
    duplicated (found twice), unexpected (answers outside the contract); and broken invariants."""

    def __init__(self, scenario):
        self.scenario = scenario
        self.attempted = self.acknowledged = self.lost = self.duplicated = self.unexpected = 0
        self.statuses = {}
        self.broken = []
        self.figures = []
        self.lock = threading.Lock()

    def check(self, condition, invariant):
        if not condition:
            self.broken.append(invariant)

    def figure(self, text):
        self.figures.append(text)

    def report(self):
        print(f"\n== {self.scenario}")
        print(f"   attempted {self.attempted}, acknowledged {self.acknowledged}, lost {self.lost}, "
              f"duplicated {self.duplicated}, unexpected {self.unexpected}")
        print(f"   answers by status: {dict(sorted(self.statuses.items()))}")
        for text in self.figures:
            print(f"   {text}")
        for invariant in self.broken:
            print(f"   BROKEN: {invariant}")
        ok = not (self.lost or self.duplicated or self.unexpected or self.broken)
        print(f"   {self.scenario}: {'passed' if ok else 'FAILED'}", flush=True)
        return ok


class Logins:
    """First logins through the front door from `threads` threads, each user until it gets a 200 (a 503 is
    retried after a pause, at most `give_up` seconds per user). Records every answer with its times."""

    def __init__(self, system, counters, identifiers, threads=8, give_up=90):
        self.system, self.counters, self.give_up = system, counters, give_up
        self.pending = list(reversed(identifiers))
        self.answers = []          # (identifier, status, started, finished)
        self.acknowledged = set()
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(threads)]

    def start(self):
        for thread in self.threads:
            thread.start()
        return self

    def join(self, seconds):
        deadline = time.monotonic() + seconds
        for thread in self.threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        if any(thread.is_alive() for thread in self.threads):
            raise AssertionError(f"logins still running after {seconds}s")

    def count(self):
        with self.counters.lock:
            return len(self.acknowledged)

    def _run(self):
        while True:
            with self.counters.lock:
                if not self.pending:
                    return
                identifier = self.pending.pop()
            self._login(identifier)

    def _login(self, identifier):
        deadline = time.monotonic() + self.give_up
        while time.monotonic() < deadline:
            started = time.monotonic()
            status, body = http("POST", f"{self.system.front_door}/users/login",
                                {"identifier": identifier, "password": PASSWORD})
            finished = time.monotonic()
            with self.counters.lock:
                self.counters.attempted += 1
                self.counters.statuses[status] = self.counters.statuses.get(status, 0) + 1
                self.answers.append((identifier, status, started, finished))
                if status == 200 and body and body.get("token"):
                    self.counters.acknowledged += 1
                    self.acknowledged.add(identifier)
                    return
                if status != 503:
                    self.counters.unexpected += 1
                    return
            time.sleep(0.5)


def check_first_logins(system, counters, logins):
    """Every acknowledged login left a committed first login (first_login_at and one outbox row); every
    outbox event was processed; at most one voucher per user and per event."""
    recorded = {row[0]: row[1] for row in system.users_db.rows(
        "SELECT u.username, o.event_id FROM users u JOIN outbox o ON o.user_id = u.id WHERE u.first_login_at IS NOT NULL")}
    counters.lost += len(logins.acknowledged - recorded.keys())
    missing = system.wait_processed(120)
    counters.lost += len(missing)
    counters.figure(f"first logins recorded: {len(recorded)}; events not processed after the wait: {len(missing)}")
    counters.figure(f"deliveries by outcome (consumers still running): {system.consumer_outcomes()}")
    counters.duplicated += int(system.promotion_db.value(
        "SELECT count(*) FROM (SELECT user_id FROM vouchers GROUP BY campaign_id, user_id HAVING count(*) > 1) d"))
    counters.duplicated += int(system.users_db.value(
        "SELECT count(*) FROM (SELECT user_id FROM outbox GROUP BY user_id HAVING count(*) > 1) d"))


def check_campaign(system, counters, campaign, vouchers, events):
    """Invariants 3 and 4 for one campaign: min(vouchers, events) granted, remaining + issued = total."""
    issued, remaining, total = system.promotion_db.rows(
        f"SELECT (SELECT count(*) FROM vouchers WHERE campaign_id = '{campaign}'), remaining_vouchers, number_of_vouchers"
        f" FROM campaigns WHERE id = '{campaign}'")[0]
    counters.figure(f"campaign of {total}: {issued} vouchers issued, {remaining} remaining, {events} events")
    counters.check(int(issued) + int(remaining) == int(total), "invariant 4: remaining + issued = number_of_vouchers")
    counters.check(int(issued) == min(vouchers, events), f"{min(vouchers, events)} vouchers issued")
    granted = int(system.promotion_db.value(
        f"SELECT count(*) FROM processed_events p JOIN vouchers v ON v.id = p.voucher_id"
        f" WHERE p.outcome = 'granted' AND v.campaign_id = '{campaign}'"))
    counters.check(granted == int(issued), "every grant recorded in processed_events has its voucher")


def main(run):
    """Runs one scenario function(counters) -> Counters; exit 0 when it passed."""
    try:
        ok = run().report()
    except Exception as error:  # a failed wait or a broken step: the scenario failed
        print(f"FAILED: {error}", file=sys.stderr, flush=True)
        ok = False
    sys.exit(0 if ok else 1)
