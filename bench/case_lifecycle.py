"""Bench 2 — case lifecycle: complete lifecycles per second through the services vs a transaction floor.

    .venv/bin/python bench/case_lifecycle.py [--lifecycles 200] [--db sqlite|postgres|both]

For each database a child process creates a fresh database (SQLite ``var/bench/case_lifecycle.sqlite3`` or
PostgreSQL ``tongban_bench_cases``), migrates it, builds a small world (regions, departments, staff, one published
item with two parallel review departments, 会签) and then, timed, runs N lifecycles through the real services, each
in its own transactions exactly as the web and API do:

    do_create_case(submit=True) → do_accept_case → 2 × do_complete_task (parallel departments)
    → do_decide_case (decision task)                                   = 5 transactions per lifecycle

with every ledger entry, task row, notice, SpiffWorkflow (de)serialisation and outbox message included, and — since
issue 9 — the licence the approval issues in the decision's transaction (identifier, face, seal, the Ed25519-signed
payload and their ledger entries). PDF rendering is lazy (a task after commit) and excluded by design.

The floor, measured in the same process before and after the lifecycles, is the same number of transactions
(5 × N), each doing one ORM insert and one ORM update. Figures: lifecycles/s, floor tx/s, and the ratio
``(floor time for 5N transactions) / (lifecycle time)`` — goal ≥ 0.3× (ARCHITECTURE §7). The ratio is printed last.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness

TX_PER_LIFECYCLE = 5
PG_DBNAME = "tongban_bench_cases"
SQLITE_PATH = harness.BENCH_VAR / "case_lifecycle.sqlite3"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lifecycles", type=int, default=200, help="lifecycles to time (default 200)")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--child", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    return parser.parse_args()


# --- child: one database -----------------------------------------------------------------------------------------


def _fresh_database(kind: str) -> str:
    harness.BENCH_VAR.mkdir(parents=True, exist_ok=True)
    if kind == "postgres":
        return harness.recreate_postgres_database(PG_DBNAME)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
    return harness.sqlite_url(SQLITE_PATH)


def _floor(transactions: int, offset: int) -> float:
    """Seconds for ``transactions`` transactions, each one ORM insert and one ORM update."""
    from datetime import date

    from django.db import transaction

    from tongban.cases.models import CaseNumberSequence

    day = date(2000, 1, 1)
    start = time.perf_counter()
    for i in range(offset, offset + transactions):
        with transaction.atomic():
            row = CaseNumberSequence.objects.create(region_code=f"{i:06d}", day=day, last=0)
            row.last = 1
            row.save(update_fields=["last"])
    return time.perf_counter() - start


def _lifecycle(world, version, index: int) -> None:  # type: ignore[no-untyped-def]
    from tongban.cases import services
    from tongban.cases.models import CaseTask

    case = services.do_create_case(
        actor=world.citizen,
        version=version,
        form_data={"n": index, "shop_name": f"汴梁小吃店（演示）{index}"},
        idempotency_key=f"bench-{index}",
        submit=True,
    )
    case = services.do_accept_case(case, actor=world.clerk)
    reviewers = {world.ga.pk: world.reviewer_ga, world.zj.pk: world.reviewer_zj}
    for task in list(CaseTask.objects.filter(case=case, step="dept_review", state="open")):
        services.do_complete_task(
            task, actor=reviewers[task.department_id], outcome="approve", opinion="同意"
        )
    case = services.do_decide_case(case, actor=world.approver, approve=True, opinion="准予")
    assert case.state == "decided", case.state


def run_child(kind: str, lifecycles: int) -> dict[str, float]:
    url = _fresh_database(kind)
    harness.setup_django(url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from tongban.cases.tests.factories import make_item, make_world

    world = make_world()
    version = make_item(world.scjg, review_departments=(world.ga, world.zj), materials=())
    # The approval issues a licence (issue 9): the item names a licence type whose face the form fills.
    from tongban.catalog.models import ItemVersion
    from tongban.licenses.tests.factories import make_license_type

    license_type = make_license_type()
    ItemVersion.objects.filter(pk=version.pk).update(license_type_code=license_type.code)
    version.license_type_code = license_type.code
    for i in range(5):  # warm-up: spec parse cache, calendar cache, connections
        _lifecycle(world, version, -1 - i)
    floor_before = _floor(lifecycles * TX_PER_LIFECYCLE, 0)
    start = time.perf_counter()
    for i in range(lifecycles):
        _lifecycle(world, version, i)
    elapsed = time.perf_counter() - start
    floor_after = _floor(lifecycles * TX_PER_LIFECYCLE, lifecycles * TX_PER_LIFECYCLE)
    floor_seconds = (floor_before + floor_after) / 2
    from tongban.core.queries import verify_ledger

    ledger = verify_ledger()
    from tongban.licenses.models import License

    assert License.objects.count() >= lifecycles, "the approvals issued no licences"
    return {
        "lifecycles": lifecycles,
        "lifecycles_per_s": lifecycles / elapsed,
        "ms_per_lifecycle": 1000 * elapsed / lifecycles,
        "floor_tx_per_s": lifecycles * TX_PER_LIFECYCLE / floor_seconds,
        "ratio": floor_seconds / elapsed,
        "ledger_ok": bool(ledger.ok),
    }


# --- parent: run each database in its own process ----------------------------------------------------------------


def main() -> None:
    args = parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, args.lifecycles)))
        return
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    results = {}
    for kind in kinds:
        print(f"bench: case lifecycle on {kind}, {args.lifecycles} lifecycles …", flush=True)
        env = {**os.environ}
        env.pop("DATABASE_URL", None)
        proc = subprocess.run(
            [sys.executable, __file__, "--child", kind, "--lifecycles", str(args.lifecycles)],
            capture_output=True,
            text=True,
            env=env,
            cwd=harness.ROOT,
        )
        if proc.returncode != 0:
            sys.exit(f"bench: {kind} run failed\n{proc.stderr[-4000:]}")
        results[kind] = json.loads(proc.stdout.strip().splitlines()[-1])
    print()
    print(
        f"{'database':<10} {'lifecycles/s':>13} {'ms/lifecycle':>13} {'floor tx/s':>11} {'ratio':>7}  ledger"
    )
    for kind, r in results.items():
        print(
            f"{kind:<10} {r['lifecycles_per_s']:>13.1f} {r['ms_per_lifecycle']:>13.1f} "
            f"{r['floor_tx_per_s']:>11.1f} {r['ratio']:>6.2f}×  {'ok' if r['ledger_ok'] else 'BROKEN'}"
        )
    verdicts = ", ".join(
        f"{k} {r['lifecycles_per_s']:.1f} lifecycles/s vs floor {r['floor_tx_per_s']:.0f} tx/s = {r['ratio']:.2f}×"
        f" ({'meets' if r['ratio'] >= 0.3 else 'below'} 0.3×)"
        for k, r in results.items()
    )
    print(f"case lifecycle: {verdicts}")


if __name__ == "__main__":
    main()
