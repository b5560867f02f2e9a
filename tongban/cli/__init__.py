"""The ``tongban`` console command: run, set up, check and back up a Tongban installation.

``tongban --help`` lists the subcommands. Each maps onto a Django management command, so ``tongban ledger verify``
and ``python manage.py ledger_verify`` do the same thing. Also runnable as ``python -m tongban.cli``.
``serve`` and its worker supervision live in :mod:`tongban.cli.serve`.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

DESCRIPTION = "通办（Tongban）一体化网上政务服务平台的管理命令（management command）。"
EPILOG = "示例（examples）：tongban migrate && tongban load-demo && tongban serve"


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongban.settings")
    import django

    django.setup()


def _call(name: str, *args: Any, **options: Any) -> int:
    """Run a management command; a ``CommandError`` becomes a message on stderr and its exit code."""
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command(name, *args, **options)
    except CommandError as exc:
        print(f"错误（error）：{exc}", file=sys.stderr)
        return exc.returncode or 1
    return 0


def _manage(argv: Sequence[str]) -> int:
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["tongban", *argv])
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0


def _demo_logins() -> str:
    """The demo accounts as printed by ``demo_accounts``, or an empty string when there are none."""
    from django.core.management import call_command, get_commands

    if "demo_accounts" not in get_commands():
        return ""
    out = io.StringIO()
    try:
        call_command("demo_accounts", stdout=out, stderr=io.StringIO())
    except Exception:  # the server must start even if the demo listing fails (e.g. tables not migrated yet)
        return ""
    return out.getvalue().strip()


def _refuse_demo_accounts_in_production() -> bool:
    """Print the reason and return True when production meets a demo account (serve and worker then exit 1)."""
    from django.core.exceptions import ImproperlyConfigured

    from tongban.accounts.checks import refuse_to_start_with_demo_accounts

    try:
        refuse_to_start_with_demo_accounts()
    except ImproperlyConfigured as exc:
        print(f"错误（error）：{exc}", file=sys.stderr)
        return True
    return False


def cmd_serve(args: argparse.Namespace) -> int:
    from tongban.cli.serve import cmd_serve as serve

    if _refuse_demo_accounts_in_production():
        return 1
    return serve(args)


def cmd_worker(args: argparse.Namespace) -> int:
    if _refuse_demo_accounts_in_production():
        return 1
    return _call("run_worker")


def cmd_migrate(args: argparse.Namespace) -> int:
    return _manage(["migrate", *args.rest])


def cmd_load_demo(args: argparse.Namespace) -> int:
    return _call("load_demo")


def cmd_demo_accounts(args: argparse.Namespace) -> int:
    return _call("demo_accounts")


def cmd_calendar_check(args: argparse.Namespace) -> int:
    return _call("calendar_check")


def cmd_calendar_import(args: argparse.Namespace) -> int:
    return _call("calendar_import", args.path, year=args.year, source=args.source, yes=args.yes)


def cmd_ledger_verify(args: argparse.Namespace) -> int:
    return _call("ledger_verify", checkpoints=args.checkpoints)


def cmd_ledger_checkpoint(args: argparse.Namespace) -> int:
    return _call("ledger_checkpoint")


def cmd_signing_rotate_key(args: argparse.Namespace) -> int:
    return _call("signing_rotate_key", algorithm=args.algorithm)


def cmd_check(args: argparse.Namespace) -> int:
    from django.conf import settings

    return _call("check", deploy=args.deploy or settings.PRODUCTION)


def cmd_createsuperuser(args: argparse.Namespace) -> int:
    return _manage(["createsuperuser", *args.rest])


def cmd_backup(args: argparse.Namespace) -> int:
    return _call("backup", args.path, encrypt=args.encrypt)


def cmd_restore(args: argparse.Namespace) -> int:
    return _call("restore", args.path, interactive=not args.yes)


def cmd_manage(args: argparse.Namespace) -> int:
    return _manage(args.rest)


PASS_THROUGH = ("migrate", "createsuperuser", "manage")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``tongban`` (exposed for tests and documentation)."""
    parser = argparse.ArgumentParser(prog="tongban", description=DESCRIPTION, epilog=EPILOG)
    sub = parser.add_subparsers(dest="command", metavar="<子命令 command>", required=True)

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.set_defaults(handler=handler)
        return command

    serve = add("serve", cmd_serve, "启动网站和后台任务进程（run the web server and the task worker）")
    serve.add_argument("--host", default="127.0.0.1", help="监听地址（bind address），默认 127.0.0.1")
    serve.add_argument("--port", type=int, default=8000, help="端口（port），默认 8000")
    serve.add_argument("--workers", type=int, default=2, help="gunicorn 工作进程数（web workers），默认 2")
    serve.add_argument(
        "--no-worker", action="store_true", help="不启动后台任务进程（do not start db_worker）"
    )

    migrate = add("migrate", cmd_migrate, "创建或升级数据库表（apply database migrations）")
    migrate.add_argument("rest", nargs=argparse.REMAINDER, help="传给 Django migrate 的参数（passed on）")
    add("load-demo", cmd_load_demo, "加载演示城市数据，需开启 TONGBAN_DEMO（load the demo data）")
    add("demo-accounts", cmd_demo_accounts, "列出演示账号（list the demo logins）")

    calendar = add("calendar", lambda a: 2, "节假日日历（working-day calendar）")
    calendar_sub = calendar.add_subparsers(dest="calendar_command", metavar="<操作 action>", required=True)
    check_cal = calendar_sub.add_parser(
        "check",
        help="列出已录入和暂定年度，提示下一年度通知，并与 holidays 软件包比对（list years, warn, cross-check）",
    )
    check_cal.set_defaults(handler=cmd_calendar_check)
    import_cal = calendar_sub.add_parser(
        "import",
        help="读取国务院办公厅放假通知全文，预览后录入（read a holiday notice, preview, then enter it）",
    )
    import_cal.add_argument("path", help="通知文本文件（UTF-8），- 表示标准输入（file, or - for stdin）")
    import_cal.add_argument("--year", type=int, default=None, help="年份；通知含标题时可省略（the year）")
    import_cal.add_argument(
        "--source", default="", help="依据通知；默认用通知标题（the notice's name or URL）"
    )
    import_cal.add_argument("--yes", action="store_true", help="不再确认，直接保存（save without asking）")
    import_cal.set_defaults(handler=cmd_calendar_import)

    ledger = add("ledger", lambda a: 2, "账本（hash-chained ledger）")
    ledger_sub = ledger.add_subparsers(dest="ledger_command", metavar="<操作 action>", required=True)
    verify = ledger_sub.add_parser(
        "verify", help="校验账本哈希链及签名检查点（verify the chain and checkpoints; exit 1 when broken）"
    )
    verify.add_argument(
        "--checkpoints",
        action="append",
        default=[],
        metavar="FILE",
        help="另行保存的检查点 JSON（/api/v1/ledger/checkpoints 的内容），可重复（checkpoints kept elsewhere）",
    )
    verify.set_defaults(handler=cmd_ledger_verify)
    checkpoint = ledger_sub.add_parser(
        "checkpoint", help="链头有变化时立即签署检查点（sign a checkpoint of the ledger head now）"
    )
    checkpoint.set_defaults(handler=cmd_ledger_checkpoint)

    signing = add("signing", lambda a: 2, "签名密钥（signing keys）")
    signing_sub = signing.add_subparsers(dest="signing_command", metavar="<操作 action>", required=True)
    rotate = signing_sub.add_parser(
        "rotate-key",
        help="轮换签名密钥，旧密钥继续验签（rotate the signing key; old signatures keep verifying）",
    )
    rotate.add_argument(
        "--algorithm",
        choices=["ed25519", "p256", "sm2"],
        default=None,
        help="默认为配置的算法（default: configured）",
    )
    rotate.set_defaults(handler=cmd_signing_rotate_key)

    add("worker", cmd_worker, "只运行后台任务进程（run the django-tasks-db worker）")
    check = add("check", cmd_check, "运行 Django 系统检查，生产环境含 --deploy（run system checks）")
    check.add_argument("--deploy", action="store_true", help="同时运行部署检查（include deployment checks）")
    createsuperuser = add("createsuperuser", cmd_createsuperuser, "创建超级管理员账号（create a superuser）")
    createsuperuser.add_argument("rest", nargs=argparse.REMAINDER, help="传给 Django 的参数（passed on）")

    backup = add(
        "backup", cmd_backup, "备份数据库和上传文件（权限 0600，可加密）（back up database and files）"
    )
    backup.add_argument("path", help="备份文件路径（archive path）")
    encryption = backup.add_mutually_exclusive_group()
    encryption.add_argument(
        "--encrypt",
        action="store_true",
        default=None,
        help="加密备份，需要 TONGBAN_BACKUP_KEY；设置了密钥时默认加密（encrypt; default when a key is set）",
    )
    encryption.add_argument(
        "--no-encrypt", action="store_false", dest="encrypt", help="不加密（write a plain archive）"
    )
    restore = add("restore", cmd_restore, "从备份恢复，替换当前全部数据（restore; replaces all data）")
    restore.add_argument("path", help="备份文件路径（archive path）")
    restore.add_argument("--yes", action="store_true", help="不再确认（do not ask for confirmation）")

    manage = add("manage", cmd_manage, "直接运行任意 Django 管理命令（any Django management command）")
    manage.add_argument("rest", nargs=argparse.REMAINDER, help="命令及其参数（command and arguments）")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``tongban`` script; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if argv and argv[0] in PASS_THROUGH:
        # argparse's REMAINDER cannot start with an option ("tongban migrate -v0"), so pass these on verbatim.
        args = parser.parse_args([argv[0]])
        args.rest = argv[1:]
    else:
        args = parser.parse_args(argv)
    _setup_django()
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
