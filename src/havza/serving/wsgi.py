"""The WSGI application ``havza serve`` runs: Django behind the render cache of public pages,
the sign-on's busiest requests past the middleware they do not need (``lean``).

Any WSGI server can run it: ``gunicorn havza.serving.wsgi:application``.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "havza.settings")
django_application = get_wsgi_application()

from havza.serving.lean import SignOnRoutes  # noqa: E402  (needs the settings loaded)
from havza.serving.pages import PageCache  # noqa: E402
from havza.serving.public import PublicHandler  # noqa: E402

application = PageCache(SignOnRoutes(django_application), public=PublicHandler())

# What was loaded so far (Django, the apps, their modules: some 170,000 objects) lives as long
# as the process: kept out of the garbage collector's full collections, which otherwise walk
# all of it every thousand pages or so, a pause of 80-150 ms of CPU in the request that
# triggers it (1-3 ms after this; python -m bench.render measures the same stack frozen).
gc.freeze()
