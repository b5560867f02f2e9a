"""Shared machinery of the benches: a gunicorn server, wrk runs, and a results table with ratios vs a floor.

Every bench reports its figure as a ratio against a floor measured in the same run on the same machine
(ARCHITECTURE §7), because absolute numbers drift on a shared two-core machine. The floor is a bare Django view
doing one indexed SELECT (``bench/urls.py``), served by the same gunicorn with the same settings and database.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
RESULTS_DIR = ROOT / "bench" / "results"
BENCH_VAR = ROOT / "var" / "bench"
BENCH_SETTINGS = "bench.settings_bench"

PG_HOST = os.environ.get("PGHOST", "127.0.0.1")
PG_PORT = os.environ.get("PGPORT", "5432")
PG_USER = os.environ.get("PGUSER", "postgres")


# --- Environment -----------------------------------------------------------------------------------------------


def ensure_wrk() -> str:
    """Path of wrk; installs Debian's package when root, otherwise explains how and exits."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("bench: installing wrk (apt-get install wrk)", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk"], check=True, env=env
        )
        found = shutil.which("wrk")
        if found:
            return found
    sys.exit("bench: wrk is missing; install it with: sudo apt-get install -y --no-install-recommends wrk")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def postgres_url(dbname: str) -> str:
    return f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{dbname}"


def recreate_postgres_database(dbname: str) -> str:
    """Drop and create ``dbname`` as UTF-8 with a C.UTF-8 ctype (pg_trgm needs it for CJK); returns its URL."""
    env = {**os.environ, "PGHOST": PG_HOST, "PGPORT": PG_PORT, "PGUSER": PG_USER}
    subprocess.run(["dropdb", "--if-exists", dbname], check=True, env=env)
    subprocess.run(
        ["createdb", "-T", "template0", "-E", "UTF8", "--lc-ctype=C.UTF-8", "--lc-collate=C.UTF-8", dbname],
        check=True,
        env=env,
    )
    return postgres_url(dbname)


def setup_django(database_url: str) -> None:
    """Point this process at the bench database and settings, then ``django.setup()``."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = BENCH_SETTINGS
    os.environ["TONGBAN_VAR_DIR"] = str(BENCH_VAR)
    os.environ.setdefault("TONGBAN_DEMO", "1")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def server_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": BENCH_SETTINGS,
        "TONGBAN_VAR_DIR": str(BENCH_VAR),
        "TONGBAN_DEMO": "1",
        "PYTHONPATH": str(ROOT),
    }


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- Server --------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def gunicorn(database_url: str, *, workers: int = 2, settle_paths: Sequence[str] = ("/",)) -> Iterator[str]:
    """Run ``gunicorn tongban.wsgi`` with ``workers`` sync workers on a free port; yields the base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = BENCH_VAR / "gunicorn.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        str(VENV_BIN / "gunicorn"),
        "tongban.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--log-level",
        "warning",
        "--chdir",
        str(ROOT),
    ]
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=server_env(database_url), stdout=log, stderr=log)
        try:
            _wait_until_up(base + settle_paths[0], proc, log_path)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], log_path: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"bench: gunicorn exited with {proc.returncode}; see {log_path}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status < 500:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"bench: gunicorn did not answer {url} within {timeout:.0f}s; see {log_path}")


def check_paths(base: str, paths: Sequence[str], sample: int = 20) -> None:
    """Fetch a sample of the paths once: a bench over 404s or 500s would measure the wrong thing."""
    for path in random.sample(list(paths), min(sample, len(paths))):
        try:
            with urllib.request.urlopen(base + path, timeout=10) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            sys.exit(f"bench: {path} answered {exc.code}; fix the data or the page before measuring")


def warm_up(base: str, paths: Sequence[str], seconds: float = 2.0) -> None:
    """Send requests for a couple of seconds so both workers have loaded templates, jieba and connections."""
    deadline = time.monotonic() + seconds
    picks = list(paths)
    while time.monotonic() < deadline:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(base + random.choice(picks), timeout=10) as r,
        ):
            r.read()


# --- Load ----------------------------------------------------------------------------------------------------


@dataclass
class WrkResult:
    """One wrk run: throughput, latency percentiles in milliseconds, and failures."""

    name: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int = 0
    socket_errors: int = 0
    extra: dict[str, str] = field(default_factory=dict)


_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _to_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"cannot parse wrk latency {text!r}")
    return float(match.group(1)) * _UNIT_MS[match.group(2)]


def parse_wrk(name: str, output: str) -> WrkResult:
    """Read req/s, p50, p99, the request count and errors from ``wrk --latency`` output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    p99 = _to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    non2xx_match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors_match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    socket_errors = sum(int(g) for g in errors_match.groups()) if errors_match else 0
    return WrkResult(
        name=name,
        requests_per_second=rps,
        p50_ms=p50,
        p99_ms=p99,
        requests=total,
        non_2xx=int(non2xx_match.group(1)) if non2xx_match else 0,
        socket_errors=socket_errors,
    )


def _lua_for_paths(paths: Sequence[str]) -> str:
    quoted = ",\n".join(json.dumps(p, ensure_ascii=True) for p in paths)
    return (
        "local paths = {\n" + quoted + "\n}\n"
        "local counter = 0\n"
        "function setup(thread) counter = counter + 1; thread:set('id', counter) end\n"
        "function init(args) math.randomseed(os.time() + (id or 0) * 7919) end\n"
        "function request() return wrk.format('GET', paths[math.random(#paths)]) end\n"
    )


def run_wrk(
    name: str,
    base: str,
    paths: Sequence[str],
    *,
    duration: int = 10,
    connections: int = 8,
    threads: int = 1,
    warmup: float = 2.0,
) -> WrkResult:
    """``wrk -t1 -c8 -d10s --latency`` over ``paths`` chosen at random by a Lua script; returns the parsed run."""
    wrk = ensure_wrk()
    check_paths(base, paths)
    warm_up(base, paths, warmup)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, encoding="ascii") as script:
        script.write(_lua_for_paths(paths))
        script_path = script.name
    try:
        cmd = [
            wrk,
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "--timeout",
            "10s",
            "-s",
            script_path,
            base + paths[0],
        ]
        output = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script_path)
    result = parse_wrk(name, output)
    if result.non_2xx or result.socket_errors:
        print(
            f"bench: warning: {name}: {result.non_2xx} non-2xx/3xx responses, {result.socket_errors} socket errors",
            file=sys.stderr,
        )
    return result


# --- Report --------------------------------------------------------------------------------------------------

GOAL_RATIO = 0.8
GOAL_P99_MS = 25.0


def verdict(result: WrkResult, floor: WrkResult) -> tuple[float, str]:
    """Ratio vs the floor and PASS/BELOW against the §7 public-read goal (≥ 0.8× floor, p99 ≤ 25 ms)."""
    ratio = result.requests_per_second / floor.requests_per_second if floor.requests_per_second else 0.0
    ok = ratio >= GOAL_RATIO and result.p99_ms <= GOAL_P99_MS and not result.non_2xx
    return ratio, "PASS" if ok else "BELOW"


def print_table(
    title: str, floor: WrkResult, results: Sequence[WrkResult], context: dict[str, object]
) -> None:
    """A fixed-width table: one line per page plus the floor, with ratio and verdict."""
    print()
    print(f"== {title} ==")
    for key, value in context.items():
        print(f"   {key}: {value}")
    print(f"   goal: ≥ {GOAL_RATIO:.1f}× floor req/s and p99 ≤ {GOAL_P99_MS:.0f} ms")
    header = f"{'page':<34} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8} {'ratio':>7}  verdict"
    print(header)
    print("-" * len(header))
    print(
        f"{floor.name:<34} {floor.requests_per_second:>9.0f} {floor.p50_ms:>8.2f} {floor.p99_ms:>8.2f} "
        f"{floor.non_2xx:>8} {1.0:>7.2f}  (floor)"
    )
    for result in results:
        ratio, mark = verdict(result, floor)
        print(
            f"{result.name:<34} {result.requests_per_second:>9.0f} {result.p50_ms:>8.2f} {result.p99_ms:>8.2f} "
            f"{result.non_2xx:>8} {ratio:>7.2f}  {mark}"
        )


def save_results(
    bench: str, floor: WrkResult, results: Sequence[WrkResult], context: dict[str, object]
) -> Path:
    """Write the run as JSON under bench/results/ (ignored by git) and return the path."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    path = RESULTS_DIR / f"{bench}-{stamp}.json"
    payload = {
        "bench": bench,
        "context": {k: str(v) for k, v in context.items()},
        "floor": asdict(floor),
        "results": [
            {**asdict(r), "ratio": verdict(r, floor)[0], "verdict": verdict(r, floor)[1]} for r in results
        ],
    }
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def final_line(bench: str, floor: WrkResult, results: Sequence[WrkResult]) -> str:
    """The figure the bench prints last: worst ratio and worst p99, with the overall verdict."""
    ratios = [verdict(r, floor)[0] for r in results]
    worst = min(ratios) if ratios else 0.0
    worst_p99 = max((r.p99_ms for r in results), default=0.0)
    overall = "PASS" if all(verdict(r, floor)[1] == "PASS" for r in results) else "BELOW"
    return (
        f"{bench}: worst ratio {worst:.2f}× floor ({floor.requests_per_second:.0f} req/s), "
        f"worst p99 {worst_p99:.1f} ms — {overall}"
    )
