"""Bench 2 — public case-progress lookup with 1,000,000 cases in the database, vs the floor.

    .venv/bin/python bench/public_lookup.py [--cases 1000000] [--postgres] [--reuse] [--duration 10]

Creates a fresh database (SQLite ``var/bench/cases.sqlite3``, or PostgreSQL ``tongban_bench_cases`` with
``--postgres``), migrates, loads the demo city and writes N submitted cases straight into ``cases_case``
(PostgreSQL: ``COPY``; SQLite: ``executemany``) against the demo's published items. The rows are built from the
model's own fields, so the generator follows the model as it changes: fields it does not know get their
default, or NULL, or ''. Then gunicorn (2 sync workers) serves the app and wrk measures, each for ``--duration``:

- the floor: ``/bench/floor-case/<number>/``, one indexed SELECT on the 1M-row case table in a bare view
  (before and after the pages; the implementation-code floor of bench 1 is shown too);
- the API: ``GET /api/v1/public/cases/{number}?code=<query code>`` (when the route exists);
- the HTML page: ``/cases/progress/?number=…&code=…`` (``cases:progress``).

Goal (ARCHITECTURE §7, public read): ≥ 0.8× the floor's req/s and p99 ≤ 25 ms. The figure is printed last.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness

READY_MARK = "cases-ready"
PG_DATABASE = "tongban_bench_cases"
QUERY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
BATCH = 20_000
# State mix of a year of cases: most are finished, some are still moving.
STATE_WEIGHTS = {
    "closed": 70,
    "in_review": 10,
    "submitted": 5,
    "correction_requested": 3,
    "decided": 4,
    "not_accepted": 3,
    "withdrawn": 3,
    "special_procedure": 2,
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000, help="cases to generate (default 1000000)")
    parser.add_argument("--postgres", action="store_true", help=f"use PostgreSQL database {PG_DATABASE}")
    parser.add_argument(
        "--reuse", action="store_true", help="reuse the database of a previous run if complete"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--seed", type=int, default=20261123)
    return parser.parse_args()


def _sqlite_path() -> Path:
    return harness.BENCH_VAR / "cases.sqlite3"


def prepare_database(args: argparse.Namespace) -> tuple[str, bool]:
    """URL of the bench database and whether it already holds a complete data set (``--reuse``)."""
    harness.BENCH_VAR.mkdir(parents=True, exist_ok=True)
    vendor = "postgres" if args.postgres else "sqlite"
    mark = harness.BENCH_VAR / f"{READY_MARK}-{vendor}"
    if args.reuse and mark.exists() and mark.read_text().strip() == str(args.cases):
        url = harness.postgres_url(PG_DATABASE) if args.postgres else harness.sqlite_url(_sqlite_path())
        return url, True
    mark.unlink(missing_ok=True)
    if args.postgres:
        return harness.recreate_postgres_database(PG_DATABASE), False
    path = _sqlite_path()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return harness.sqlite_url(path), False


# --- Data --------------------------------------------------------------------------------------------------------


class CaseRows:
    """Builds ``cases_case`` rows as database-ready tuples from the model's concrete fields."""

    def __init__(self, connection: Any, rng: random.Random) -> None:
        from tongban.accounts.models import User
        from tongban.cases.models import Case
        from tongban.catalog.choices import VersionStatus
        from tongban.catalog.models import Implementation

        self.connection = connection
        self.rng = rng
        self.model = Case
        self.fields = [f for f in Case._meta.concrete_fields if not f.primary_key]
        self.columns = [f.column for f in self.fields]
        self.implementations = list(
            Implementation.objects.filter(current_version__status=VersionStatus.PUBLISHED)
            .select_related("region")
            .values("id", "current_version_id", "department_id", "region_id", "region__code", "region__path")
        )
        if not self.implementations:
            sys.exit("bench: the demo catalog has no published implementation; is load_demo complete?")
        citizen = User.objects.filter(username="citizen").first()
        self.citizen_id = citizen.pk if citizen else None
        states = list(STATE_WEIGHTS)
        self.state_pool = rng.choices(states, weights=[STATE_WEIGHTS[s] for s in states], k=997)
        self.constants = self._constants()
        self.is_sqlite = connection.vendor == "sqlite"

    def _constants(self) -> dict[str, Any]:
        """Database values of the fields every row shares (defaults, NULLs, blanks)."""
        values: dict[str, Any] = {}
        for field in self.fields:
            if field.has_default():
                value = field.get_default()
            elif field.null:
                value = None
            elif field.get_internal_type() in ("CharField", "TextField", "SlugField"):
                value = ""
            else:
                value = None  # must be set per row below; checked in ``row``
            if field.get_internal_type() == "JSONField" and value is not None:
                value = json.dumps(value, ensure_ascii=False)
            elif value is not None:
                value = field.get_db_prep_save(value, self.connection)
            values[field.attname] = value
        return values

    def _dt(self, value: datetime) -> Any:
        return self.connection.ops.adapt_datetimefield_value(value) if self.is_sqlite else value

    def _date(self, value: date) -> Any:
        return self.connection.ops.adapt_datefield_value(value) if self.is_sqlite else value

    def generate(self, count: int) -> Any:
        """Yield ``count`` rows, numbered per region and day like the real sequence (``<region6><ymd><seq6>``)."""
        today = datetime.now(UTC).replace(hour=1, minute=0, second=0, microsecond=0)
        per_day = max(1, count // 365 + 1)
        sequence: dict[tuple[str, str], int] = {}
        rng = self.rng
        for n in range(count):
            day_offset = n // per_day
            submitted = today - timedelta(days=365 - day_offset % 365, seconds=rng.randrange(0, 8 * 3600))
            impl = self.implementations[n % len(self.implementations)]
            region6 = impl["region__code"][:6]
            ymd = (submitted + timedelta(hours=8)).strftime("%Y%m%d")  # numbers use the Asia/Shanghai date
            seq = sequence.get((region6, ymd), 0) + 1
            sequence[(region6, ymd)] = seq
            state = self.state_pool[n % len(self.state_pool)]
            values = dict(self.constants)
            accepted = submitted + timedelta(hours=2) if state not in ("submitted", "not_accepted") else None
            finished = submitted + timedelta(days=5) if state in ("closed", "decided") else None
            values.update(
                {
                    "public_id": uuid.UUID(int=rng.getrandbits(128), version=4).hex
                    if self.is_sqlite
                    else uuid.UUID(int=rng.getrandbits(128), version=4),
                    # From 500001 up, so the demo's own cases (numbered from 000001 per day) never collide.
                    "number": f"{region6}{ymd}{500_000 + seq:06d}",
                    "query_code": "".join(rng.choices(QUERY_CODE_ALPHABET, k=6)),
                    "state": state,
                    "implementation_id": impl["id"],
                    "version_id": impl["current_version_id"],
                    "department_id": impl["department_id"],
                    "region_id": impl["region_id"],
                    "region_path": impl["region__path"],
                    "applicant_user_id": self.citizen_id,
                    "created_by_id": self.citizen_id,
                    "applicant_name": "演示申请人",
                    "created_at": self._dt(submitted),
                    "updated_at": self._dt(finished or accepted or submitted),
                    "submitted_at": self._dt(submitted),
                    "accepted_at": self._dt(accepted) if accepted else None,
                    "decided_at": self._dt(finished) if finished else None,
                    "closed_at": self._dt(finished) if finished and state == "closed" else None,
                    "deadline": self._date((submitted + timedelta(days=28)).date()) if accepted else None,
                    "time_limit_days": 20 if accepted else None,
                }
            )
            yield tuple(values.get(f.attname) for f in self.fields)

    def check_complete(self, row: tuple[Any, ...]) -> None:
        """Exit with the field names when a NOT NULL column would get NULL (the model grew a required field)."""
        missing = [f.attname for f, v in zip(self.fields, row, strict=True) if v is None and not f.null]
        if missing:
            sys.exit(
                f"bench: no value for required case fields {missing}; teach bench/public_lookup.py about them"
            )


def generate_cases(count: int, rng: random.Random) -> int:
    """Write ``count`` cases in batches; returns how many rows ``cases_case`` holds afterwards."""
    from django.db import connection, transaction

    rows = CaseRows(connection, rng)
    table = rows.model._meta.db_table
    quoted = ", ".join(connection.ops.quote_name(c) for c in rows.columns)
    generator = rows.generate(count)
    first = next(generator)
    rows.check_complete(first)

    def all_rows() -> Any:
        yield first
        yield from generator

    started = time.monotonic()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            connection.ensure_connection()
            raw = connection.connection.cursor()  # psycopg 3 cursor: COPY is the fast path for a million rows
            with raw.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for n, row in enumerate(all_rows(), 1):
                    copy.write_row(row)
                    if n % 200_000 == 0:
                        print(f"bench: {n} cases written ({time.monotonic() - started:.0f}s)", flush=True)
        else:
            placeholders = ", ".join(["%s"] * len(rows.columns))
            sql = f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})"
            batch: list[tuple[Any, ...]] = []
            written = 0
            with connection.cursor() as cursor:
                for row in all_rows():
                    batch.append(row)
                    if len(batch) >= BATCH:
                        cursor.executemany(sql, batch)
                        written += len(batch)
                        batch.clear()
                        if written % 200_000 == 0:
                            print(
                                f"bench: {written} cases written ({time.monotonic() - started:.0f}s)",
                                flush=True,
                            )
                if batch:
                    cursor.executemany(sql, batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return rows.model.objects.count()


def build(args: argparse.Namespace) -> None:
    from django.core.management import call_command

    t0 = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"bench: migrated in {time.monotonic() - t0:.1f}s", flush=True)
    t0 = time.monotonic()
    call_command("load_demo", verbosity=0)
    print(f"bench: demo city loaded in {time.monotonic() - t0:.1f}s", flush=True)
    t0 = time.monotonic()
    total = generate_cases(args.cases, random.Random(args.seed))
    print(
        f"bench: {args.cases} cases generated in {time.monotonic() - t0:.1f}s ({total} in the table)",
        flush=True,
    )


def sample_cases(rng: random.Random, k: int = 2000) -> list[tuple[str, str]]:
    """``k`` random (number, query code) pairs of submitted cases, picked by random primary keys."""
    from django.db.models import Max, Min

    from tongban.cases.models import Case

    bounds = Case.objects.aggregate(lo=Min("id"), hi=Max("id"))
    ids = [rng.randint(bounds["lo"], bounds["hi"]) for _ in range(k * 2)]
    pairs = list(
        Case.objects.filter(id__in=ids)
        .exclude(number=None)
        .exclude(query_code="")
        .exclude(state="draft")
        .values_list("number", "query_code")[:k]
    )
    if not pairs:
        sys.exit("bench: no submitted cases to look up")
    return pairs


def api_lookup_template() -> str | None:
    """The public lookup API path with ``{number}`` in it, or None when the route does not exist yet."""
    from tongban.api.routes import api

    for path in api.get_openapi_schema()["paths"]:
        if path.startswith("/api/v1/public/cases/{"):
            return path
    return None


def main() -> None:
    args = parse_args()
    harness.ensure_wrk()
    database_url, reused = prepare_database(args)
    harness.setup_django(database_url)
    from django.db import connection
    from django.urls import NoReverseMatch, reverse

    from tongban.catalog.models import Implementation

    if not reused:
        build(args)
        mark = harness.BENCH_VAR / f"{READY_MARK}-{'postgres' if args.postgres else 'sqlite'}"
        mark.write_text(str(args.cases))
    else:
        print("bench: reusing the database of a previous run", flush=True)

    rng = random.Random(args.seed)
    pairs = sample_cases(rng)
    from tongban.cases.models import Case

    total_cases = Case.objects.count()
    impl_codes = list(Implementation.objects.values_list("code", flat=True))
    try:
        progress_url: str | None = reverse("cases:progress")
    except NoReverseMatch:
        progress_url = None
    api_template = api_lookup_template()
    vendor = connection.vendor
    connection.close()

    case_floor_paths = [f"/bench/floor-case/{number}/" for number, _ in pairs]
    impl_floor_paths = [f"/bench/floor/{c}/" for c in impl_codes]
    page_paths = (
        [f"{progress_url}?{urlencode({'number': n, 'code': c})}" for n, c in pairs] if progress_url else []
    )
    run = {"duration": args.duration, "connections": args.connections}

    with harness.gunicorn(database_url, settle_paths=[case_floor_paths[0]]) as base:
        floor_a = harness.run_wrk("floor (case by number)", base, case_floor_paths, **run)
        results = []
        if api_template:
            api_paths = [api_template.replace("{number}", n) + "?" + urlencode({"code": c}) for n, c in pairs]
            results.append(harness.run_wrk("API /api/v1/public/cases/{n}", base, api_paths, **run))
        else:
            print("bench: /api/v1/public/cases/{number} is not in the API yet; measuring the page only")
        if page_paths:
            results.append(harness.run_wrk("page /cases/progress/?number&code", base, page_paths, **run))
        else:
            print("bench: the cases:progress page does not exist yet; measuring the API only")
        impl_floor = harness.run_wrk("floor (implementation by code)", base, impl_floor_paths, **run)
        floor_b = harness.run_wrk("floor (case by number, again)", base, case_floor_paths, **run)

    floor = harness.WrkResult(
        name="floor (mean of 2 runs)",
        requests_per_second=(floor_a.requests_per_second + floor_b.requests_per_second) / 2,
        p50_ms=(floor_a.p50_ms + floor_b.p50_ms) / 2,
        p99_ms=(floor_a.p99_ms + floor_b.p99_ms) / 2,
        requests=floor_a.requests + floor_b.requests,
        non_2xx=floor_a.non_2xx + floor_b.non_2xx,
    )
    context = {
        "database": vendor,
        "load": f"gunicorn 2 sync workers; wrk -t1 -c{args.connections} -d{args.duration}s, random paths",
        "cases in the table": total_cases,
        "floor runs req/s": f"{floor_a.requests_per_second:.0f} / {floor_b.requests_per_second:.0f}",
        "implementation floor": f"{impl_floor.requests_per_second:.0f} req/s, p99 {impl_floor.p99_ms:.1f} ms",
    }
    harness.print_table("Bench 2 — public progress lookup", floor, results, context)
    path = harness.save_results(f"public_lookup-{vendor}", floor, results, context)
    print(f"   results saved to {path.relative_to(harness.ROOT)}")
    print()
    print(harness.final_line(f"bench 2 public lookup ({vendor}, {total_cases} cases)", floor, results))


if __name__ == "__main__":
    main()
