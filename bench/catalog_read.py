"""Bench 1 — public catalog reads: the search page and the guide page vs the floor, with 10,000 published items.

    .venv/bin/python bench/catalog_read.py [--items 10000] [--postgres] [--reuse] [--duration 10]

Creates a fresh database (SQLite under ``var/bench/``, or PostgreSQL ``tongban_bench`` with ``--postgres``),
migrates, loads the demo city, and writes N published items straight into the tables (items, implementations,
published guide versions copied from a demo guide, three materials each, and the search index rows, FTS5 on
SQLite). Then gunicorn (2 sync workers) serves the app and wrk measures, each for ``--duration`` seconds:

- the floor: ``/bench/floor/<random code>/`` (one indexed SELECT, bare view), before and after the pages;
- ``/search/?q=<random 2-character word>``;
- ``/guide/<random code>/``.

Goal (ARCHITECTURE §7, public read): ≥ 0.8× the floor's req/s and p99 ≤ 25 ms. The figure is printed last.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness

# Item names are built from these parts; the 2-character words are what the search bench types.
PREFIXES = ["", "临时", "特种", "小型", "大型"]
DOMAINS = ["食品", "药品", "建筑", "道路", "户籍", "婚姻", "医疗", "教育", "养老", "环保",
           "消防", "烟草", "出版", "旅游", "水利", "林业", "农业", "渔业", "交通", "税务"]  # fmt: skip
OBJECTS = ["经营", "运输", "施工", "生产", "销售", "执业", "卫生", "安全", "广告", "设施"]
ACTIONS = ["许可", "审批", "登记", "备案", "核准", "证明", "变更", "注销", "延续", "补办"]
MATERIALS = ["申请书", "身份证明", "营业执照", "场所证明", "承诺书", "平面图", "检测报告", "授权委托书"]
SEARCH_WORDS = [w for w in DOMAINS + OBJECTS + ACTIONS if len(w) == 2]
FALLBACK_GUIDE = {
    "acceptance_conditions": "申请人为在本市登记的自然人、法人或其他组织，符合法律法规规定的条件。",
    "handling_flow": "申请—受理—审查—决定—送达",
    "legal_days": 20,
    "promised_days": 10,
    "result_name": "准予许可决定书",
    "consult_phone": "0371-12345",
    "complaint_phone": "12345",
    "office_address": "开封市市民之家二楼综合受理窗口",
    "office_hours": "工作日 9:00-12:00，13:30-17:00",
    "legal_basis": [
        {"name": "《中华人民共和国行政许可法》", "doc_number": "", "article": "第二十九条", "content": ""}
    ],
}

READY_MARK = "catalog-ready"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--items", type=int, default=10_000, help="published items to generate (default 10000)"
    )
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL database tongban_bench")
    parser.add_argument(
        "--reuse", action="store_true", help="reuse the database of a previous run if complete"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--seed", type=int, default=20261123)
    return parser.parse_args()


def prepare_database(args: argparse.Namespace) -> tuple[str, bool]:
    """URL of the bench database and whether it already holds a complete data set (``--reuse``)."""
    harness.BENCH_VAR.mkdir(parents=True, exist_ok=True)
    vendor = "postgres" if args.postgres else "sqlite"
    mark = harness.BENCH_VAR / f"{READY_MARK}-{vendor}"
    if args.reuse and mark.exists() and mark.read_text().strip() == str(args.items):
        url = harness.postgres_url("tongban_bench") if args.postgres else harness.sqlite_url(_sqlite_path())
        return url, True
    mark.unlink(missing_ok=True)
    if args.postgres:
        return harness.recreate_postgres_database("tongban_bench"), False
    path = _sqlite_path()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return harness.sqlite_url(path), False


def _sqlite_path() -> Path:
    return harness.BENCH_VAR / "catalog.sqlite3"


def build(args: argparse.Namespace) -> None:
    """Migrate, load the demo city and generate ``args.items`` published items."""
    from django.core.management import call_command

    t0 = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"bench: migrated in {time.monotonic() - t0:.1f}s", flush=True)
    t0 = time.monotonic()
    call_command("load_demo", verbosity=0)
    print(f"bench: demo city loaded in {time.monotonic() - t0:.1f}s", flush=True)
    t0 = time.monotonic()
    made = generate_items(args.items, random.Random(args.seed))
    print(f"bench: {made} published items generated in {time.monotonic() - t0:.1f}s", flush=True)


def generate_items(count: int, rng: random.Random) -> int:
    """Bulk-write ``count`` published items, copying the guide content of one published demo version.

    Rows are written directly (no services, no ledger): this is bench data, and 10,000 publishes through the
    service would take minutes. The search index rows are built the way ``update_search_entry`` builds them.
    """
    from django.db import connection, transaction
    from django.utils import timezone

    from tongban.catalog.choices import VersionStatus
    from tongban.catalog.models import Implementation, Item, ItemVersion, Material, SearchEntry
    from tongban.catalog.search import segment_for_index
    from tongban.organizations.models import Department

    template = (
        ItemVersion.objects.filter(status=VersionStatus.PUBLISHED)
        .select_related("implementation")
        .order_by("id")
        .first()
    )
    skip = {
        "id",
        "implementation",
        "number",
        "status",
        "created_at",
        "updated_at",
        "published_at",
        "submitted_at",
    }
    if template is not None:
        guide_fields = {
            f.attname: getattr(template, f.attname)
            for f in ItemVersion._meta.concrete_fields
            if f.name not in skip and f.attname not in skip
        }
    else:
        # No demo catalog (an older checkout): a plain guide with the elements every page shows.
        print("bench: no published demo guide to copy; using a built-in guide", flush=True)
        guide_fields = dict(FALLBACK_GUIDE)
    departments = list(Department.objects.filter(is_active=True).order_by("id"))
    if not departments:
        sys.exit("bench: no departments; is load_demo complete?")
    used_codes = set(Item.objects.values_list("base_code", flat=True))
    item_types = ["01", "07", "20", "05"]
    now = timezone.now()

    with transaction.atomic():
        items = []
        serial = 0
        while len(items) < count:
            serial += 1
            item_type = item_types[serial % len(item_types)]
            base_code = (
                f"41{item_type}9{serial:04d}000" if serial < 10_000 else f"49{item_type}{serial:05d}000"
            )
            if base_code in used_codes:
                continue
            n = len(items)
            name = (
                PREFIXES[(n // 2000) % len(PREFIXES)]
                + DOMAINS[n % len(DOMAINS)]
                + OBJECTS[(n // len(DOMAINS)) % len(OBJECTS)]
                + ACTIONS[(n // (len(DOMAINS) * len(OBJECTS))) % len(ACTIONS)]
            )
            items.append(Item(base_code=base_code, name=name, item_type=item_type))
        Item.objects.bulk_create(items, batch_size=1000)
        items = list(Item.objects.filter(base_code__in=[i.base_code for i in items]).order_by("id"))

        implementations = []
        for n, item in enumerate(items):
            dept = departments[n % len(departments)]
            implementations.append(
                Implementation(
                    item=item,
                    department=dept,
                    region_id=dept.region_id,
                    level=dept.level,
                    code=f"{dept.credit_code}{dept.level}{item.base_code}",
                )
            )
        Implementation.objects.bulk_create(implementations, batch_size=1000)
        implementations = list(
            Implementation.objects.filter(item__in=items).select_related("item", "department").order_by("id")
        )

        versions = [
            ItemVersion(
                **guide_fields,
                implementation_id=impl.pk,
                number=1,
                status=VersionStatus.PUBLISHED,
                published_at=now,
                submitted_at=now,
            )
            for impl in implementations
        ]
        ItemVersion.objects.bulk_create(versions, batch_size=500)
        version_by_impl = dict(
            ItemVersion.objects.filter(implementation__in=implementations).values_list(
                "implementation_id", "id"
            )
        )
        for impl in implementations:
            impl.current_version_id = version_by_impl[impl.pk]
        Implementation.objects.bulk_update(implementations, ["current_version"], batch_size=500)

        materials = []
        names_by_impl: dict[int, list[str]] = {}
        for impl in implementations:
            names = [f"{impl.item.name}{m}" for m in rng.sample(MATERIALS, 3)]
            names_by_impl[impl.pk] = names
            materials.extend(
                Material(version_id=impl.current_version_id, order=i, name=name)
                for i, name in enumerate(names)
            )
        Material.objects.bulk_create(materials, batch_size=1000)

        entries = []
        for impl in implementations:
            parts = [
                impl.item.name,
                impl.department.name,
                " ".join(names_by_impl[impl.pk]),
                guide_fields.get("acceptance_conditions", ""),
                guide_fields.get("result_name", ""),
                impl.item.base_code,
                impl.code,
            ]
            text = "\n".join(p for p in parts if p)
            entries.append(SearchEntry(implementation=impl, name=impl.item.name, text=text, segmented=""))
        for entry in entries:
            entry.segmented = segment_for_index(entry.text)
        SearchEntry.objects.bulk_create(entries, batch_size=1000)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO catalog_search_fts (rowid, segmented) VALUES (%s, %s)",
                    [(e.implementation_id, e.segmented) for e in entries],
                )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return len(implementations)


def sanity_check(count: int) -> list[str]:
    """Published codes for the guide/floor runs, after checking that search finds the generated items."""
    from tongban.catalog.choices import VersionStatus
    from tongban.catalog.models import Implementation
    from tongban.catalog.queries import search_published

    codes = list(
        Implementation.objects.filter(current_version__status=VersionStatus.PUBLISHED).values_list(
            "code", flat=True
        )
    )
    if len(codes) < count:
        sys.exit(f"bench: only {len(codes)} published implementations, expected at least {count}")
    for word in SEARCH_WORDS[:3]:
        page = search_published(word)
        if page.count == 0:
            sys.exit(f"bench: searching {word!r} finds nothing; the search index rows are wrong")
    return codes


def main() -> None:
    args = parse_args()
    harness.ensure_wrk()
    database_url, reused = prepare_database(args)
    harness.setup_django(database_url)
    from django.db import connection

    if not reused:
        build(args)
        (harness.BENCH_VAR / f"{READY_MARK}-{'postgres' if args.postgres else 'sqlite'}").write_text(
            str(args.items)
        )
    else:
        print("bench: reusing the database of a previous run", flush=True)
    codes = sanity_check(args.items)
    vendor = connection.vendor
    connection.close()

    rng = random.Random(args.seed)
    sample = rng.sample(codes, min(2000, len(codes)))
    floor_paths = [f"/bench/floor/{c}/" for c in sample]
    guide_paths = [f"/guide/{c}/" for c in sample]
    search_paths = [f"/search/?q={quote(w)}" for w in SEARCH_WORDS]
    run = {"duration": args.duration, "connections": args.connections}

    with harness.gunicorn(database_url, settle_paths=[floor_paths[0]]) as base:
        floor_a = harness.run_wrk("floor (1 indexed SELECT)", base, floor_paths, **run)
        search = harness.run_wrk("search /search/?q=<2-char word>", base, search_paths, **run)
        guide = harness.run_wrk("guide /guide/<code>/", base, guide_paths, **run)
        floor_b = harness.run_wrk("floor (again)", base, floor_paths, **run)

    # The floor is measured before and after the pages; its mean absorbs slow drift on a shared machine.
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
        "published items": len(codes),
        "floor runs req/s": f"{floor_a.requests_per_second:.0f} / {floor_b.requests_per_second:.0f}",
    }
    results = [search, guide]
    harness.print_table("Bench 1 — catalog reads", floor, results, context)
    path = harness.save_results(f"catalog_read-{vendor}", floor, results, context)
    print(f"   results saved to {path.relative_to(harness.ROOT)}")
    print()
    print(harness.final_line(f"bench 1 catalog reads ({vendor}, {len(codes)} items)", floor, results))


if __name__ == "__main__":
    main()
