"""Enumerations owned by ``signing``: algorithms, key purposes and seal kinds, each member with its meaning."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Algorithm(models.TextChoices):
    """A signature algorithm of the platform's keys (docs/signing.md)."""

    ED25519 = "ed25519", "Ed25519"  # EdDSA over Curve25519 (RFC 8032); JWS ``alg`` EdDSA (RFC 8037)
    P256 = "p256", "ECDSA P-256"  # ECDSA over NIST P-256 with SHA-256; JWS ``alg`` ES256 (RFC 7518)
    SM2 = (
        "sm2",
        "SM2",
    )  # SM2 with SM3 and user ID 1234567812345678 (GB/T 32918, GB/T 35276); JWS ``alg`` SM2SM3


class KeyPurpose(models.TextChoices):
    """What a signing key is used for."""

    JWS = "jws", _("数据签名")  # licence payloads, presentations, ledger checkpoints (published in the JWKS)
    SEAL = "seal", _("电子印章")  # the key of one seal; signs PDFs (PAdES), certified by the platform CA
    CA = "ca", _("根证书")  # the platform root CA; signs seal certificates only


class SealKind(models.TextChoices):
    """The kind of a seal (印章)."""

    DEPARTMENT = "department", _("单位印章")  # a department's own seal, named after the department
    APPROVAL = "approval", _("行政审批专用章")  # the city's approval seal, used by every department


# JWS ``alg`` of each algorithm (RFC 7515 header), and back.
JWS_ALG: dict[str, str] = {Algorithm.ED25519: "EdDSA", Algorithm.P256: "ES256", Algorithm.SM2: "SM2SM3"}
ALGORITHM_OF_JWS_ALG: dict[str, str] = {alg: algorithm for algorithm, alg in JWS_ALG.items()}
