"""Benchmark: public sign-on under load, with the server killed mid-run.

    .venv/bin/python -m bench.signon --count 10000 [--clients 8] [--pg URL] [--work 1000]
        [--serve "--workers 2 --threads 8"]

Starts ``havza serve`` on a fresh database (SQLite in a temporary folder, or the PostgreSQL
database --pg names, emptied first) with one joint statement open for signatures. CLIENTS
processes sign it COUNT times in all over loopback, as a browser does: fetch a proof-of-work
challenge, solve it (--work sets its size), post the form. At a random moment the server is
killed with SIGKILL, restarted, and the clients go on: a request that got no answer is sent
again. A sign-on is acknowledged when the server answered it with the thank-you page. Then
every acknowledged signature is confirmed (the code read from the database stands for the
mailbox) with the confirmation page's POST. Last, the database is counted: every acknowledged
sign-on must be stored exactly once. The last line printed is one JSON object:
{"acknowledged", "stored", "lost", "duplicates", "confirmed", "signons_per_s"}
(signons_per_s: acknowledged sign-ons per second of the signing phase, kill and restart
included; restart_s: from the kill until the restarted server answers; load_average: the
machine's, at the end; server_cpu_ms and clients_cpu_ms: the CPU time of the server's
processes and of the clients per acknowledged sign-on of the signing phase). Each client
process keeps its connection alive, as a browser does, and speaks HTTP/1.1 with plain
socket calls (cheap to the shared cores, as browsers elsewhere would be).
Every 10 s of the signing phase it says on stderr how many are acknowledged, and when none
was since the last line (a server that stopped answering).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import queue
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

HAVZA = str(Path(sys.executable).with_name("havza"))
SETUP = """
from havza.publishing.models import Translation, Work
from havza.signatures.models import SignOn
work = Work.objects.create(kind="joint_statement", original_language="en")
Translation.objects.create(work=work, language="en", title="Bench statement", status="published")
print(SignOn.objects.create(work=work, moderate=False).pk)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(data_dir: str, pg: str | None, work: int) -> dict:
    env = dict(os.environ)
    env.update(
        HAVZA_DATA_DIR=data_dir,
        HAVZA_SIGNON_WORK=str(work),
        HAVZA_SIGNON_IP_BURST="100000000",
        HAVZA_SIGNON_IP_DAILY="100000000",
        HAVZA_SIGNON_STATEMENT_HOURLY="100000000",
        HAVZA_SIGNON_DOMAIN_HOURLY="100000000",
    )
    env.pop("HAVZA_EXPORT_DIR", None)
    if pg:
        env["HAVZA_DATABASE_URL"] = pg
    else:
        env.pop("HAVZA_DATABASE_URL", None)
    return env


class Server:
    def __init__(self, env: dict, port: int, log: Path, options: list[str] | None = None):
        self.env, self.port, self.log = env, port, log
        self.options = options or []
        self.process: subprocess.Popen | None = None
        self.cpu_at_start = 0.0

    def start(self) -> None:
        out = self.log.open("ab")
        self.process = subprocess.Popen(
            [HAVZA, "serve", "--host", "127.0.0.1", "--port", str(self.port), *self.options],
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _h, _b = request(self.port, "GET", "/signon/challenge.json")
                if status == 200:
                    self.cpu_at_start = group_cpu_seconds(self.process.pid)
                    return
            except (OSError, ValueError):
                time.sleep(0.1)
        raise RuntimeError(f"the server did not start; see {self.log}")

    def cpu_seconds(self) -> float:
        """CPU time (user and system) the server's processes have used since it answered."""
        return group_cpu_seconds(self.process.pid) - self.cpu_at_start

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def group_cpu_seconds(group: int) -> float:
    """CPU time (user and system, every thread) of the live processes of process GROUP."""
    ticks = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[2]) == group:  # fields after the name: state, ppid, pgrp, ...
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


class Dropped(OSError):
    """The connection closed before a whole answer came."""


class Connection:
    """One kept-alive HTTP/1.1 connection, as a browser keeps one, read and written with
    plain socket calls: the load the clients put on the shared cores is the few system calls
    of each request, as the server's would be from browsers elsewhere (http.client costs
    several times more)."""

    def __init__(self, port: int):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""

    def close(self) -> None:
        self.sock.close()

    def _more(self) -> None:
        data = self.sock.recv(65536)
        if not data:
            raise Dropped("closed by the server")
        self.buffer += data

    def _take(self, size: int) -> bytes:
        while len(self.buffer) < size:
            self._more()
        taken, self.buffer = self.buffer[:size], self.buffer[size:]
        return taken

    def _line(self) -> bytes:
        while b"\r\n" not in self.buffer:
            self._more()
        line, _crlf, self.buffer = self.buffer.partition(b"\r\n")
        return line

    def exchange(self, method: str, path: str, body: bytes, headers: dict):
        lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        while b"\r\n\r\n" not in self.buffer:
            self._more()
        head, _sep, self.buffer = self.buffer.partition(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        answer: dict[str, str] = {}
        cookies = []
        for line in header_lines:
            name, _colon, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                cookies.append(value)
            else:
                answer[name] = value
        answer["set-cookie"] = "; ".join(cookies)
        if answer.get("transfer-encoding", "").lower() == "chunked":
            data = b""
            while size := int(self._line().split(b";")[0], 16):
                data += self._take(size)
                self._take(2)
            while self._line():  # trailers, then the empty line
                pass
        else:
            data = self._take(int(answer.get("content-length", "0")))
        closing = answer.get("connection", "").lower() == "close"
        return status, answer, data, closing


_connections: dict[int, Connection] = {}


def request(port, method, path, body=None, headers=None):
    """One request over this process's kept-alive connection to PORT (as a browser keeps
    one); a connection that fails is dropped, and the error raised for the caller to retry."""
    conn = _connections.get(port)
    if conn is None:
        conn = _connections[port] = Connection(port)
    try:
        payload = body.encode() if isinstance(body, str) else body or b""
        status, answer, data, closing = conn.exchange(method, path, payload, headers or {})
    except BaseException:
        _connections.pop(port, None)
        conn.close()
        raise
    if closing:
        _connections.pop(port, None).close()
    return status, answer, data


def solve(challenge: dict) -> str:
    """The ALTCHA payload for CHALLENGE, as a browser's script finds it (the salt hashed
    once, each number added to a copy: a client costs the server's machine little)."""
    import base64
    import hashlib

    salted = hashlib.sha256(challenge["salt"].encode())
    wanted = bytes.fromhex(challenge["challenge"])
    for n in range(challenge["maxNumber"] + 1):
        digest = salted.copy()
        digest.update(str(n).encode())
        if digest.digest() == wanted:
            payload = {k: challenge[k] for k in ("algorithm", "challenge", "salt", "signature")}
            return base64.b64encode(json.dumps({**payload, "number": n}).encode()).decode()
    raise ValueError("unsolvable challenge")


def retrying(call):
    """CALL until the server answers (it may be down for a restart)."""
    while True:
        try:
            return call()
        except (OSError, ValueError):
            time.sleep(0.05)


def sign_one(port: int, sign_on: int, n: int) -> bool:
    while True:
        status, _h, body = retrying(lambda: request(port, "GET", "/signon/challenge.json"))
        if status != 200:
            time.sleep(0.05)
            continue
        form = urllib.parse.urlencode(
            {
                "type": "individual",
                "name": f"Signer {n}",
                "country": random.choice(["TR", "GR", "EG", "IR", "AM", "ES", "BR", "FR"]),
                "email": f"signer{n}@bench.example",
                "consent": "1",
                "altcha": solve(json.loads(body)),
            }
        )
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        try:
            status, h, _b = request(port, "POST", f"/en/signon/{sign_on}/", form, headers)
        except (OSError, ValueError):
            continue  # no answer: send it again (a stored one then answers "already")
        if status == 302 and h.get("location", "").endswith("/signon/thanks/"):
            return True
        if status >= 500:
            continue
        print("refused:", status, _b[:300], file=sys.stderr)
        return False


def signer(port: int, sign_on: int, numbers: list[int], out, done) -> None:
    _connections.clear()  # the parent's, not to be shared
    random.seed(os.getpid())
    acknowledged = []
    for n in numbers:
        if sign_one(port, sign_on, n):
            acknowledged.append(n)
            with done.get_lock():
                done.value += 1
    times = os.times()
    out.put((acknowledged, times.user + times.system))


def confirm_one(port: int, token: str) -> bool:
    path = f"/en/signon/confirm/{token}/"
    for _attempt in range(100):
        try:
            status, headers, body = request(port, "GET", path)
            cookie = re.search(r"csrftoken=([^;]+)", headers.get("set-cookie", ""))
            token_field = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
            form = urllib.parse.urlencode({"csrfmiddlewaretoken": token_field.group(1).decode()})
            status, _h, _b = request(
                port,
                "POST",
                path,
                form,
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"csrftoken={cookie.group(1)}",
                },
            )
            return status == 200
        except (OSError, ValueError, AttributeError):
            time.sleep(0.05)
    return False


def confirmer(port: int, tokens: list[str], out) -> None:
    _connections.clear()
    out.put(sum(confirm_one(port, t) for t in tokens))


class Progress:
    """Says every 10 s how many sign-ons are acknowledged, and when none was for that long."""

    def __init__(self, done, count: int):
        self.done, self.count = done, count
        self.last, self.seen = time.monotonic(), -1

    def report(self) -> None:
        if time.monotonic() - self.last < 10:
            return
        self.last = time.monotonic()
        stalled = " (none since the last line)" if self.done.value == self.seen else ""
        self.seen = self.done.value
        print(f"acknowledged {self.seen} of {self.count}{stalled}", file=sys.stderr)


def in_parts(items: list, parts: int) -> list[list]:
    return [items[i::parts] for i in range(parts)]


def django_query(env: dict, code: str) -> str:
    result = subprocess.run(
        [HAVZA, "shell", "-v", "0", "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--work", type=int, default=1000, help="proof-of-work size")
    parser.add_argument("--pg", help="PostgreSQL URL of a database to empty and use")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--serve", default="", help='options for havza serve, e.g. "--workers 2 --threads 4"'
    )
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    data_dir = tempfile.mkdtemp(prefix="havza-signon-")
    env = environment(data_dir, args.pg, args.work)
    if args.pg:
        subprocess.run([HAVZA, "flush", "--no-input"], env=env, check=False, capture_output=True)
    subprocess.run([HAVZA, "migrate", "-v", "0"], env=env, check=True)
    sign_on = int(django_query(env, SETUP).splitlines()[-1])
    port = free_port()
    server = Server(env, port, Path(data_dir) / "serve.log", args.serve.split())
    server.start()
    try:
        out: mp.Queue = mp.Queue()
        done = mp.Value("i", 0)
        start = time.monotonic()
        clients = [
            mp.Process(target=signer, args=(port, sign_on, part, out, done))
            for part in in_parts(list(range(args.count)), args.clients)
        ]
        for c in clients:
            c.start()
        # Kill once the run is under way: after 10-60 % of the expected acknowledgements.
        threshold = int(args.count * rng.uniform(0.1, 0.6))
        progress = Progress(done, args.count)
        while done.value < threshold and any(c.is_alive() for c in clients):
            time.sleep(0.01)
            progress.report()
        time.sleep(rng.uniform(0, 0.05))  # anywhere within a request
        killed_at = done.value
        down = time.monotonic()
        server_cpu = server.cpu_seconds()
        server.kill()
        server.start()
        restart_s = time.monotonic() - down
        acknowledged: list[int] = []
        clients_cpu = 0.0
        for _ in clients:
            while True:
                try:
                    numbers, cpu = out.get(timeout=0.05)
                    acknowledged += numbers
                    clients_cpu += cpu
                    break
                except queue.Empty:
                    progress.report()  # a server that stops answering shows here
        for c in clients:
            c.join()
        elapsed = time.monotonic() - start
        server_cpu += server.cpu_seconds()
        tokens = json.loads(
            django_query(
                env,
                "import json;from havza.signatures.models import Signature;"
                "print(json.dumps(list(Signature.objects.values_list('token', flat=True))))",
            )
        )
        for part in in_parts(tokens, args.clients):
            mp.Process(target=confirmer, args=(port, part, out)).start()
        confirmed = sum(out.get() for _ in range(args.clients))
    finally:
        server.stop()
    counts = json.loads(
        django_query(
            env,
            "import json;from collections import Counter;"
            "from havza.signatures.models import Signature;"
            "emails = Counter(Signature.objects.values_list('email', flat=True));"
            "print(json.dumps({'emails': emails, 'confirmed': "
            "Signature.objects.filter(status='approved').count()}))",
        )
    )
    emails = counts["emails"]
    wanted = {f"signer{n}@bench.example" for n in acknowledged}
    result = {
        "acknowledged": len(wanted),
        "stored": sum(1 for e in wanted if e in emails),
        "lost": sum(1 for e in wanted if e not in emails),
        "duplicates": sum(n - 1 for n in emails.values() if n > 1),
        "confirmed": counts["confirmed"],
        "confirm_answers": confirmed,
        "killed_after_acknowledged": killed_at,
        "database": "postgresql" if args.pg else "sqlite",
        "restart_s": round(restart_s, 1),
        "load_average": round(os.getloadavg()[0], 1),
        "signons_per_s": round(len(wanted) / elapsed, 1),
        # CPU per acknowledged sign-on of the signing phase (ms): the server's processes
        # (once answering: their start-up not counted) and the clients'.
        "server_cpu_ms": round(1000 * server_cpu / max(1, len(wanted)), 2),
        "clients_cpu_ms": round(1000 * clients_cpu / max(1, len(wanted)), 2),
    }
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
