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
    "tongban.core",
    "tongban.organizations",
    "tongban.accounts",
    "tongban.catalog",
    "tongban.notifications",
    "tongban.cases",
    "tongban.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tongban.core.middleware.SecurityHeadersMiddleware",
    "tongban.core.middleware.RejectControlCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
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
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
TONGBAN_LOGIN_MAX_FAILURES = env_int("TONGBAN_LOGIN_MAX_FAILURES", 5)
TONGBAN_LOGIN_LOCK_MINUTES = env_int("TONGBAN_LOGIN_LOCK_MINUTES", 15)
TONGBAN_API_TOKEN_HOURS = env_int("TONGBAN_API_TOKEN_HOURS", 12)
TONGBAN_DEMO_PASSWORD = "tongban-demo"  # only usable when TONGBAN_DEMO is on

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
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None

# --- Cache, jobs, mail, SMS ----------------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tongban"}
    )
}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TESTING or env_bool("TONGBAN_TASKS_IMMEDIATE", False)
        else "django_tasks_db.DatabaseBackend"
    }
}
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@tongban.local")
TONGBAN_SMS_BACKEND = env_str("TONGBAN_SMS_BACKEND", "tongban.notifications.sms.LoggingSmsBackend")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING" if TESTING else "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
