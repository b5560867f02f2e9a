"""``tongban signing rotate-key``: retire the current signing key of an algorithm and make a new one current.

Signatures made with the retired key keep verifying: the JWKS lists it until it is removed by hand.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from tongban.signing import services
from tongban.signing.choices import Algorithm


class Command(BaseCommand):
    help = "轮换签名密钥（旧密钥继续用于验签）— rotate the signing key; old signatures keep verifying"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--algorithm",
            choices=list(Algorithm.values),
            default=None,
            help="算法；默认 TONGBAN_SIGNING_ALGORITHM（default: the configured algorithm）",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        algorithm = options["algorithm"] or getattr(settings, "TONGBAN_SIGNING_ALGORITHM", Algorithm.ED25519)
        key = services.do_rotate_key(algorithm, actor=None)
        self.stdout.write(f"新签名密钥 new signing key: {key.kid} ({key.algorithm})")
