"""``tongban serve`` for real: gunicorn with the platform's limits, a supervised worker, ``/health/``, raw HTTP.

One server for the module (a fresh SQLite database under a temporary ``TONGBAN_VAR_DIR``), started and stopped by
the fixture; requests are sent byte for byte with ``http.client``, so nothing the test client normalises hides a
problem.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, port: int, log: Path, process: subprocess.Popen[bytes]) -> None:
        self.port = port
        self.log = log
        self.process = process

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def worker_pids(self) -> list[int]:
        return [int(pid) for pid in re.findall(r"worker started, pid (\d+)", self.output())]

    def request(
        self, method: str, target: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.putrequest(method, target, skip_accept_encoding=True)
            for name, value in {"Content-Length": str(len(body)), **(headers or {})}.items():
                conn.putheader(name, value)
            conn.endheaders()
            if body:
                conn.send(body)
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()

    def health(self) -> tuple[int, dict]:  # type: ignore[type-arg]
        status, _headers, body = self.request("GET", "/health/", headers={"Accept": "application/json"})
        return status, json.loads(body)


def _wait_for(condition, timeout: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except (OSError, ValueError, http.client.HTTPException):
            pass
        time.sleep(0.2)
    return False


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    var = tmp_path_factory.mktemp("serve-var")
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "TONGBAN_", "PYTEST", "DJANGO_"))
    }
    env.update(
        {
            "TONGBAN_VAR_DIR": str(var),
            "TONGBAN_WORKER_HEARTBEAT_SECONDS": "1",
            "TONGBAN_WORKER_STALE_SECONDS": "5",
            "TONGBAN_WORKER_RESTART_MAX_DELAY": "1",
            "TONGBAN_REQUEST_MAX_BYTES": "100000",
            "TONGBAN_DEMO": "0",
        }
    )
    cli = [sys.executable, "-m", "tongban.cli"]
    subprocess.run([*cli, "migrate", "-v0"], env=env, cwd=ROOT, check=True, timeout=300)
    log = var / "serve.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [*cli, "serve", "--port", str(port), "--workers", "1"],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    running = Server(port, log, process)
    try:
        assert _wait_for(lambda: running.health()[1]["checks"]["worker"]["status"] == "ok", 120), (
            running.output()
        )
        yield running
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_links_follow_the_port_serve_listens_on(server: Server) -> None:
    assert f"（TONGBAN_BASE_URL）：http://127.0.0.1:{server.port}" in server.output()


def test_the_health_endpoint_reports_every_check(server: Server) -> None:
    status, body = server.health()
    assert status == 200, body
    assert set(body["checks"]) == {"database", "cache", "worker", "outbox"}
    assert body["checks"]["worker"]["workers_alive"] >= 1


def test_a_killed_worker_is_restarted_and_beats_again(server: Server) -> None:
    (first,) = server.worker_pids()[-1:]
    os.kill(first, signal.SIGKILL)
    assert _wait_for(lambda: len(server.worker_pids()) >= 2 and server.worker_pids()[-1] != first, 60), (
        server.output()
    )
    assert "exit status -9" in server.output()
    # The new worker's heartbeat makes the platform healthy again; the web server never stopped.
    assert _wait_for(lambda: server.health()[0] == 200, 60)
    assert server.process.poll() is None


# --- Raw HTTP against gunicorn with the platform's limits -----------------------------------------------------------


def _json(body: bytes) -> dict:  # type: ignore[type-arg]
    return json.loads(body.decode("utf-8"))


def test_nul_in_a_raw_form_body_is_a_400_page_naming_the_field(server: Server) -> None:
    status, headers, body = server.request(
        "POST",
        "/accounts/login/",
        b"username=a%00b&password=x",
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 400
    assert headers["content-type"].startswith("text/html")
    assert "“username”" in body.decode()


def test_a_raw_lone_surrogate_is_a_400_malformed_request(server: Server) -> None:
    status, _headers, body = server.request(
        "POST",
        "/api/v1/auth/token",
        b'{"username": "\\ud800", "password": "x"}',
        {"Content-Type": "application/json"},
    )
    assert (status, _json(body)["code"]) == (400, "MALFORMED_REQUEST")


def test_raw_non_finite_numbers_are_refused(server: Server) -> None:
    for literal, expected in ((b"1e309", 422), (b"NaN", 400), (b"-Infinity", 400)):
        status, _headers, body = server.request(
            "POST",
            "/api/v1/auth/token",
            b'{"username": "u", "password": "p", "x": ' + literal + b"}",
            {"Content-Type": "application/json"},
        )
        assert status == expected, literal
        assert _json(body)["code"] in ("NUMBER_OUT_OF_RANGE", "MALFORMED_REQUEST")


def test_raw_json_under_another_media_type_is_a_415(server: Server) -> None:
    status, _headers, body = server.request(
        "POST", "/api/v1/auth/token", b'{"username": "u", "password": "p"}', {"Content-Type": "text/plain"}
    )
    assert (status, _json(body)["code"]) == (415, "UNSUPPORTED_MEDIA_TYPE")


def test_an_anonymous_raw_post_is_a_401(server: Server) -> None:
    status, _headers, body = server.request(
        "POST", "/api/v1/cases", b"{}", {"Content-Type": "application/json"}
    )
    assert (status, _json(body)["code"]) == (401, "NOT_AUTHENTICATED")


def test_an_oversized_raw_body_is_a_413_in_the_json_shape(server: Server) -> None:
    body = json.dumps({"username": "x" * 150_000, "password": "p"}).encode()
    status, _headers, answer = server.request(
        "POST", "/api/v1/auth/token", body, {"Content-Type": "application/json"}
    )
    assert (status, _json(answer)["code"]) == (413, "REQUEST_TOO_LARGE")


def test_long_urls_and_headers_get_the_json_shape_up_to_gunicorns_own_limits(server: Server) -> None:
    status, headers, body = server.request("GET", "/api/v1/catalog/items?q=" + "a" * 5000)
    assert (status, _json(body)["code"]) == (414, "URI_TOO_LONG")
    status, headers, body = server.request("GET", "/api/v1/catalog/items", headers={"X-Padding": "a" * 9000})
    assert (status, _json(body)["code"]) == (431, "HEADERS_TOO_LARGE")
    # Beyond gunicorn's maximum request line (8,190 bytes) gunicorn answers itself, as documented.
    status, headers, body = server.request("GET", "/api/v1/catalog/items?q=" + "a" * 9000)
    assert status in (400, 414)
    assert not headers.get("content-type", "").startswith("application/json")
