"""What publishing announces to the apps built on it.

``works_imported`` is sent by the archive import after each batch of works it saved has
committed (inside the dry run's transaction, which is then rolled back), with:

- ``work_ids``: the works the batch created or changed;
- ``documents``: the batch's report entries (dicts of the import's JSON report), to which a
  receiver may add fields of its own (the translation memory adds ``alignment``);
- ``align``: "import" (the receivers do their work now) or "job" (``havza import --align
  job``: they leave it to the job worker).

The translation app aligns the works' translations into the translation memory.
"""

from django.dispatch import Signal

works_imported = Signal()
