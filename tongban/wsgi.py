"""WSGI entry point (gunicorn tongban.wsgi).

Refuses to load (gunicorn then exits with the message) when production meets a demo account.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongban.settings")
application = get_wsgi_application()

from tongban.accounts.checks import refuse_to_start_with_demo_accounts  # noqa: E402  (needs Django set up)

refuse_to_start_with_demo_accounts()
