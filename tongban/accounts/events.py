"""Ledger actions written by ``accounts`` (``accounts.<noun>_<past_verb>``); one constant per state change."""

from __future__ import annotations

REGISTERED = "accounts.registered"  # a self-registered account was created (after the phone code)
TAKEN_OVER = "accounts.taken_over"  # a window-created account got a username and password online
ENTERPRISE_RECORDED = "accounts.enterprise_recorded"
ENTERPRISE_UPDATED = "accounts.enterprise_updated"
AGENT_AUTHORIZED = "accounts.agent_authorized"
AGENT_REVOKED = "accounts.agent_revoked"
LOGIN_LOCKED = "accounts.locked"  # a staff account was locked for one source address (growing delay)
UNLOCKED = "accounts.unlocked"
TOKEN_ISSUED = "accounts.token_issued"
TOKEN_REVOKED = "accounts.token_revoked"
ROLE_GRANTED = "accounts.role_granted"
ROLE_REVOKED = "accounts.role_revoked"
STAFF_CREATED = "accounts.staff_created"
IDENTITY_VERIFIED = "accounts.identity_verified"  # identity_level raised (real-name check or window)
WINDOW_PERSON_CREATED = "accounts.window_person_created"  # a clerk created a window-confirmed person account
CODE_SENT = "accounts.code_sent"  # a one-time code was issued (never the code itself)
PASSWORD_RESET = "accounts.password_reset"  # a password was replaced after a one-time code
REGISTRATION_REFUSED = "accounts.registration_refused"  # a registration named an ID number already held

# Outbox events (notifications) of accounts.
NOTICE_REGISTRATION_ATTEMPTED = (
    "registration_attempted"  # someone tried to register with the holder's ID number
)
NOTICE_PASSWORD_CHANGED = "password_changed"  # the password was reset with a one-time code
