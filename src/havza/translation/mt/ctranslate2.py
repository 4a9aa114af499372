"""A CTranslate2 model on this server: NLLB or OPUS-MT converted with ct2-*-converter.

The model folder holds the converted model and its SentencePiece models: ``source.spm`` and
``target.spm`` (OPUS-MT), or one ``sentencepiece.bpe.model`` (NLLB, which also needs the
language tokens, e.g. eng_Latn and arb_Arab, set on the engine).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from havza.translation.mt.backend import Unavailable

_lock = threading.Lock()


@lru_cache(maxsize=4)
def _load(model_dir: str):
    import ctranslate2
    import sentencepiece

    folder = Path(model_dir)
    shared = folder / "sentencepiece.bpe.model"
    source_spm = folder / "source.spm" if (folder / "source.spm").exists() else shared
    target_spm = folder / "target.spm" if (folder / "target.spm").exists() else shared
    translator = ctranslate2.Translator(str(folder), device="cpu", inter_threads=1)
    return (
        translator,
        sentencepiece.SentencePieceProcessor(model_file=str(source_spm)),
        sentencepiece.SentencePieceProcessor(model_file=str(target_spm)),
    )


class CTranslate2:
    def __init__(self, model_dir: str, source_prefix: str = "", target_prefix: str = ""):
        if not model_dir or not Path(model_dir).is_dir():
            raise Unavailable(f"model folder {model_dir or '(none)'} does not exist")
        try:
            with _lock:
                self.translator, self.sp_source, self.sp_target = _load(model_dir)
        except Exception as exc:  # a broken folder: its reason goes to the log
            raise Unavailable(f"cannot load the model in {model_dir}: {exc}") from exc
        self.source_prefix = source_prefix
        self.target_prefix = target_prefix

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        batch = []
        for text in texts:
            tokens = self.sp_source.encode(text, out_type=str)
            if self.source_prefix:
                tokens = [self.source_prefix, *tokens, "</s>"]
            batch.append(tokens)
        prefix = [[self.target_prefix]] * len(batch) if self.target_prefix else None
        results = self.translator.translate_batch(
            batch,
            target_prefix=prefix,
            beam_size=2,
            max_batch_size=16,
            max_decoding_length=256,
        )
        out = []
        for result in results:
            tokens = result.hypotheses[0]
            if self.target_prefix and tokens[:1] == [self.target_prefix]:
                tokens = tokens[1:]
            out.append(self.sp_target.decode(tokens))
        return out
