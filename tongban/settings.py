"""Django settings for Tongban.

Everything that differs between a laptop demo and a production city comes from the environment (see README
"Configuration"). The defaults run the embedded demo safely on localhost: SQLite in WAL mode under ``var/``,
demo mode on, console e-mail, logging SMS.
"""

from __future__ import annotations

import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from tongban.core.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("TONGBAN_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

# "production" refuses insecure defaults; "development" is the embedded demo.
TONGBAN_ENV = env_str("TONGBAN_ENV", "development")
PRODUCTION = TONGBAN_ENV == "production"
TESTING = "pytest" in sys.modules or env_bool("TONGBAN_TESTING", False)

DEFAULT_SECRET_KEY = "tongban-insecure-development-key-change-me"  # refused in production below
SECRET_KEY = env_str("SECRET_KEY", DEFAULT_SECRET_KEY)
TONGBAN_DEMO = env_bool("TONGBAN_DEMO", not PRODUCTION)
DEBUG = env_bool("DEBUG", False)

if PRODUCTION:
    if SECRET_KEY == DEFAULT_SECRET_KEY or len(SECRET_KEY) < 32:
        raise ImproperlyConfigured("生产环境必须设置 SECRET_KEY（至少 32 个字符），不能使用默认密钥。")
    if TONGBAN_DEMO:
        raise ImproperlyConfigured("生产环境不能开启演示模式（TONGBAN_DEMO）。")
    if DEBUG:
        raise ImproperlyConfigured("生产环境不能开启 DEBUG。")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
TONGBAN_BASE_URL = env_str("TONGBAN_BASE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "auditlog",
    "axes",
    "tongban.core",
    "tongban.organizations",
    "tongban.accounts",
    "tongban.catalog",
    "tongban.notifications",
    "tongban.signing",
    "tongban.cases",
    "tongban.licenses",
    "tongban.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tongban.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After sessions, locale and auth so a refusal renders the translated error page; before every view.
    "tongban.core.middleware.RequestGuardMiddleware",
    "tongban.core.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "tongban.accounts.middleware.SessionIdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "tongban.portal.middleware.ElderlyModeMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
]

ROOT_URLCONF = "tongban.urls"
WSGI_APPLICATION = "tongban.wsgi.application"
ASGI_APPLICATION = "tongban.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tongban" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tongban.portal.context_processors.portal",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------------------------
DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'tongban.sqlite3'}"
DATABASE_URL = env_str("DATABASE_URL", DEFAULT_DATABASE_URL)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if TESTING else DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers run while one writer commits; IMMEDIATE takes the write lock at BEGIN so two
        # writers queue instead of failing with "database is locked" on lock upgrade.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DB_IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if TESTING and DB_IS_POSTGRES:
    # pg_trgm needs a UTF-8 ctype to see CJK characters (stack-eval §5.3).
    DATABASES["default"].setdefault("TEST", {})
    DATABASES["default"]["TEST"].update({"TEMPLATE": "template0", "CHARSET": "UTF8"})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "portal:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Django's own validators with Chinese messages (their zh_Hans catalogue lags the English msgids) plus ours.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "tongban.accounts.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "tongban.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "tongban.accounts.passwords.CommonPasswordValidator"},
    {"NAME": "tongban.accounts.passwords.NumericPasswordValidator"},
    {"NAME": "tongban.accounts.passwords.PlatformNameValidator"},
]
# axes refuses a locked (username, address) pair before any password is checked; ours refuses demo accounts
# whenever demo mode is off (ADR 0009).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "tongban.accounts.backends.AccountBackend",
]
TONGBAN_LOGIN_MAX_FAILURES = env_int("TONGBAN_LOGIN_MAX_FAILURES", 5)  # per account and source address
TONGBAN_LOGIN_LOCK_MINUTES = env_int("TONGBAN_LOGIN_LOCK_MINUTES", 5)  # first lock; doubles with each repeat
TONGBAN_STAFF_LOGIN_LOCK_MINUTES = env_int("TONGBAN_STAFF_LOGIN_LOCK_MINUTES", 15)  # staff: longer, ledgered
TONGBAN_LOGIN_LOCK_MAX_MINUTES = env_int("TONGBAN_LOGIN_LOCK_MAX_MINUTES", 24 * 60)
TONGBAN_API_TOKEN_HOURS = env_int("TONGBAN_API_TOKEN_HOURS", 12)
TONGBAN_DEMO_PASSWORD = "tongban-demo"  # only usable when TONGBAN_DEMO is on
TONGBAN_CODE_MINUTES = env_int("TONGBAN_CODE_MINUTES", 10)  # one-time codes (registration, password reset)
TONGBAN_CODE_MAX_ATTEMPTS = env_int("TONGBAN_CODE_MAX_ATTEMPTS", 5)
# The population service behind the online real-name check; the default is the local demonstration registry.
TONGBAN_IDENTITY_ADAPTER = env_str(
    "TONGBAN_IDENTITY_ADAPTER", "tongban.accounts.identity.LocalPopulationRegistry"
)

# Sessions end after this many idle minutes (staff sooner); the cookie dies with the browser.
TONGBAN_SESSION_IDLE_MINUTES = env_int("TONGBAN_SESSION_IDLE_MINUTES", 30)
TONGBAN_STAFF_SESSION_IDLE_MINUTES = env_int("TONGBAN_STAFF_SESSION_IDLE_MINUTES", 15)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# django-axes: failures counted per (username, client address) in the shared cache (Redis when REDIS_URL is set),
# the lock grows with each repeat; the client address comes from tongban.core.ratelimit.client_address.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "default"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = "tongban.accounts.lockout.failure_limit"
AXES_COOLOFF_TIME = "tongban.accounts.lockout.cool_off"
AXES_CLIENT_IP_CALLABLE = "tongban.core.ratelimit.client_address"
AXES_USERNAME_CALLABLE = "tongban.accounts.lockout.username_of_request"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the delay grows per lockout, not per try while locked
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

# --- Internationalisation ------------------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "tongban" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files -------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "tongban" / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns on every request when it is missing
MEDIA_ROOT = Path(env_str("TONGBAN_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media-not-public/"  # files are served only through access-checked views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if (TESTING or DEBUG)
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = TESTING or DEBUG
TONGBAN_UPLOAD_MAX_BYTES = env_int("TONGBAN_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = TONGBAN_UPLOAD_MAX_BYTES + 1024 * 1024
# Application drafts (草稿): the stored form data of one case (JSON, bytes), one text field (characters) when the
# form schema sets no maxLength, and the open drafts one account may keep (cases.services.applying).
TONGBAN_DRAFT_MAX_BYTES = env_int("TONGBAN_DRAFT_MAX_BYTES", 64 * 1024)
TONGBAN_DRAFT_FIELD_MAX_CHARS = env_int("TONGBAN_DRAFT_FIELD_MAX_CHARS", 4000)
TONGBAN_MAX_OPEN_DRAFTS = env_int("TONGBAN_MAX_OPEN_DRAFTS", 20)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Any request body longer than this is refused with 413 before it is read (an upload plus its form fields).
TONGBAN_REQUEST_MAX_BYTES = env_int("TONGBAN_REQUEST_MAX_BYTES", TONGBAN_UPLOAD_MAX_BYTES + 2 * 1024 * 1024)

# --- Security ------------------------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
# How many reverse proxies stand in front of Django and append to X-Forwarded-For (nginx: 1). Only then is the
# header trusted for the client address (lockout, rate limits); otherwise REMOTE_ADDR is. Default: 1 behind a TLS
# proxy, else 0. TONGBAN_TRUSTED_PROXIES lists the proxies' own addresses (prefixes) when they are known.
TONGBAN_TRUSTED_PROXY_COUNT = env_int("TONGBAN_TRUSTED_PROXY_COUNT", 1 if BEHIND_TLS_PROXY else 0)
TONGBAN_TRUSTED_PROXIES = env_list("TONGBAN_TRUSTED_PROXIES", [])

# --- Cache, jobs, mail, SMS ----------------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tongban"}
    )
}
# django-ratelimit for public endpoints (tongban.core.ratelimit.check_rate), on the same shared cache.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_ENABLE = env_bool("TONGBAN_RATELIMIT", True)
# "<scope>": "<count>/<period>" (s, m, h, d); TONGBAN_RATE_LIMITS="login=30/m,code=5/h" overrides single scopes.
TONGBAN_RATE_LIMITS = {
    "login": "30/m",  # login form and API token, per client address
    "register": "20/h",  # registration attempts, per client address
    "code": "10/h",  # one-time codes sent, per client address
    "code_target": "5/h",  # one-time codes sent, per phone number / e-mail / ID number
    "code_check": "30/h",  # one-time codes entered, per client address
    "lookup": "30/m",  # public case-progress lookup, per client address
    "lookup_key": "10/m",  # public case-progress lookup, per case number
    "verify": "60/m",  # public licence verification (page and API), per client address
} | {
    scope.strip(): rate.strip()
    for scope, _sep, rate in (item.partition("=") for item in env_list("TONGBAN_RATE_LIMITS", []))
}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TESTING or env_bool("TONGBAN_TASKS_IMMEDIATE", False)
        else "django_tasks_db.DatabaseBackend"
    }
}
# Signed ledger checkpoints (tongban.core.checkpoints): one every N entries, inside that entry's transaction (0 = off),
# and one at least this often while the ledger grows (the job worker and the next append both look).
TONGBAN_CHECKPOINT_EVERY = env_int("TONGBAN_CHECKPOINT_EVERY", 1000)
TONGBAN_CHECKPOINT_MAX_AGE_SECONDS = env_int("TONGBAN_CHECKPOINT_MAX_AGE_SECONDS", 3600)
# A passphrase that encrypts backups (tongban backup) and decrypts them on restore; empty means unencrypted.
TONGBAN_BACKUP_KEY = env_str("TONGBAN_BACKUP_KEY", "")
# The key-encryption key (KEK) that wraps every signing key in the database: base64 of 32 random bytes, as
# TONGBAN_KEK or in the file TONGBAN_KEK_FILE. Production refuses to start without it; elsewhere a KEK is
# generated in TONGBAN_KEK_GENERATED_FILE (mode 0600) on first use, with a warning (docs/signing.md).
TONGBAN_KEK = env_str("TONGBAN_KEK", "")
TONGBAN_KEK_GENERATED_FILE = str(VAR_DIR / "kek")
# The algorithm of new JWS signatures (ed25519 | p256 | sm2), and whether one city 行政审批专用章 signs for every
# department (otherwise each department's own seal does).
TONGBAN_SIGNING_ALGORITHM = env_str("TONGBAN_SIGNING_ALGORITHM", "ed25519")
TONGBAN_APPROVAL_SEAL = env_bool("TONGBAN_APPROVAL_SEAL", True)
# Render (and sign) an issued licence's PDF by a background task after commit, so the first download is instant.
# Off in tests: the immediate task backend would render inline at every commit; the first download renders it.
TONGBAN_LICENSE_PDF_PRERENDER = env_bool("TONGBAN_LICENSE_PDF_PRERENDER", not TESTING)
# The job worker writes a heartbeat this often; /health/ calls it dead when the last one is older than STALE.
TONGBAN_WORKER_HEARTBEAT_SECONDS = env_int("TONGBAN_WORKER_HEARTBEAT_SECONDS", 10)
TONGBAN_WORKER_STALE_SECONDS = env_int("TONGBAN_WORKER_STALE_SECONDS", 60)
# `tongban serve` restarts a dead worker after 1, 2, 4 … seconds, capped here; it gives up (and stops serving,
# so systemd restarts the whole service) after this many restarts within ten minutes.
TONGBAN_WORKER_RESTART_MAX_DELAY = env_int("TONGBAN_WORKER_RESTART_MAX_DELAY", 60)
TONGBAN_WORKER_MAX_RESTARTS = env_int("TONGBAN_WORKER_MAX_RESTARTS", 10)
# /health/ reports unhealthy when pending outbox messages are older than this (the worker is not keeping up).
TONGBAN_OUTBOX_MAX_AGE_SECONDS = env_int("TONGBAN_OUTBOX_MAX_AGE_SECONDS", 15 * 60)
# What /health/ checks (django-health-check classes); see tongban/core/health.py.
TONGBAN_HEALTH_CHECKS = {
    "database": "health_check.checks.Database",
    "cache": "health_check.checks.Cache",
    "worker": "tongban.core.health.JobWorker",
    "outbox": "tongban.notifications.health.OutboxBacklog",
}
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@tongban.local")
TONGBAN_SMS_BACKEND = env_str("TONGBAN_SMS_BACKEND", "tongban.notifications.sms.LoggingSmsBackend")
# Where FileSmsBackend (the demo handset) writes messages.
TONGBAN_SMS_FILE = env_str("TONGBAN_SMS_FILE", str(VAR_DIR / "sms-outbox.log"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING" if TESTING else "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

# axes.W001 (locmem cache) is replaced by accounts.W002, which warns in production without Redis; axes.W002 (no
# AxesMiddleware) is by design: check_login turns a lockout into our own 423 answer for the form and the API.
SILENCED_SYSTEM_CHECKS = ["axes.W001", "axes.W002"]
