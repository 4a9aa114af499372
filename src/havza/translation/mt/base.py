"""One interface to every engine: a batch of source texts in, one suggestion (or None) out.

An engine that is down, slow or misconfigured never breaks a page: ``suggest`` returns no
suggestion and a reason, and logs the reason for whoever runs the engine. Outputs are kept
(MachineSuggestion) so an engine is asked once per source text and language.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db.models import Q

from havza.translation.models import MachineEngine, MachineSuggestion
from havza.translation.mt.backend import Backend, Unavailable
from havza.translation.mt.ctranslate2 import CTranslate2
from havza.translation.mt.libretranslate import LibreTranslate
from havza.translation.sync import text_hash

log = logging.getLogger("havza.translation.mt")

__all__ = ["Backend", "Suggestions", "Unavailable", "backend", "engine_for", "suggest"]


@dataclass
class Suggestions:
    texts: list[str | None]
    engine: str = ""
    reason: str = ""  # why some or all are missing
    errors: list[str] = field(default_factory=list)


def engine_for(source: str, target: str) -> MachineEngine | None:
    """The enabled engine for the pair: an exact pair wins over a wildcard, then priority."""
    candidates = MachineEngine.objects.filter(
        Q(source_language=source) | Q(source_language=""),
        Q(target_language=target) | Q(target_language=""),
        enabled=True,
    )
    return min(
        candidates,
        key=lambda e: (not e.source_language, not e.target_language, -e.priority, e.pk),
        default=None,
    )


def backend(engine: MachineEngine) -> Backend:
    if engine.backend == MachineEngine.Backend.LIBRETRANSLATE:
        return LibreTranslate(engine.url, engine.api_key, engine.timeout)
    return CTranslate2(engine.model_dir, engine.source_prefix, engine.target_prefix)


def suggest(texts: list[str], source: str, target: str) -> Suggestions:
    """A suggestion for each of TEXTS from SOURCE into TARGET, None where there is none."""
    engine = engine_for(source, target)
    if engine is None:
        return Suggestions([None] * len(texts), reason=f"no engine for {source}→{target}")
    hashes = [text_hash(t) for t in texts]
    known = dict(
        MachineSuggestion.objects.filter(
            engine=engine, target_language=target, source_hash__in=set(hashes)
        ).values_list("source_hash", "text")
    )
    result = Suggestions([known.get(h) for h in hashes], engine=engine.name)
    todo = [i for i, h in enumerate(hashes) if h not in known and texts[i].strip()]
    if not todo:
        return result
    impl = None
    try:
        impl = backend(engine)
    except Unavailable as exc:
        result.reason = str(exc)
    size = max(1, engine.batch_size)
    for start in range(0, len(todo) if impl else 0, size):
        batch = todo[start : start + size]
        try:
            out = impl.translate([texts[i] for i in batch], source, target)
            if len(out) != len(batch):
                raise Unavailable(f"{len(out)} translations for {len(batch)} texts")
        except Unavailable as exc:
            result.reason = str(exc)
            break  # a down engine is not asked again for the next batch
        except Exception as exc:  # an engine's own bug must not become an error page
            result.reason = f"{type(exc).__name__}: {exc}"
            break
        fresh = []
        for i, text in zip(batch, out, strict=True):
            if text and text.strip():
                result.texts[i] = text
                fresh.append(
                    MachineSuggestion(
                        engine=engine, target_language=target, source_hash=hashes[i], text=text
                    )
                )
        MachineSuggestion.objects.bulk_create(fresh, ignore_conflicts=True)
    if result.reason:
        log.warning(
            "machine translation %s (%s→%s): %s", engine.name, source, target, result.reason
        )
    return result
