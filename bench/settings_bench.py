"""Settings for the benches: the production code path (DEBUG off, persistent connections) plus the floor view.

Everything comes from ``tongban.settings`` (so DATABASE_URL, TONGBAN_VAR_DIR … apply as usual); the bench only
adds ``/bench/floor/<code>/`` through its own URLconf and keeps request logging quiet.
"""

from tongban.settings import *  # noqa: F403 - a settings overlay is the one place a star import is the idiom

ROOT_URLCONF = "bench.urls"
DEBUG = False
TONGBAN_DEMO = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Only HTML and JSON are measured, so static files need no collectstatic run: plain storage builds the same URLs
# without a manifest (one dict lookup less per {% static %} tag, which is noise next to a request).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
# wrk calls from one address: the public-lookup limits would answer 429 within a second. The counters still run
# on every request (their cost is measured); only the thresholds are out of reach.
TONGBAN_RATE_LIMITS = {
    **TONGBAN_RATE_LIMITS,  # noqa: F405
    "lookup": "1000000000/m",
    "lookup_key": "1000000000/m",
    "verify": "1000000000/m",
}
