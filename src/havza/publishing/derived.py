"""What saving a translation computes from its text, without the database.

``derive()`` cleans the title and subtitle, makes the slug base, renders the Markdown body to
safe HTML and cuts the excerpt. ``Translation.save()`` and bulk creation (``bulk.py``) both
call it, so a translation stores the same whichever way it was made; it is a plain function
of the text, so importers run it in their worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass

from havza.multilingual import clean_text
from havza.publishing import markdown
from havza.slugs import slugify_for

SLUG_BASE_LENGTH = 90  # room for a "-N" suffix in the slug's 100 characters
SLUG_MAX_LENGTH = 100


@dataclass(frozen=True)
class Derived:
    """What saving a translation derives from its language, title, subtitle, slug and body."""

    language: str
    title_given: str
    subtitle_given: str
    slug_given: str
    body_markdown: str
    title: str
    subtitle: str
    slug_base: str
    body_html: str
    excerpt: str

    def fits(self, translation) -> bool:
        """Whether this was derived from TRANSLATION's current text (a ``Translation``)."""
        return (
            self.language == translation.language
            and self.title_given == translation.title
            and self.subtitle_given == translation.subtitle
            and self.slug_given == translation.slug
            and self.body_markdown == translation.body_markdown
        )


def derive(
    language: str, title: str, body_markdown: str, subtitle: str = "", slug: str = ""
) -> Derived:
    """Everything ``Translation.save()`` computes from the text, without the database."""
    clean_title = clean_text(title)
    html = markdown.render(body_markdown)
    return Derived(
        language=language,
        title_given=title,
        subtitle_given=subtitle,
        slug_given=slug,
        body_markdown=body_markdown,
        title=clean_title,
        subtitle=clean_text(subtitle),
        slug_base=slugify_for(slug or clean_title, language, max_length=SLUG_BASE_LENGTH),
        body_html=html,
        excerpt=markdown.excerpt(html),
    )
