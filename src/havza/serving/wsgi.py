"""The WSGI application ``havza serve`` runs: Django behind the render cache of public pages,
the sign-on's busiest requests past the middleware they do not need (``lean``).

Any WSGI server can run it: ``gunicorn havza.serving.wsgi:application``.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "havza.settings")
django_application = get_wsgi_application()

from havza.serving.lean import SignOnRoutes  # noqa: E402  (needs the settings loaded)
from havza.serving.pages import PageCache  # noqa: E402
from havza.serving.public import PublicHandler  # noqa: E402

application = PageCache(SignOnRoutes(django_application), public=PublicHandler())
