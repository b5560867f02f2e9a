"""State changes of ``signing``: keys, the platform CA, seals, and every signature made (docs/signing.md).

Each service runs in one transaction (inside the caller's, when it has one) and appends one ledger entry, except
:func:`sign_detached`, which the ledger itself calls while appending (signed checkpoints) and so must not append.
Private keys are decrypted only here, for the one signature being made, and never logged or returned.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from io import BytesIO
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from tongban.core.services import append_ledger_entry
from tongban.organizations.choices import RegionLevel
from tongban.organizations.queries import fetch_regions
from tongban.signing import crypto, errors, kek
from tongban.signing.choices import JWS_ALG, Algorithm, KeyPurpose, SealKind
from tongban.signing.events import SigningLedgerAction
from tongban.signing.models import CaCertificate, Seal, SigningKey
from tongban.signing.seal_svg import seal_svg

ROOT_CA_NAME = "通办平台根证书 Tongban Root CA"
ROOT_CA_YEARS = 20
SEAL_YEARS = 5
# Certificates start an hour early so a verifier whose clock is slightly behind still accepts a fresh one.
CLOCK_SKEW = dt.timedelta(hours=1)
APPROVAL_LABEL = "行政审批专用章"


def _algorithm(value: Any) -> str:
    if value not in Algorithm.values:
        raise errors.UNKNOWN_ALGORITHM.error()
    return str(value)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- keys ----------------------------------------------------------------------------------------------------


def _current(algorithm: str, purpose: str) -> SigningKey | None:
    return SigningKey.objects.filter(algorithm=algorithm, purpose=purpose, retired_at__isnull=True).first()


def _new_key(algorithm: str, purpose: str) -> SigningKey:
    """Generate and store a key (private half sealed with the KEK); the caller writes the ledger entry."""
    material = crypto.generate_key(algorithm)
    kid = crypto.make_kid(algorithm, material.public)
    nonce, sealed = kek.encrypt_private_key(material.private, kid=kid)
    return SigningKey.objects.create(
        algorithm=algorithm,
        purpose=purpose,
        kid=kid,
        public_key=material.public,
        public_jwk=crypto.public_jwk(algorithm, material.public, kid=kid),
        private_key_encrypted=sealed,
        private_key_nonce=nonce,
    )


def _private(key: SigningKey) -> bytes:
    """The decrypted private key (``kek.KekError`` when the KEK is not the one it was sealed with)."""
    return kek.decrypt_private_key(
        bytes(key.private_key_encrypted), nonce=bytes(key.private_key_nonce), kid=key.kid
    )


def _key_entry(key: SigningKey) -> dict[str, str]:
    return {"kid": key.kid, "algorithm": key.algorithm, "purpose": key.purpose}


def do_generate_key(algorithm: str, *, actor: Any, purpose: str = KeyPurpose.JWS) -> SigningKey:
    """Generate a new key of ``algorithm`` for ``purpose``.

    A ``jws`` or ``ca`` key is refused (``SIGNING_KEY_ALREADY_CURRENT``) while one is current: use
    :func:`do_rotate_key`.
    """
    algorithm = _algorithm(algorithm)
    with transaction.atomic():
        if purpose != KeyPurpose.SEAL and _current(algorithm, purpose) is not None:
            raise errors.KEY_ALREADY_CURRENT.error()
        key = _new_key(algorithm, purpose)
        append_ledger_entry(
            actor=actor, action=SigningLedgerAction.KEY_GENERATED, obj=key, data=_key_entry(key)
        )
    return key


def do_rotate_key(algorithm: str, *, actor: Any) -> SigningKey:
    """Retire the current ``jws`` key of ``algorithm`` (it keeps verifying) and make a new one current."""
    algorithm = _algorithm(algorithm)
    with transaction.atomic():
        old = (
            SigningKey.objects.select_for_update()
            .filter(algorithm=algorithm, purpose=KeyPurpose.JWS, retired_at__isnull=True)
            .first()
        )
        if old is not None:
            old.retired_at = timezone.now()
            old.save(update_fields=["retired_at"])
        key = _new_key(algorithm, KeyPurpose.JWS)
        append_ledger_entry(
            actor=actor,
            action=SigningLedgerAction.KEY_ROTATED,
            obj=key,
            data={**_key_entry(key), "previous_kid": old.kid if old is not None else ""},
        )
    return key


def _current_or_new(algorithm: str, purpose: str, *, record: bool) -> SigningKey:
    key = _current(algorithm, purpose)
    if key is not None:
        return key
    try:
        with transaction.atomic():
            key = _new_key(algorithm, purpose)
            if record:
                append_ledger_entry(
                    actor=None,
                    action=SigningLedgerAction.KEY_GENERATED,
                    obj=key,
                    data={**_key_entry(key), "first_use": True},
                )
    except IntegrityError:
        # Another process created the first key at the same moment (the one-current-key constraint).
        key = _current(algorithm, purpose)
        if key is None:
            raise
    return key


def current_key(algorithm: str, purpose: str = KeyPurpose.JWS) -> SigningKey:
    """The key that signs now for ``algorithm`` and ``purpose``; the first one is created (and ledgered) on use."""
    return _current_or_new(_algorithm(algorithm), purpose, record=True)


# --- JWS -----------------------------------------------------------------------------------------------------


def _jws_key() -> SigningKey:
    return current_key(getattr(settings, "TONGBAN_SIGNING_ALGORITHM", Algorithm.ED25519), KeyPurpose.JWS)


def sign_jws(payload: dict[str, Any], *, actor: Any, purpose: str) -> str:
    """The compact JWS of ``payload`` with the current key of ``settings.TONGBAN_SIGNING_ALGORITHM``.

    Header ``{"alg", "kid", "typ": "JWT"}``; the payload is signed as compact JSON with sorted keys. The ledger entry
    (``signing.signed``) holds ``purpose``, ``kid`` and the payload's SHA-256, never the payload.
    """
    with transaction.atomic():
        key = _jws_key()
        token, record = _signed(key, payload, purpose=purpose)
        append_ledger_entry(actor=actor, action=SigningLedgerAction.SIGNED, obj=key, data=record)
    return token


def sign_jws_for_entry(payload: dict[str, Any], *, purpose: str) -> tuple[str, dict[str, Any]]:
    """The compact JWS of ``payload`` and the record of the signing for the caller's own ledger entry.

    For a service whose state change is itself a ledger entry (a licence issued or corrected): it puts the record
    (``purpose``, ``kid``, ``alg``, the payload's SHA-256) under ``"signature"`` in that entry, in the same
    transaction, so every signing operation is still on the ledger without a second entry.
    """
    return _signed(_jws_key(), payload, purpose=purpose)


def _signed(key: SigningKey, payload: dict[str, Any], *, purpose: str) -> tuple[str, dict[str, Any]]:
    body = crypto.canonical_json(payload)
    token = crypto.encode_jws(body, algorithm=key.algorithm, private=_private(key), kid=key.kid)
    record = {
        "purpose": purpose,
        "kid": key.kid,
        "alg": JWS_ALG[key.algorithm],
        "payload_sha256": _sha256(body),
    }
    return token, record


def sign_jws_many(payloads: list[dict[str, Any]], *, actor: Any, purpose: str) -> list[str]:
    """:func:`sign_jws` for a batch (the stock import): one key, one ledger entry for the whole batch.

    The entry holds the count, the ``kid`` and the SHA-256 over the concatenated hex SHA-256 of each payload, in
    order, so any one payload can be shown to belong to the batch.
    """
    with transaction.atomic():
        key = _jws_key()
        private = _private(key)
        bodies = [crypto.canonical_json(payload) for payload in payloads]
        tokens = [
            crypto.encode_jws(body, algorithm=key.algorithm, private=private, kid=key.kid) for body in bodies
        ]
        digests = "".join(_sha256(body) for body in bodies)
        append_ledger_entry(
            actor=actor,
            action=SigningLedgerAction.SIGNED,
            obj=key,
            data={
                "purpose": purpose,
                "kid": key.kid,
                "alg": JWS_ALG[key.algorithm],
                "count": len(bodies),
                "payloads_sha256": _sha256(digests.encode("ascii")),
            },
        )
    return tokens


def sign_detached(message: bytes) -> tuple[str, str, str]:
    """``(kid, alg, signature_b64url)`` of ``message`` with the current JWS key; appends **no** ledger entry.

    The ledger calls this while appending a signed checkpoint (``core.checkpoints``); the checkpoint itself
    records the ``kid``. If no key exists yet, the first one is created here without its own ledger entry.
    """
    algorithm = _algorithm(getattr(settings, "TONGBAN_SIGNING_ALGORITHM", Algorithm.ED25519))
    key = _current_or_new(algorithm, KeyPurpose.JWS, record=False)
    signature = crypto.sign(key.algorithm, _private(key), message)
    return key.kid, JWS_ALG[key.algorithm], crypto.b64url_encode(signature)


# --- the platform CA and seals -------------------------------------------------------------------------------


def _key_id(public_key: Any) -> x509.SubjectKeyIdentifier:
    return x509.SubjectKeyIdentifier.from_public_key(public_key)


def _root_certificate(key: SigningKey, *, now: dt.datetime) -> x509.Certificate:
    private = crypto.load_p256_private_key(_private(key))
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "通办 Tongban"),
            x509.NameAttribute(NameOID.COMMON_NAME, ROOT_CA_NAME),
        ]
    )
    public = private.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + dt.timedelta(days=365 * ROOT_CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(_key_id(public), critical=False)
        .sign(private, hashes.SHA256())
    )


def _store_certificate(cert: x509.Certificate, key: SigningKey, *, is_root: bool) -> CaCertificate:
    return CaCertificate.objects.create(
        is_root=is_root,
        pem=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        serial=format(cert.serial_number, "x"),
        subject=cert.subject.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        key=key,
    )


def _current_root() -> CaCertificate | None:
    return (
        CaCertificate.objects.filter(is_root=True, not_after__gt=timezone.now(), key__retired_at__isnull=True)
        .select_related("key")
        .order_by("-not_after")
        .first()
    )


def ensure_root_ca(*, actor: Any) -> CaCertificate:
    """The platform's root certificate (self-signed P-256, CA:TRUE); created, with its key, on first use.

    An expired root is replaced: its key is retired and a new key and root are made.
    """
    root = _current_root()
    if root is not None:
        return root
    try:
        with transaction.atomic():
            now = timezone.now()
            SigningKey.objects.filter(purpose=KeyPurpose.CA, retired_at__isnull=True).update(retired_at=now)
            key = _new_key(Algorithm.P256, KeyPurpose.CA)
            root = _store_certificate(_root_certificate(key, now=now), key, is_root=True)
            append_ledger_entry(
                actor=actor,
                action=SigningLedgerAction.ROOT_CA_CREATED,
                obj=root,
                data={"kid": key.kid, "serial": root.serial, "not_after": root.not_after.isoformat()},
            )
    except IntegrityError:
        root = _current_root()  # created by a concurrent request
        if root is None:
            raise
    return root


def _city_name(department: Any) -> str:
    """The city (市级区划) of ``department``, else the first city of the platform, else a neutral name."""
    region = getattr(department, "region", None)
    while region is not None and region.level > RegionLevel.CITY and region.parent_id is not None:
        region = region.parent
    if region is not None and region.level == RegionLevel.CITY:
        return str(region.name)
    city = fetch_regions(level=RegionLevel.CITY).order_by("sort_order", "code").first()
    return str(city.name) if city is not None else "通办平台"


def _seal_identity(department: Any) -> tuple[Any, str, str, str, str]:
    """``(department or None, kind, name, ring text, kind label)`` of the seal that signs for ``department``."""
    if getattr(settings, "TONGBAN_APPROVAL_SEAL", True) or department is None:
        city = _city_name(department)
        return None, SealKind.APPROVAL, f"{city}{APPROVAL_LABEL}", city, APPROVAL_LABEL
    name = department.seal_name or department.name
    return department, SealKind.DEPARTMENT, name, name, ""


def _seal_certificate(
    seal_key: SigningKey, root: CaCertificate, *, name: str, organisation: str, now: dt.datetime
) -> x509.Certificate:
    root_cert = x509.load_pem_x509_certificate(root.pem.encode("ascii"))
    root_private = crypto.load_p256_private_key(_private(root.key))
    public = crypto.load_p256_private_key(_private(seal_key)).public_key()
    not_after = min(now + dt.timedelta(days=365 * SEAL_YEARS), root_cert.not_valid_after_utc)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(root_cert.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # nonRepudiation: the seal commits its holder to the document
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(_key_id(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_private.public_key()), critical=False
        )
        .sign(root_private, hashes.SHA256())
    )


def _current_seal(department: Any, kind: str) -> Seal | None:
    return (
        Seal.objects.filter(department=department, kind=kind, retired_at__isnull=True)
        .select_related("key")
        .first()
    )


def ensure_seal(department: Any, *, actor: Any) -> Seal:
    """The seal that signs for ``department`` (``None``: the city's), created on first use.

    With ``settings.TONGBAN_APPROVAL_SEAL`` on (the default) that is the one city 「<市>行政审批专用章」 for every
    department; otherwise the department's own 「<部门名称>」 seal. A new seal gets a P-256 key and a certificate
    from the platform root; a seal whose certificate has expired is retired and replaced.
    """
    owner, kind, name, ring, label = _seal_identity(department)
    seal = _current_seal(owner, kind)
    if seal is not None and seal.valid_until > timezone.now():
        return seal
    try:
        with transaction.atomic():
            now = timezone.now()
            if seal is not None:
                seal.retired_at = now
                seal.save(update_fields=["retired_at"])
            root = ensure_root_ca(actor=actor)
            key = _new_key(Algorithm.P256, KeyPurpose.SEAL)
            organisation = owner.name if owner is not None else _city_name(department)
            cert = _seal_certificate(key, root, name=name, organisation=organisation, now=now)
            certificate = _store_certificate(cert, key, is_root=False)
            seal = Seal.objects.create(
                department=owner,
                name=name,
                kind=kind,
                valid_from=certificate.not_before,
                valid_until=certificate.not_after,
                svg=seal_svg(ring, kind_label=label, title=name),
                key=key,
                certificate_pem=certificate.pem,
            )
            append_ledger_entry(
                actor=actor,
                action=SigningLedgerAction.SEAL_CREATED,
                obj=seal,
                data={
                    "name": name,
                    "kind": kind,
                    "department_id": owner.pk if owner is not None else None,
                    "kid": key.kid,
                    "serial": certificate.serial,
                    "valid_until": seal.valid_until.isoformat(),
                },
            )
    except IntegrityError:
        seal = _current_seal(owner, kind)  # created by a concurrent request
        if seal is None:
            raise
    return seal


# --- PDF signing (PAdES B-B) ---------------------------------------------------------------------------------


def _issuing_root(certificate: x509.Certificate) -> x509.Certificate:
    """The platform root that issued ``certificate`` (matched by key identifier: roots are replaced over time)."""
    wanted = certificate.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
    for root in CaCertificate.objects.filter(is_root=True).order_by("-not_after"):
        candidate = x509.load_pem_x509_certificate(root.pem.encode("ascii"))
        if candidate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest == wanted:
            return candidate
    raise CaCertificate.DoesNotExist("the root that issued the seal certificate is missing")


def _signer(seal: Seal) -> Any:
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    certificate = x509.load_pem_x509_certificate(seal.certificate_pem.encode("ascii"))
    seal_cert = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    root_cert = asn1_x509.Certificate.load(
        _issuing_root(certificate).public_bytes(serialization.Encoding.DER)
    )
    return signers.SimpleSigner(
        signing_cert=seal_cert,
        signing_key=asn1_keys.PrivateKeyInfo.load(_private(seal.key)),
        cert_registry=SimpleCertificateStore.from_certs([root_cert]),  # type: ignore[no-untyped-call]
    )


def _outside_event_loop(work: Any) -> Any:
    """Run ``work()`` where no asyncio loop is running: pyHanko's synchronous signing calls ``asyncio.run``,
    which fails in a thread that already runs a loop (an ASGI worker, a test driving a browser)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def sign_pdf(pdf: bytes, *, seal: Seal, actor: Any, reason: str) -> bytes:
    """``pdf`` with a PAdES B-B signature by ``seal`` (SHA-256, ECDSA P-256, the chain to the platform root).

    The signature is an incremental update in a new invisible field ``Seal<n>``; the signing time is the
    current time. ``SIGNING_PDF_UNREADABLE`` when ``pdf`` is not a PDF pyHanko can read.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers

    if seal.key.algorithm != Algorithm.P256:
        raise errors.SEAL_KEY_NOT_P256.error()
    with transaction.atomic():
        try:
            writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
            existing = sum(1 for _field in fields.enumerate_sig_fields(writer.prev))
        except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
            raise errors.PDF_UNREADABLE.error() from exc
        field_name = f"Seal{existing + 1}"
        metadata = signers.PdfSignatureMetadata(
            field_name=field_name,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            reason=reason,
            name=seal.name,
        )
        signer = _signer(seal)
        signed: bytes = _outside_event_loop(
            lambda: signers.sign_pdf(writer, metadata, signer=signer).getvalue()
        )
        append_ledger_entry(
            actor=actor,
            action=SigningLedgerAction.PDF_SIGNED,
            obj=seal,
            data={
                "seal": seal.name,
                "kid": seal.key.kid,
                "field": field_name,
                "reason": reason,
                "pdf_sha256": _sha256(pdf),
                "signed_sha256": _sha256(signed),
            },
        )
    return signed
