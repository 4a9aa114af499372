from django import template
from django.utils.html import json_script

from havza import languages

register = template.Library()


@register.simple_tag
def havza_directions():
    """The writing direction of each site language, for the admin's editor fields."""
    return json_script({lang.code: lang.direction for lang in languages.all_languages()}, "havza-directions")
