"""WSGI entry point, used by gunicorn (`gunicorn eeportal.wsgi`) and runserver.

Only web requests come through here, so this is where their database connections are given
time limits (eeportal.request_timeouts).
"""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

from eeportal import request_timeouts

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eeportal.settings")


def refuse_development_key():
    """Stop start-up when debug is off and the secret key is the public development one:
    signing sessions with a published key would let anyone forge them."""
    if not settings.DEBUG and settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off the site needs a long random "
            "secret key, for example: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )


application = get_wsgi_application()
refuse_development_key()
request_timeouts.limit_web_requests()
