"""Bench 3 — public licence verification: verifications/s through ``/api/v1/licenses/verify`` vs raw Ed25519.

    .venv/bin/python bench/licence_verify.py [--licences 200] [--postgres] [--duration 10]

Creates a fresh database (SQLite ``var/bench/licences.sqlite3``, or PostgreSQL ``tongban_bench_licences`` with
``--postgres``), migrates, builds a small world and issues N licences through the real services (each signed as a
compact JWS with the platform's Ed25519 key). Then:

- the floor: ``cryptography``'s raw Ed25519 ``verify`` of the same N tokens' signing inputs, in this process,
  single-threaded, measured before and after the server run (the mean is used);
- the endpoint: gunicorn (2 sync workers) serves the app and wrk calls
  ``GET /api/v1/licenses/verify?payload=<token>`` over the N tokens at random (signature check against the JWKS
  keys, the licence's current status from the database, the JSON answer).

Goal (issue 9 §5): the endpoint's verifications/s ≥ 0.3× the raw verifications/s. The ratio is printed last.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness

PG_DATABASE = "tongban_bench_licences"
GOAL = 0.3


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--licences", type=int, default=200, help="licences to issue (default 200)")
    parser.add_argument("--postgres", action="store_true", help=f"use PostgreSQL database {PG_DATABASE}")
    parser.add_argument("--duration", type=int, default=10, help="seconds of the wrk run (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    return parser.parse_args()


def _database(postgres: bool) -> str:
    harness.BENCH_VAR.mkdir(parents=True, exist_ok=True)
    if postgres:
        return harness.recreate_postgres_database(PG_DATABASE)
    path = harness.BENCH_VAR / "licences.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return harness.sqlite_url(path)


def issue_licences(count: int) -> list[str]:
    """Issue ``count`` licences through the real services; their payloads (compact JWS)."""
    from tongban.cases.tests.factories import make_world
    from tongban.licenses import services
    from tongban.licenses.tests.factories import case_for, make_license_item, make_license_type

    world = make_world()
    version = make_license_item(world.scjg, make_license_type())
    payloads = []
    for i in range(count):
        case = case_for(world, version, form_data={"shop_name": f"汴梁小吃店（演示）{i}"})
        lic = services.issue_for_case(case, actor=world.approver)
        assert lic is not None
        payloads.append(lic.payload)
    return payloads


def _b64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def raw_verify_rate(tokens: list[str], seconds: float = 2.0) -> float:
    """Raw Ed25519 verifications per second of the tokens' signatures (public keys from the JWKS)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from tongban.signing.queries import jwks

    keys = {
        k["kid"]: Ed25519PublicKey.from_public_bytes(_b64(k["x"]))
        for k in jwks()["keys"]
        if k.get("crv") == "Ed25519"
    }

    prepared = []
    for token in tokens:
        head, body, sig = token.split(".")
        kid = json.loads(_b64(head))["kid"]
        prepared.append((keys[kid], f"{head}.{body}".encode("ascii"), _b64(sig)))
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for key, message, signature in prepared:
            key.verify(signature, message)
        done += len(prepared)
    return done / (time.perf_counter() - start)


def main() -> None:
    args = parse_args()
    url = _database(args.postgres)
    harness.setup_django(url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"bench: issuing {args.licences} licences …", flush=True)
    tokens = issue_licences(args.licences)
    floor_before = raw_verify_rate(tokens)
    paths = [f"/api/v1/licenses/verify?payload={quote(t)}" for t in tokens]
    with harness.gunicorn(url, settle_paths=paths[:1]) as base:
        result = harness.run_wrk(
            "GET /api/v1/licenses/verify", base, paths, duration=args.duration, connections=args.connections
        )
    floor_after = raw_verify_rate(tokens)
    floor = (floor_before + floor_after) / 2
    ratio = result.requests_per_second / floor if floor else 0.0
    print()
    print(f"{'measure':<34} {'per s':>10} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    print(f"{'raw Ed25519 verify (floor)':<34} {floor:>10.0f}")
    print(
        f"{result.name:<34} {result.requests_per_second:>10.0f} {result.p50_ms:>8.2f} {result.p99_ms:>8.2f} "
        f"{result.non_2xx:>8}"
    )
    verdict = "meets" if ratio >= GOAL else "below"
    db = "postgres" if args.postgres else "sqlite"
    print(
        f"licence verify ({db}): {result.requests_per_second:.0f} verifications/s vs raw Ed25519 {floor:.0f}/s "
        f"= {ratio:.3f}× ({verdict} {GOAL}×)"
    )


if __name__ == "__main__":
    main()
