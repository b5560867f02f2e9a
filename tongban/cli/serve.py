"""``tongban serve``: gunicorn in the foreground with a supervised job worker beside it.

The worker is restarted when it dies, after 1, 2, 4 … seconds (capped by ``TONGBAN_WORKER_RESTART_MAX_DELAY``; the
delay starts again from 1 s once a worker has run for a minute). If it dies ``TONGBAN_WORKER_MAX_RESTARTS`` times
within ten minutes, something is wrong that a restart does not fix (a broken database, a bad deployment): ``serve``
then stops gunicorn and exits with status 1, so that systemd (``Restart=on-failure``) restarts the whole service and
the failure shows in its status — instead of serving on while notifications pile up. ``/health/`` reports the
worker's heartbeat in the meantime.
"""

from __future__ import annotations

import argparse
import collections
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from typing import Any, TextIO

STABLE_AFTER_SECONDS = 60.0
RESTART_WINDOW_SECONDS = 600.0


def base_url_for(host: str, port: int) -> str:
    """The address links and QR codes should use for a server bound to ``host:port``."""
    if host in ("0.0.0.0", "::", ""):
        host = socket.getfqdn() or "127.0.0.1"  # a wildcard bind is no address a browser can open
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def apply_base_url(host: str, port: int) -> str:
    """Make ``TONGBAN_BASE_URL`` follow ``--host``/``--port`` unless it was set explicitly; returns the value used.

    Children (gunicorn, the worker) inherit it through the environment; this process's settings follow too.
    """
    from django.conf import settings

    if os.environ.get("TONGBAN_BASE_URL") or os.environ.get("TONGBAN_BASE_URL_FILE"):
        return str(settings.TONGBAN_BASE_URL)
    url = base_url_for(host, port)
    os.environ["TONGBAN_BASE_URL"] = url
    settings.TONGBAN_BASE_URL = url
    return url


class Supervisor:
    """Runs the web server and keeps one worker process alive beside it (restart with exponential backoff)."""

    def __init__(
        self,
        server_command: list[str],
        worker_command: list[str] | None,
        *,
        max_delay: float = 60.0,
        max_restarts: int = 10,
        window: float = RESTART_WINDOW_SECONDS,
        stable_after: float = STABLE_AFTER_SECONDS,
        poll: float = 0.5,
        out: TextIO | None = None,
    ) -> None:
        self.server_command = server_command
        self.worker_command = worker_command
        self.max_delay = max_delay
        self.max_restarts = max_restarts
        self.window = window
        self.stable_after = stable_after
        self.poll = poll
        self.out = out or sys.stdout
        self.server: subprocess.Popen[bytes] | None = None
        self.worker: subprocess.Popen[bytes] | None = None
        self.worker_started_at = 0.0
        self.restarts: collections.deque[float] = collections.deque()
        self.consecutive = 0
        self.restart_at: float | None = None
        self._stop = threading.Event()

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def start_worker(self) -> None:
        assert self.worker_command is not None
        self.worker = subprocess.Popen(self.worker_command)
        self.worker_started_at = time.monotonic()
        self.restart_at = None
        self.say(f"后台任务进程已启动（worker started, pid {self.worker.pid}）")

    def stop(self) -> None:
        """Ask :meth:`run` to stop both processes and return (for tests and embedding)."""
        self._stop.set()

    def run(self) -> int:
        """Start the server and the worker; return the server's exit status (1 when the worker keeps dying)."""
        self.server = subprocess.Popen(self.server_command)
        if self.worker_command:
            self.start_worker()
        try:
            while not self._stop.is_set():
                code = self.server.poll()
                if code is not None:
                    return code
                if self.worker_command and not self._watch_worker():
                    return 1
                self._stop.wait(self.poll)
            return 0
        finally:
            for process in (self.server, self.worker):
                _terminate(process)

    def _watch_worker(self) -> bool:
        """Restart a dead worker when its delay has passed; ``False`` when it died too often."""
        now = time.monotonic()
        if self.restart_at is not None:
            if now >= self.restart_at:
                self.start_worker()
            return True
        assert self.worker is not None
        code = self.worker.poll()
        if code is None:
            return True
        if now - self.worker_started_at >= self.stable_after:
            self.consecutive = 0  # it ran well for a while: start the backoff from the beginning
        self.consecutive += 1
        self.restarts.append(now)
        while self.restarts and now - self.restarts[0] > self.window:
            self.restarts.popleft()
        if len(self.restarts) > self.max_restarts:
            self.say(
                f"错误：后台任务进程在 {self.window:g} 秒内退出了 {len(self.restarts)} 次，停止服务，"
                "请检查日志（the worker keeps dying; stopping so the service manager restarts us）。"
            )
            return False
        delay = min(self.max_delay, 2.0 ** (self.consecutive - 1))
        self.say(f"后台任务进程已退出（exit status {code}），{delay:g} 秒后重启（restarting）。")
        self.restart_at = now + delay
        return True


def _terminate(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def gunicorn_command(host: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "tongban.wsgi:application",
        "--config",
        "python:tongban.gunicorn_conf",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
    ]


def cmd_serve(args: argparse.Namespace) -> int:
    """collectstatic, then gunicorn in the foreground with a supervised worker beside it."""
    from django.conf import settings

    from tongban import cli

    cli._call("collectstatic", interactive=False, verbosity=0)
    base_url = apply_base_url(args.host, args.port)
    print(f"通办已启动（serving）：http://{args.host}:{args.port}/", flush=True)
    print(f"链接和二维码使用的地址（TONGBAN_BASE_URL）：{base_url}", flush=True)
    if settings.TONGBAN_DEMO:
        logins = cli._demo_logins()
        if logins:
            print(f"演示账号（demo logins），密码均为 {settings.TONGBAN_DEMO_PASSWORD}：", flush=True)
            print(logins, flush=True)
        else:
            print("演示模式已开启；运行 tongban load-demo 加载演示账号。", flush=True)
    supervisor = Supervisor(
        gunicorn_command(args.host, args.port, args.workers),
        None if args.no_worker else [sys.executable, "-m", "tongban.cli", "worker"],
        max_delay=float(settings.TONGBAN_WORKER_RESTART_MAX_DELAY),
        max_restarts=int(settings.TONGBAN_WORKER_MAX_RESTARTS),
    )

    def forward(signum: int, _frame: Any) -> None:
        # A service manager stops us with SIGTERM: pass it on so gunicorn shuts down gracefully.
        server = supervisor.server
        if server is not None and server.poll() is None:
            server.send_signal(signum)
        else:
            supervisor.stop()

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        return supervisor.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
