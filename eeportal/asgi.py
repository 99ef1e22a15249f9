"""ASGI entry point, for servers that speak ASGI."""

import os

from django.core.asgi import get_asgi_application

from eeportal.wsgi import refuse_development_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eeportal.settings")

application = get_asgi_application()
refuse_development_key()
