"""Organizations and people named in archives, matched to the network's own.

A name is matched by acronym (with the country when two organizations share one), then by
any of its names in any language, then by the names seen in earlier archives (aliases), all
compared without case, accents, quotation marks or a leading "The". What matches gains the
names it did not have; what does not match is created. The whole directory is held in memory
for one import, so matching costs no query.
"""

from __future__ import annotations

import re
from collections import defaultdict

from havza.archive.names import fold, has_organization_word, sound_key
from havza.archive.signatories import Signer, is_acronym
from havza.network.homoglyphs import mixed_script_words, skeleton
from havza.network.models import Organization, Person

KIND_WORDS = {
    Organization.Kind.PARTY: ("party", "parti", "partido", "partito", "κόμμα", "partî", "حزب"),
    Organization.Kind.UNION: ("union", "sendika", "syndicat", "sindicato", "sindacato"),
    Organization.Kind.NETWORK: ("network", "réseau", "red", "rete", "rede", "δίκτυο", "ağı"),
    Organization.Kind.CENTER: ("center", "centre", "centro", "merkez", "κέντρο", "مركز"),
    Organization.Kind.ASSOCIATION: ("association", "dernek", "asociación", "associazione"),
}


def look(name: str) -> str:
    """A key equal for names drawn alike: same letters of another script, other case."""
    return skeleton(" ".join(name.upper().split()))


def guess_kind(name: str) -> str:
    # Words inside quotation marks are a name's proper part: "Association “Soviet Union”".
    name = re.sub(r"[“«\"„][^”»\"“]*[”»\"“]", " ", name)
    words = set(fold(name).split())
    for kind, markers in KIND_WORDS.items():
        if words & {fold(m) for m in markers}:
            return kind
    return Organization.Kind.OTHER


def looks_like_organization(name: str) -> bool:
    return has_organization_word(name)


class Directory:
    def __init__(self) -> None:
        self.by_acronym: dict[str, list[Organization]] = defaultdict(list)
        self.by_name: dict[str, Organization] = {}
        self.people: dict[str, Person] = {}
        # "Savas Michael Matsas" and "Σάββας Μιχαήλ Ματσάς": one person, by how it sounds.
        self.people_by_sound: dict[tuple[str, ...], Person] = {}
        # Names and acronyms drawn alike ("ЕАА" in Cyrillic, "ΕΑΑ" in Greek): UTS #39.
        self.by_look: dict[str, Organization] = {}
        self.acronym_look: dict[str, list[Organization]] = defaultdict(list)
        self.notes: list[str] = []  # look-alike and mixed-script names met, for the report
        for org in Organization.objects.all():
            self._index(org)
        for person in Person.objects.all():
            self._index_person(person)

    def _index(self, org: Organization) -> None:
        if org.acronym:
            key = fold(org.acronym)
            if org not in self.by_acronym[key]:
                self.by_acronym[key].append(org)
            if org not in self.acronym_look[look(org.acronym)]:
                self.acronym_look[look(org.acronym)].append(org)
        for name in [*(org.names or {}).values(), *(org.aliases or [])]:
            if name:
                self.by_name.setdefault(fold(name), org)
                self.by_look.setdefault(look(name), org)

    def take_notes(self) -> list[str]:
        notes, self.notes = self.notes, []
        return notes

    def lookalike(self, signer: Signer) -> Organization | None:
        """An organization whose name is drawn like SIGNER's but spelled otherwise.

        It is the same organization when the names look alike, or when the acronyms do and
        the name (or the country) agrees; an acronym that only looks like another is left to
        an editor, with a note.
        """
        by_name = self.by_look.get(look(signer.name)) if signer.name else None
        by_acronym = self.acronym_look.get(look(signer.acronym), []) if signer.acronym else []
        for org in by_acronym:
            names = [*(org.names or {}).values(), *(org.aliases or [])]
            if (
                org is by_name
                or not signer.name
                or any(look(n) == look(signer.name) for n in names)
            ):
                return org
            if signer.country and org.country == signer.country and not names:
                return org
        if by_name is not None:
            return by_name
        if by_acronym:
            self.notes.append(
                f"“{signer.acronym}” looks like the acronym of “{_label(by_acronym[0])}”: "
                "an editor should check whether they are one organization"
            )
        return None

    def _index_person(self, person: Person) -> None:
        for name in [person.name, *(person.display_names or {}).values()]:
            if name:
                self.people.setdefault(fold(name), person)
                sound = _sound(name)
                if sound:
                    self.people_by_sound.setdefault(sound, person)

    def is_known(self, name: str) -> bool:
        key = fold(name)
        return key in self.by_name or key in self.by_acronym or key in self.people

    def find(self, name: str, acronym: str = "", country: str | None = None) -> Organization | None:
        if acronym:
            found = self.by_acronym.get(fold(acronym), [])
            if len(found) > 1 and country:
                found = [o for o in found if o.country == country] or found
            if found:
                return found[0]
        org = self.by_name.get(fold(name)) if name else None
        if org is None and not acronym and is_acronym(name):
            found = self.by_acronym.get(fold(name), [])
            org = found[0] if found else None
        return org

    def organization(self, signer: Signer, lang: str) -> Organization:
        """The organization SIGNER names, found or created, with what this line taught us."""
        org = self.find(signer.name, signer.acronym, signer.country)
        if org is None and signer.other_name:
            org = self.find(signer.other_name)
        written = " ".join(filter(None, [signer.acronym, signer.name]))
        if org is None:
            org = self.lookalike(signer)
            if org is not None:
                self.notes.append(
                    f"“{written}” is written with look-alike letters: "
                    f"matched to “{_label(org)}”, of which it is not made an alias"
                )
                return org
        mixed = mixed_script_words(written)
        if mixed:
            self.notes.append(
                f"“{written}” mixes scripts in {', '.join(f'“{w}”' for w in mixed)}: "
                "an editor should check the name"
            )
        if org is None:
            org = Organization(
                acronym=signer.acronym[:40],
                names={lang: signer.name[:300]},
                aliases=[signer.other_name] if signer.other_name else [],
                country=signer.country or "",
                kind=guess_kind(f"{signer.name} {signer.other_name}"),
            )
            org.save()
        else:
            self._learn(org, signer, lang)
        self._index(org)
        return org

    def _learn(self, org: Organization, signer: Signer, lang: str) -> None:
        changed = False
        names = dict(org.names or {})
        known = {fold(n) for n in [*names.values(), *(org.aliases or []), org.acronym]}
        if signer.name and signer.name != signer.acronym and lang not in names:
            names[lang] = signer.name[:300]
            changed = True
        elif signer.name and fold(signer.name) not in known:
            org.aliases = [*(org.aliases or []), signer.name]
            changed = True
        if signer.other_name and fold(signer.other_name) not in known:
            org.aliases = [*(org.aliases or []), signer.other_name]
            changed = True
        if signer.country and not org.country:
            org.country = signer.country
            changed = True
        if signer.acronym and not org.acronym:
            org.acronym = signer.acronym[:40]
            changed = True
        if changed:
            org.names = names
            org.save()

    def signer(self, signer: Signer, lang: str) -> Organization | Person:
        """The organization or person a signatory line names, found or created.

        A name already known as an organization's stays one; a line read as a person's
        name ("Ayşe Demir, Turkey") is a Person, matched by any of the names it is known by.
        """
        if signer.person and self.find(signer.name, signer.acronym, signer.country) is None:
            return self.person(signer.name, lang, signer.country)
        return self.organization(signer, lang)

    def person(self, name: str, lang: str, country: str | None = None) -> Person:
        """The person NAME names, found or created (with the country a list gave).

        A person written in another script is found by how the name sounds, and learns
        the name as written in LANG.
        """
        person = self.people.get(fold(name))
        if person is None and (sound := _sound(name)):
            person = self.people_by_sound.get(sound)
            if person is not None and fold(name) != fold(person.name):
                names = dict(person.display_names or {})
                if lang not in names:
                    person.display_names = {**names, lang: name[:200]}
                    person.save(update_fields=["display_names"])
                    self._index_person(person)
        if person is None:
            person = Person(name=name[:200], country=country or "")
            person.save()
            self._index_person(person)
        elif country and not person.country:
            person.country = country
            person.save(update_fields=["country"])
        return person

    def author(self, name: str, lang: str) -> Organization | Person:
        """The organization or person a byline names."""
        org = self.find(name)
        if org is not None:
            return org
        person = self.people.get(fold(name))
        if person is not None:
            return person
        if looks_like_organization(name) or is_acronym(name) or len(name.split()) > 4:
            return self.organization(Signer(name=name[:300]), lang)
        person = Person(name=name[:200])
        person.save()
        self._index_person(person)
        return person


def _sound(name: str) -> tuple[str, ...]:
    """The sound keys of a person's name of two words or more, each long enough to tell."""
    keys = tuple(sound_key(word) for word in name.split())
    return keys if len(keys) >= 2 and all(len(k) >= 2 for k in keys) else ()


def _label(org: Organization) -> str:
    name = next(iter((org.names or {}).values()), "")
    return " ".join(filter(None, [org.acronym, f"({name})" if name and org.acronym else name]))
