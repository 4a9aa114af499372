"""What the workflow announces, for other apps to act on (notifications mail people).

Both are sent inside the transaction that made the change; a receiver that sends mail queues
it for after the commit.
"""

from django.dispatch import Signal

# translations=[Translation, ...]: published translations whose original changed under them.
translations_outdated = Signal()
# translation=Translation, user=the translator whose save completed it: every segment is
# translated (or already approved) and some await a reviewer.
ready_for_review = Signal()
