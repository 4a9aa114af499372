"""Background jobs: work that must not run inside a web request (scheduled publishing, mail).

Jobs are Django tasks (``django-tasks``, the backport of Django 6's ``django.tasks``) kept in
the database by ``django-tasks-db``, so the embedded SQLite default needs no other server;
``havza worker`` runs them. See docs/jobs.md.
"""
