"""``tongban serve`` keeps its job worker alive: real child processes, killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from io import StringIO

import pytest

from tongban.cli.serve import Supervisor

SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]


def _wait_for(condition, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def running():  # type: ignore[no-untyped-def]
    started: list[tuple[Supervisor, threading.Thread, list[int]]] = []

    def start(supervisor: Supervisor) -> tuple[threading.Thread, list[int]]:
        result: list[int] = []
        thread = threading.Thread(target=lambda: result.append(supervisor.run()), daemon=True)
        thread.start()
        started.append((supervisor, thread, result))
        return thread, result

    yield start
    for supervisor, thread, _result in started:
        supervisor.stop()
        thread.join(timeout=30)


def test_a_killed_worker_is_restarted_after_a_backoff(running) -> None:  # type: ignore[no-untyped-def]
    out = StringIO()
    supervisor = Supervisor(SLEEPER, SLEEPER, max_delay=0.2, max_restarts=5, poll=0.05, out=out)
    running(supervisor)
    assert _wait_for(lambda: supervisor.worker is not None and supervisor.worker.poll() is None)
    first = supervisor.worker
    assert first is not None

    os.kill(first.pid, signal.SIGKILL)

    assert _wait_for(lambda: supervisor.worker is not first and supervisor.worker.poll() is None)  # type: ignore[union-attr]
    assert supervisor.server is not None and supervisor.server.poll() is None  # the web server served on
    log = out.getvalue()
    assert f"exit status -{signal.SIGKILL}" in log
    assert "重启" in log

    # And again: the second death waits longer (1 s backoff doubled, capped at max_delay).
    second = supervisor.worker
    os.kill(second.pid, signal.SIGKILL)  # type: ignore[union-attr]
    assert _wait_for(lambda: supervisor.worker is not second and supervisor.worker.poll() is None)  # type: ignore[union-attr]


def test_a_worker_that_keeps_dying_stops_the_server_with_status_1(running) -> None:  # type: ignore[no-untyped-def]
    out = StringIO()
    crasher = [sys.executable, "-c", "raise SystemExit(3)"]
    supervisor = Supervisor(SLEEPER, crasher, max_delay=0.01, max_restarts=2, poll=0.02, out=out)
    thread, result = running(supervisor)
    thread.join(timeout=60)
    assert result == [1]
    assert supervisor.server is not None and supervisor.server.poll() is not None  # gunicorn stopped too
    assert "停止服务" in out.getvalue()


def test_the_server_exiting_stops_the_worker(running) -> None:  # type: ignore[no-untyped-def]
    supervisor = Supervisor([sys.executable, "-c", "raise SystemExit(4)"], SLEEPER, poll=0.02, out=StringIO())
    thread, result = running(supervisor)
    thread.join(timeout=60)
    assert result == [4]
    assert supervisor.worker is not None and supervisor.worker.poll() is not None
