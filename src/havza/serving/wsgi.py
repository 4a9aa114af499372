"""The WSGI application ``havza serve`` runs: Django behind the render cache of public pages.

Any WSGI server can run it: ``gunicorn havza.serving.wsgi:application``.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "havza.settings")
django_application = get_wsgi_application()

from havza.serving.pages import PageCache  # noqa: E402  (needs the settings loaded)

application = PageCache(django_application)
